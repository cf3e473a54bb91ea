package io.inferlink.realservers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.testcontainers.KServeContainer;
import io.inferlink.testcontainers.MLServerContainer;
import io.inferlink.testcontainers.ModelServerContainer;
import io.inferlink.testcontainers.TritonServerContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The six servers of {@code realservers/} (the kit's models and the realistic deployments) in Docker
 * containers started through {@code inferlink-testcontainers}, from the images {@code realservers/docker.sh
 * build} makes: the same pinned KServe, PyTriton and MLServer as the virtualenvs of {@code peers.sh}, the same
 * model scripts and folders, copied into each container. Host networking (the daemon this project starts
 * has no bridge), so every server binds 127.0.0.1 on ports the container classes choose. The answer is the
 * {@code peers.properties} that {@code peers.sh} would have written, so every test reads servers one way.
 *
 * <p>{@link #startOfficialImages} runs the kit's KServe and MLServer from the official images instead, on
 * Docker's bridge network (the opt-in run of {@link OfficialImages}): there a server bound to 127.0.0.1 is out
 * of reach of the published ports, so {@code kserve_models.py} is told {@code REALSERVERS_BIND_ADDRESS=0.0.0.0}
 * and MLServer gets the models folder with a {@code settings.json} that names no host (its
 * {@code "host": "127.0.0.1"} would win over the {@code MLSERVER_HOST=0.0.0.0} its container class sets).
 */
final class RealPeerContainers {
  /** The images of {@code realservers/docker.sh build}, declared substitutes for the official ones. */
  static final DockerImageName KSERVE = DockerImageName.parse("inferlink/kserve:0.21.0")
      .asCompatibleSubstituteFor(KServeContainer.IMAGE);
  static final DockerImageName PYTRITON = DockerImageName.parse("inferlink/pytriton:0.7.0")
      .asCompatibleSubstituteFor(TritonServerContainer.IMAGE);
  static final DockerImageName MLSERVER = DockerImageName.parse("inferlink/mlserver:1.7.1")
      .asCompatibleSubstituteFor(MLServerContainer.IMAGE);

  /** What kserve_models.py binds instead of 127.0.0.1 when set (not INFERLINK_*: fromEnvironment refuses those). */
  static final String BIND_ADDRESS_VARIABLE = "REALSERVERS_BIND_ADDRESS";

  /** The scripts stop themselves after this long, even if nothing stops their container. */
  private static final String MAX_SECONDS = "1500";
  /** MLServer's gRPC refuses messages over 4 MiB by default; the kit sends 6 MiB (mlserver_serve.sh does the same). */
  private static final String MLSERVER_GRPC_MAX_MESSAGE = String.valueOf(64 * 1024 * 1024);

  private final Path realservers;
  private final Map<String, ModelServerContainer<?>> started = new LinkedHashMap<>();
  private Path sklearnModels;

  private RealPeerContainers(Path realservers) {
    this.realservers = realservers;
  }

  /**
   * Starts every server in parallel and answers their ports as {@code peers.sh} names them; a server that
   * does not come up stops the others and fails with its container's message. {@code stop()} of the
   * answer's owner ends them all.
   */
  static RealPeerContainers start(Path realservers) {
    RealPeerContainers peers = new RealPeerContainers(realservers);
    try {
      peers.startAll();
      return peers;
    } catch (RuntimeException e) {
      peers.stop();
      throw e;
    }
  }

  /** {@code <server>.http}, {@code <server>.grpc} for each server, and {@code mlserver-sklearn.models}. */
  Properties properties() {
    Properties p = new Properties();
    started.forEach((name, container) -> {
      p.setProperty(name + ".http", String.valueOf(URI.create(httpEndpoint(container)).getPort()));
      p.setProperty(name + ".grpc", String.valueOf(URI.create(grpcEndpoint(container)).getPort()));
      if (!container.isHostNetwork()) {
        p.setProperty(name + ".host", container.getHost()); // published ports: the Docker host's
      }
    });
    if (sklearnModels != null) {
      p.setProperty("mlserver-sklearn.models", sklearnModels.toString());
    }
    return p;
  }

  /**
   * The kit's KServe ({@code kserve_models.py} in {@code kserve/sklearnserver}, which has {@code kserve} and
   * numpy) and MLServer ({@code mlserver_models} in {@code seldonio/mlserver}) from the official images at
   * the container classes' default tags, on Docker's bridge network; answered as {@link #properties()} with
   * each server's {@code .host}. Pulls the images where they are missing.
   */
  static RealPeerContainers startOfficialImages(Path realservers) {
    RealPeerContainers peers = new RealPeerContainers(realservers);
    try {
      Map<String, ModelServerContainer<?>> servers = new LinkedHashMap<>();
      servers.put("kserve", new KServeContainer()
          .withPythonScript(peers.script("kserve_models.py"), "--max-seconds", MAX_SECONDS)
          .withEnv(BIND_ADDRESS_VARIABLE, "0.0.0.0"));
      servers.put("mlserver", peers.mlServerSettings(new MLServerContainer())
          .withModelRepository(MountableFile.forHostPath(withoutHost(realservers.resolve("mlserver_models"))))
          .waitingForModel("versioned"));
      peers.startInParallel(servers);
      return peers;
    } catch (RuntimeException e) {
      peers.stop();
      throw e;
    }
  }

  /** Stops every container that started (each by its own id, as Testcontainers does). */
  void stop() {
    started.values().forEach(GenericContainer::stop);
  }

  private void startAll() {
    sklearnModels = trainIris();
    Map<String, ModelServerContainer<?>> servers = new LinkedHashMap<>();
    servers.put("kserve", kserve("kserve_models.py"));
    servers.put("kserve-realistic", kserve("kserve_realistic.py")
        // it reuses kserve_models.py's 127.0.0.1 patch
        .withCopyFileToContainer(script("kserve_models.py"), ModelServerContainer.SCRIPT_DIR + "/kserve_models.py"));
    servers.put("pytriton", pyTriton("pytriton_models.py").waitingForModel("versioned")); // bound last
    servers.put("pytriton-realistic", pyTriton("pytriton_realistic.py").waitingForModel("half")); // bound last
    servers.put("mlserver", mlServer(MountableFile.forHostPath(realservers.resolve("mlserver_models")))
        .waitingForModel("versioned"));
    servers.put("mlserver-sklearn", mlServer(MountableFile.forHostPath(sklearnModels)));
    startInParallel(servers);
  }

  /** Starts the servers at once; one that fails stops them all and fails with every failure listed. */
  private void startInParallel(Map<String, ModelServerContainer<?>> servers) {
    ExecutorService pool = Executors.newFixedThreadPool(servers.size());
    try {
      Map<String, Future<?>> starts = new LinkedHashMap<>();
      servers.forEach((name, container) -> starts.put(name, pool.submit(container::start)));
      List<String> failures = new ArrayList<>();
      RuntimeException first = null;
      for (Map.Entry<String, Future<?>> e : starts.entrySet()) {
        try {
          e.getValue().get();
          started.put(e.getKey(), servers.get(e.getKey()));
        } catch (ExecutionException ex) {
          failures.add(e.getKey() + ": " + ex.getCause().getMessage());
          if (first == null) {
            first = new IllegalStateException("real server " + e.getKey() + " did not start in its container",
                ex.getCause());
          }
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting the real-server containers", ex);
        }
      }
      if (first != null) {
        // stop those that did start, and any that is still half-started
        servers.values().forEach(GenericContainer::stop);
        first.addSuppressed(new IllegalStateException("every failure: " + failures));
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private KServeContainer kserve(String script) {
    return new KServeContainer(KSERVE).withHostNetwork()
        .withPythonScript(script(script), "--max-seconds", MAX_SECONDS);
  }

  private TritonServerContainer pyTriton(String script) {
    return new TritonServerContainer(PYTRITON).withHostNetwork()
        .withPyTritonScript(script(script), "--max-seconds", MAX_SECONDS);
  }

  private MLServerContainer mlServer(MountableFile repository) {
    return mlServerSettings(new MLServerContainer(MLSERVER).withHostNetwork()).withModelRepository(repository);
  }

  /** What every MLServer of these tests is given, whatever its image and network. */
  private MLServerContainer mlServerSettings(MLServerContainer mlserver) {
    return mlserver
        .withEnv("MLSERVER_GRPC_MAX_MESSAGE_LENGTH", MLSERVER_GRPC_MAX_MESSAGE)
        // models in the server process, as mlserver_serve.sh runs them: 1.7.1's worker processes die at start
        // under uvloop on Python 3.11 ("There is no current event loop in thread 'MainThread'")
        .withEnv("MLSERVER_PARALLEL_WORKERS", "0");
  }

  /**
   * Runs {@code sklearn_iris.py} once in the MLServer image (where scikit-learn is) and unpacks what it wrote —
   * the models, their {@code model-settings.json} and {@code iris-expected.json} — into a host folder the
   * tests read and the {@code mlserver-sklearn} container copies in. Copied out as one tar file, not through a
   * bind mount: Testcontainers checks bind mounts with a helper image of its own, which no registry here serves.
   */
  private Path trainIris() {
    Path out;
    try {
      out = Files.createTempDirectory("inferlink-iris");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for the iris models", e);
    }
    Path tar = out.resolve("iris.tar");
    try (GenericContainer<?> training = new GenericContainer<>(MLSERVER)) {
      training.withNetworkMode("host")
          .withCopyFileToContainer(script("sklearn_iris.py"), "/opt/inferlink/sklearn_iris.py")
          .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("sh", "-c"))
          // one argument for sh -c (withCommand(String) would split it at spaces)
          .withCommand(new String[] {"python /opt/inferlink/sklearn_iris.py --out /tmp/iris && tar -C /tmp/iris -cf /tmp/iris.tar ."})
          .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(3)))
          .start();
      training.copyFileFromContainer("/tmp/iris.tar", tar.toString());
    }
    untar(tar, out);
    if (!Files.isRegularFile(out.resolve("iris-expected.json"))) {
      throw new IllegalStateException("sklearn_iris.py wrote no iris-expected.json into " + out);
    }
    return out;
  }

  private static void untar(Path tar, Path into) {
    try {
      Process p = new ProcessBuilder("tar", "-C", into.toString(), "-xf", tar.toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("tar -xf " + tar + " failed: " + output);
      }
      Files.delete(tar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + tar, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while unpacking " + tar, e);
    }
  }

  /**
   * A temporary copy of an MLServer models folder whose {@code settings.json} names no {@code host}, so that
   * {@code MLSERVER_HOST} decides; the folder itself is left as it is (peers.sh binds 127.0.0.1 through it).
   */
  static Path withoutHost(Path models) {
    try {
      Path copy = Files.createTempDirectory("inferlink-mlserver-models");
      try (Stream<Path> files = Files.walk(models)) {
        for (Path from : (Iterable<Path>) files::iterator) {
          Path to = copy.resolve(models.relativize(from).toString());
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
          } else {
            Files.copy(from, to);
          }
        }
      }
      Path settings = copy.resolve("settings.json");
      if (Files.isRegularFile(settings)) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(settings.toFile());
        tree.remove("host");
        json.writerWithDefaultPrettyPrinter().writeValue(settings.toFile(), tree);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + models + " without its settings.json host", e);
    }
  }

  private MountableFile script(String name) {
    return MountableFile.forHostPath(realservers.resolve(name));
  }

  private static String httpEndpoint(ModelServerContainer<?> c) {
    return c.endpoints().stream().filter(e -> e.startsWith("kserve-v2+http")).findFirst().orElseThrow();
  }

  private static String grpcEndpoint(ModelServerContainer<?> c) {
    return c.endpoints().stream().filter(e -> e.startsWith("kserve-v2+grpc")).findFirst().orElseThrow();
  }
}
