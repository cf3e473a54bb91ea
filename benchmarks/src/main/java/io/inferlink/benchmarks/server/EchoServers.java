package io.inferlink.benchmarks.server;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Every loopback server the benchmarks call, on ephemeral 127.0.0.1 ports: one gRPC server with the
 * Open Inference Protocol and TF Serving echo services, the HTTP echo, the socket echo, and optionally
 * the emulator (identity model) for comparison. {@link #main} runs them in their own JVM, so their
 * CPU and garbage are not counted in the benchmark's {@code -prof gc}; the smoke test starts them
 * in-process. Thread-safe; close to stop everything.
 */
public final class EchoServers implements AutoCloseable {
  /** The largest gRPC message the servers take: far above the 16-image batch. */
  static final int MAX_MESSAGE = 256 * 1024 * 1024;

  private final Server grpc;
  private final HttpEchoServer http;
  private final SocketEchoServer socket;
  private final Emulator emulator; // null unless asked for

  private EchoServers(boolean withEmulator, Duration lifetime) throws IOException {
    grpc = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .directExecutor() // the echo handlers never block: no hand-off to another thread
        .maxInboundMessageSize(MAX_MESSAGE)
        .addService(ServerInterceptors.intercept(new OipGrpcEcho(), new GzipAnswers()))
        .addService(ServerInterceptors.intercept(new TfGrpcEcho(), new GzipAnswers()))
        .build()
        .start();
    http = new HttpEchoServer();
    socket = new SocketEchoServer();
    emulator = withEmulator
        ? Emulator.builder().maxLifetime(lifetime).frontend(new OipGrpcFrontend()).frontend(new OipRestFrontend())
            .frontend(new TfServingGrpcFrontend()).build().start()
        : null;
  }

  /** Starts the servers; the emulator too when {@code withEmulator}. */
  public static EchoServers start(boolean withEmulator, Duration lifetime) {
    try {
      return new EchoServers(withEmulator, lifetime);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the benchmark servers", e);
    }
  }

  /** Where each server listens: {@code grpc}, {@code http}, {@code socket}, and {@code emulator.*} keys. */
  public Properties ports() {
    Properties p = new Properties();
    p.setProperty("grpc", Integer.toString(grpc.getPort()));
    p.setProperty("http", Integer.toString(http.port()));
    p.setProperty("socket", Integer.toString(socket.port()));
    if (emulator != null) {
      p.setProperty("emulator.oip.grpc", Integer.toString(emulator.port(OipGrpcFrontend.PROTOCOL)));
      p.setProperty("emulator.oip.http", Integer.toString(emulator.port(OipRestFrontend.PROTOCOL)));
      p.setProperty("emulator.tf.grpc", Integer.toString(emulator.port(TfServingGrpcFrontend.PROTOCOL)));
    }
    return p;
  }

  @Override
  public void close() {
    grpc.shutdownNow();
    http.close();
    socket.close();
    if (emulator != null) {
      emulator.close();
    }
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code EchoServers --ports-file F [--max-seconds N] [--emulator]}: starts the servers, writes their
   * ports to F (atomically, once they listen), and exits after N seconds (default 3600) or on SIGTERM.
   */
  public static void main(String[] args) throws Exception {
    Path portsFile = null;
    long maxSeconds = 3600;
    boolean withEmulator = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--ports-file": portsFile = Path.of(args[++i]); break;
        case "--max-seconds": maxSeconds = Long.parseLong(args[++i]); break;
        case "--emulator": withEmulator = true; break;
        default: throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (portsFile == null) {
      throw new IllegalArgumentException("--ports-file is required");
    }
    EchoServers servers = start(withEmulator, Duration.ofSeconds(maxSeconds));
    Runtime.getRuntime().addShutdownHook(new Thread(servers::close));
    Path tmp = portsFile.resolveSibling(portsFile.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      servers.ports().store(out, "inferlink benchmark servers, pid " + ProcessHandle.current().pid());
    }
    Files.move(tmp, portsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
    System.exit(0);
  }
}
