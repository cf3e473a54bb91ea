package io.inferlink.realservers;

import io.inferlink.testcontainers.DockerCondition;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real servers of {@code realservers/} (KServe, Triton through PyTriton, MLServer, with the kit's
 * models, and {@code kserve-realistic}, {@code pytriton-realistic}, {@code mlserver-sklearn} with
 * models written as the servers' own quick-starts write them) for the integration tests. When
 * {@code REALSERVERS_PEERS} names a state folder written by {@code peers.sh start} (what
 * {@code .ci/run} does), or several separated by {@link File#pathSeparator} (servers started
 * separately, e.g. {@code /tmp/kit-peers:/tmp/realistic-peers}), those running servers are used and
 * left alone. With {@code REQUIRE_DOCKER=true} (what {@code .ci/run} sets) the first test to ask
 * starts them in Docker containers through {@code inferlink-testcontainers} ({@link RealPeerContainers});
 * otherwise with {@code peers.sh start} into a temporary folder. Either way a JVM shutdown hook stops them
 * and they also stop by themselves after 20–25 minutes. A server that does not start fails the test with
 * its output, never skips it.
 */
final class RealPeers {
  private static final long START_TIMEOUT_MINUTES = 10; // includes creating the virtualenvs once
  private static RealPeers instance;
  private static RuntimeException startFailure; // kept: one failed start fails every later test at once
  private static RealPeers officialImages;
  private static RuntimeException officialImagesFailure; // the same, for the official images' containers

  private final Properties properties;

  private RealPeers(Properties properties) {
    this.properties = properties;
  }

  /** The running peers, started on first use. */
  static synchronized RealPeers get() {
    if (startFailure != null) {
      throw new IllegalStateException("the real servers did not start (see the first failure)", startFailure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return instance;
  }

  /**
   * The kit's KServe and MLServer in containers of the official images ({@code kserve/sklearnserver},
   * {@code seldonio/mlserver}) on Docker's bridge network, started on first use, for the opt-in run
   * ({@link OfficialImages}). Docker missing fails, never skips; a JVM shutdown hook stops them.
   */
  static synchronized RealPeers officialImages() {
    if (officialImagesFailure != null) {
      throw new IllegalStateException("the official-image servers did not start (see the first failure)",
          officialImagesFailure);
    }
    if (officialImages == null) {
      try {
        System.out.println("real servers: KServe and MLServer from their official images, on Docker's bridge network");
        RealPeerContainers containers = RealPeerContainers.startOfficialImages(findScript().getParent());
        Runtime.getRuntime().addShutdownHook(new Thread(containers::stop, "inferlink-official-containers-stop"));
        officialImages = new RealPeers(containers.properties());
      } catch (RuntimeException e) {
        officialImagesFailure = e;
        throw e;
      }
    }
    return officialImages;
  }

  /**
   * {@code scheme://<host>:<port>} of {@code server}'s HTTP or gRPC listener: the host is {@code <server>.host}
   * where recorded (a bridge-network container's Docker host), else 127.0.0.1 (peers.sh, host networking).
   */
  String endpoint(String server, String scheme) {
    String key = server + (scheme.contains("grpc") ? ".grpc" : ".http");
    return scheme + "://" + properties.getProperty(server + ".host", "127.0.0.1") + ":" + property(server, key);
  }

  /** A folder {@code server} was started with, as {@code peers.sh} recorded it under {@code server.what}. */
  Path folder(String server, String what) {
    return Paths.get(property(server, server + "." + what));
  }

  private String property(String server, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("peers.properties has no " + key + " (is " + server + " among the servers"
          + " started by peers.sh start? REALSERVERS_PEERS=" + System.getenv("REALSERVERS_PEERS") + "): " + properties);
    }
    return value;
  }

  private static RealPeers start() {
    String given = System.getenv("REALSERVERS_PEERS");
    if (given != null && !given.isBlank()) {
      System.out.println("real servers: the running ones of REALSERVERS_PEERS=" + given);
      return new RealPeers(merge(given.split(File.pathSeparator)));
    }
    if ("true".equals(System.getenv(DockerCondition.REQUIRED_VARIABLE))) {
      return startContainers(findScript().getParent());
    }
    System.out.println("real servers: started as processes by realservers/peers.sh"
        + " (REQUIRE_DOCKER=true runs them in Docker containers instead)");
    return startProcesses(findScript());
  }

  /** In containers (inferlink-testcontainers); a JVM shutdown hook stops them. Docker missing fails, never skips. */
  private static RealPeers startContainers(Path realservers) {
    System.out.println("real servers: in Docker containers through inferlink-testcontainers (REQUIRE_DOCKER=true)");
    RealPeerContainers containers = RealPeerContainers.start(realservers);
    Runtime.getRuntime().addShutdownHook(new Thread(containers::stop, "inferlink-peer-containers-stop"));
    return new RealPeers(containers.properties());
  }

  private static RealPeers startProcesses(Path script) {
    try {
      Path state = Files.createTempDirectory("inferlink-peers");
      Path output = state.resolve("peers-start.out");
      Process start = new ProcessBuilder(List.of("bash", script.toString(), "start", "--state", state.toString(),
          "--max-seconds", "1200"))
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!start.waitFor(START_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        start.destroyForcibly();
        stop(script, state);
        throw new IllegalStateException("peers.sh start did not finish in " + START_TIMEOUT_MINUTES + " min:\n" + tail(output));
      }
      if (start.exitValue() != 0) {
        throw new IllegalStateException("peers.sh start failed (exit " + start.exitValue() + "):\n" + tail(output));
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, state), "inferlink-peers-stop"));
      return new RealPeers(load(state.resolve("peers.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the peers", e);
    }
  }

  private static void stop(Path script, Path state) {
    try {
      Process stop = new ProcessBuilder("bash", script.toString(), "stop", "--state", state.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!stop.waitFor(60, TimeUnit.SECONDS)) {
        stop.destroyForcibly();
      }
    } catch (IOException e) {
      // the servers still end by themselves at --max-seconds
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The checkout's {@code realservers/} folder. */
  static Path realserversFolder() {
    return findScript().getParent();
  }

  private static Path findScript() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("realservers/peers.sh");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("realservers/peers.sh not found above " + Paths.get("").toAbsolutePath());
  }

  /** The peers.properties of every folder, which must not disagree on any key (one server, one folder). */
  private static Properties merge(String[] folders) {
    Properties merged = new Properties();
    for (String folder : folders) {
      if (folder.isBlank()) {
        continue;
      }
      Path file = Paths.get(folder.trim(), "peers.properties");
      for (Map.Entry<Object, Object> e : load(file).entrySet()) {
        Object before = merged.putIfAbsent(e.getKey(), e.getValue());
        if (before != null && !before.equals(e.getValue())) {
          throw new IllegalStateException("REALSERVERS_PEERS folders disagree on " + e.getKey() + ": " + before
              + " and " + e.getValue() + " (in " + file + ")");
        }
      }
    }
    return merged;
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (written by realservers/peers.sh start)", e);
    }
    return p;
  }

  private static String tail(Path output) {
    try {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
