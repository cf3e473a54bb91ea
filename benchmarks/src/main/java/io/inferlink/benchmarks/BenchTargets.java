package io.inferlink.benchmarks;

import io.inferlink.benchmarks.server.EchoServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Where the benchmarks' loopback servers listen. {@code benchmarks/run} starts them in a JVM of their
 * own and passes their ports file as {@value #SERVERS}; without it (the smoke test) they are started
 * in this JVM on first use and stopped at exit. {@value #TARGET}{@code =emulator} points the V2 and TF
 * gRPC and V2 REST scenarios at the emulator's identity model instead of the echo servers.
 * Thread-safe.
 */
public final class BenchTargets {
  /** System property: the ports file written by {@code EchoServers --ports-file}. */
  public static final String SERVERS = "inferlink.bench.servers";
  /** System property: {@code echo} (default) or {@code emulator}. */
  public static final String TARGET = "inferlink.bench.target";
  /** The loopback address every server binds. */
  public static final String HOST = "127.0.0.1";

  private static Properties ports;

  private BenchTargets() {}

  private static synchronized Properties ports() {
    if (ports == null) {
      String file = System.getProperty(SERVERS);
      if (file != null) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
          p.load(in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the benchmark servers' ports from " + file, e);
        }
        ports = p;
      } else {
        EchoServers servers = EchoServers.start(emulator(), Duration.ofMinutes(30));
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close));
        ports = servers.ports();
      }
    }
    return ports;
  }

  /** True when the scenarios call the emulator instead of the echo servers. */
  public static boolean emulator() {
    return "emulator".equals(System.getProperty(TARGET, "echo"));
  }

  private static int port(String key) {
    String v = ports().getProperty(key);
    if (v == null) {
      throw new IllegalStateException("no benchmark server '" + key + "' (was the emulator started? "
          + "EchoServers --emulator)");
    }
    return Integer.parseInt(v);
  }

  /** The Open Inference Protocol gRPC server. */
  public static int oipGrpcPort() {
    return port(emulator() ? "emulator.oip.grpc" : "grpc");
  }

  /** The Open Inference Protocol REST server. */
  public static int oipHttpPort() {
    return port(emulator() ? "emulator.oip.http" : "http");
  }

  /** The TF Serving gRPC server. */
  public static int tfGrpcPort() {
    return port(emulator() ? "emulator.tf.grpc" : "grpc");
  }

  /** The raw socket echo of the floor. */
  public static int socketPort() {
    return port("socket");
  }
}
