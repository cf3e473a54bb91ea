package io.inferlink.testcontainers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A model server in a Docker container that hands out the Inferlink endpoint strings it serves:
 * {@code InferenceClient.create(container.endpoints().get(0))}. What every server container shares lives
 * here once: the two network modes, the endpoint strings, the readiness wait and the python-script mode;
 * each subclass (the server classes of this package; the constructor is not public) adds its server's
 * command line, files and ports. Not thread-safe: configure it, then start it, from one thread (as any
 * Testcontainers container).
 *
 * <p><b>Network modes.</b> By default the container is on Docker's bridge network: the server listens on
 * its image's documented ports inside the container, Docker publishes them on random ports of the Docker
 * host, and endpoints name {@code getHost()} and those ports. {@link #withHostNetwork()} is for daemons
 * without a bridge network: the container shares the host's network ({@code --network host}), free ports
 * on 127.0.0.1 are chosen when it starts, the server is told them (and told to bind 127.0.0.1 where it has
 * a flag for that), and endpoints name 127.0.0.1. Host networking needs the Docker daemon on this machine.
 *
 * <p><b>Readiness.</b> {@code start()} returns when the server's own readiness URL answers (each
 * subclass names it), or fails with a {@code ContainerLaunchException} that quotes the URL's last answer
 * and the tail of the container's log. {@link #waitingForModel(String)} waits for named models instead;
 * {@code withStartupTimeout} changes the time allowed.
 *
 * @param <SELF> the concrete container type, for fluent {@code with...} methods
 */
public abstract class ModelServerContainer<SELF extends ModelServerContainer<SELF>> extends GenericContainer<SELF> {
  /** Where the python-script modes copy the script (and {@code python} runs it from). */
  public static final String SCRIPT_DIR = "/opt/inferlink";

  private final Map<String, Integer> defaultPorts;
  private final ServerReadyWait readyWait;
  private final List<String> readinessModels = new ArrayList<>();
  private boolean hostNetwork;
  private ListenPorts listenPorts;
  private List<String> entrypoint;

  /**
   * @param image the image to run; must be one of {@code compatible} or declared a substitute for one
   * @param defaultPorts the server's ports by name, at the image's documented defaults, in the order
   *     free ports are chosen for them in host-network mode
   * @param startupTimeout the time the server gets to answer its readiness URL
   * @param compatible the official image names this class is written for
   */
  ModelServerContainer(DockerImageName image, Map<String, Integer> defaultPorts, Duration startupTimeout,
      DockerImageName... compatible) {
    super(checked(image, compatible));
    this.defaultPorts = new LinkedHashMap<>(defaultPorts);
    this.readyWait = new ServerReadyWait(this::readinessTargets, startupTimeout);
    addExposedPorts(defaultPorts.values().stream().mapToInt(Integer::intValue).toArray());
    setWaitStrategy(readyWait);
    // One modifier, registered once: an entrypoint set later (python-script modes) still applies.
    withCreateContainerCmdModifier(cmd -> {
      if (entrypoint != null) {
        cmd.withEntrypoint(entrypoint);
      }
    });
  }

  private static DockerImageName checked(DockerImageName image, DockerImageName... compatible) {
    Objects.requireNonNull(image, "image").assertCompatibleWith(compatible);
    return image;
  }

  /**
   * Runs the container in the host's network ({@code --network host}) on free 127.0.0.1 ports chosen at
   * start, instead of Docker's bridge network with published ports. For Docker daemons without a bridge
   * network; the daemon must run on this machine.
   *
   * @return this container
   */
  public SELF withHostNetwork() {
    this.hostNetwork = true;
    return self();
  }

  /**
   * Whether {@link #withHostNetwork()} was asked for.
   *
   * @return true when the container shares the host's network
   */
  public boolean isHostNetwork() {
    return hostNetwork;
  }

  /**
   * Counts the server as ready only once this model answers its readiness check (repeat for several
   * models), instead of the server's own readiness URL. For servers that report ready before every model
   * is loaded (PyTriton binds its models after Triton is up).
   *
   * @param model the model's name
   * @return this container
   */
  public SELF waitingForModel(String model) {
    ModelPaths.segment(model); // refuses a name no client could send
    readinessModels.add(model);
    return self();
  }

  /**
   * Every Inferlink endpoint string the server serves, in a fixed order; call after {@code start()}.
   *
   * @return the endpoint strings, one per protocol and API the server speaks
   */
  public List<String> endpoints() {
    return reach().endpoints(endpointForms());
  }

  @Override
  protected void configure() {
    listenPorts = hostNetwork
        ? ListenPorts.free(new ArrayList<>(defaultPorts.keySet()), LoopbackPorts::pick)
        : ListenPorts.of(defaultPorts);
    if (hostNetwork) {
      setNetworkMode("host");
      setExposedPorts(new ArrayList<>()); // host networking publishes nothing
    }
    configureServer(listenPorts);
  }

  /** Sets the server's command line, environment and generated files for the ports it listens on. */
  abstract void configureServer(ListenPorts ports);

  /** The endpoint forms the server serves, in the order {@link #endpoints()} lists them. */
  abstract List<EndpointForm> endpointForms();

  /** What the server must answer to be ready when no model is named. */
  abstract List<ReadinessCheck> serverReadiness();

  /** The readiness check of one model; the Open Inference Protocol's model-ready path by default. */
  ReadinessCheck modelReadiness(String model) {
    return ReadinessCheck.status200("http", "/v2/models/" + ModelPaths.segment(model) + "/ready");
  }

  /** The models named with {@link #waitingForModel(String)}. */
  List<String> readinessModels() {
    return List.copyOf(readinessModels);
  }

  /** The checks the wait runs: the named models', else the server's own. */
  List<ReadinessCheck> readinessChecks() {
    return readinessModels.isEmpty() ? serverReadiness() : readinessModels.stream().map(this::modelReadiness).toList();
  }

  List<ServerReadyWait.Target> readinessTargets() {
    Reach reach = reach();
    return readinessChecks().stream()
        .map(check -> new ServerReadyWait.Target(
            URI.create(reach.httpUrl(check.portName(), check.path())),
            check))
        .toList();
  }

  /** One endpoint string; call after {@code start()}. */
  String endpoint(EndpointForm form) {
    return reach().endpoint(form);
  }

  /** How this container's ports are reached now. */
  Reach reach() {
    return new Reach(hostNetwork, listenPorts(), this::getMappedPort, this::getHost);
  }

  /** The ports the server listens on: chosen at start with host networking, the image's defaults otherwise. */
  ListenPorts listenPorts() {
    if (listenPorts != null) {
      return listenPorts;
    }
    if (hostNetwork) {
      throw new IllegalStateException("the host-network ports are chosen when the container starts: start it first");
    }
    return ListenPorts.of(defaultPorts);
  }

  /** The timeout the default readiness wait gives the server. */
  Duration startupTimeout() {
    return readyWait.startupTimeout();
  }

  /** The entrypoint that replaces the image's, or {@code null} for the image's own. */
  List<String> entrypoint() {
    return entrypoint;
  }

  /**
   * Copies a python script into {@link #SCRIPT_DIR} and runs {@code python} (which the image must have on
   * its {@code PATH}) on it instead of the image's entrypoint. The script keeps its file name, except a
   * classpath resource inside a jar, which Testcontainers extracts under a temporary name first.
   */
  String useScript(MountableFile script) {
    String name = Path.of(Objects.requireNonNull(script, "script").getFilesystemPath()).getFileName().toString();
    String inContainer = SCRIPT_DIR + "/" + name;
    withCopyFileToContainer(script, inContainer);
    replaceEntrypoint("python");
    return inContainer;
  }

  /** Runs {@code command} instead of the image's entrypoint; the container's command becomes its arguments. */
  void replaceEntrypoint(String... command) {
    this.entrypoint = List.of(command);
  }
}
