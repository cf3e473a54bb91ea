package io.inferlink.allit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The emulator in a child JVM, started as {@code inferlink emulator --ovms} (module cli) with the command
 * line's own class path: the emulator needs today's protobuf, gRPC and Jackson, which must not meet the
 * old versions on this JVM's class path. Listens on 127.0.0.1 only, stops itself after {@link #MAX_SECONDS}
 * in any case, and is stopped by PID in {@link #close()}.
 */
final class EmulatorProcess implements AutoCloseable {
  private static final long MAX_SECONDS = 600;
  private static final long START_SECONDS = 90;

  private final Process process;
  private final Map<String, String> endpoints = new ConcurrentHashMap<>();
  private final List<String> output = new ArrayList<>();

  private EmulatorProcess(Process process) {
    this.process = process;
  }

  /** Starts the child and waits (bounded) until it prints its endpoints. */
  static EmulatorProcess start() throws IOException, InterruptedException {
    Path cliDir = Path.of(System.getProperty("inferlink.cli.dir", "../cli/target"));
    Path cliJar;
    try (Stream<Path> files = Files.list(cliDir)) {
      cliJar = files.filter(p -> p.getFileName().toString().matches("inferlink-cli-.*\\d(-SNAPSHOT)?\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no inferlink-cli jar in " + cliDir.toAbsolutePath()
              + ": build the cli module first (mvn -pl all-it -am verify does)"));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = cliJar + File.pathSeparator + cliDir.resolve("lib") + File.separator + "*";
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, "io.inferlink.cli.Main",
        "emulator", "--ovms", "--max-seconds", Long.toString(MAX_SECONDS))
        .redirectErrorStream(true).start();
    EmulatorProcess emulator = new EmulatorProcess(child);
    emulator.awaitEndpoints();
    return emulator;
  }

  private void awaitEndpoints() throws InterruptedException {
    CountDownLatch serving = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (output) {
            output.add(line);
          }
          String trimmed = line.trim();
          int schemeEnd = trimmed.indexOf("://127.0.0.1:");
          if (schemeEnd > 0) {
            endpoints.put(trimmed.substring(0, schemeEnd), trimmed);
          }
          if (trimmed.startsWith("serving ")) {
            serving.countDown();
          }
        }
      } catch (IOException e) {
        // the child's output ended with the child
      }
    }, "all-it-emulator-output");
    reader.setDaemon(true);
    reader.start();
    if (!serving.await(START_SECONDS, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("the emulator did not start within " + START_SECONDS + " s; it printed: " + output());
    }
  }

  /** The endpoint the child printed for a scheme, e.g. {@code ovms+grpc://127.0.0.1:40123}. */
  String endpoint(String scheme) {
    String endpoint = endpoints.get(scheme);
    if (endpoint == null) {
      throw new IllegalArgumentException("the emulator printed no " + scheme + " endpoint: " + output());
    }
    return endpoint;
  }

  private List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** Stops the child by its PID, forcibly when it has not ended after ten seconds. */
  @Override
  public void close() {
    ProcessHandle handle = process.toHandle();
    handle.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        handle.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (process.isAlive()) {
      throw new UncheckedIOException(new IOException("emulator child " + handle.pid() + " still runs"));
    }
  }
}
