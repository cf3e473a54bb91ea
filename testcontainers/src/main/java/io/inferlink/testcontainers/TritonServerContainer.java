package io.inferlink.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * NVIDIA Triton Inference Server ({@code nvcr.io/nvidia/tritonserver:<release>-py3}) on a model repository
 * copied to {@code /models}, or a PyTriton script in an image that has {@code nvidia-pytriton}. Endpoints:
 * {@code kserve-v2+http} (port 8000) and {@code kserve-v2+grpc} (8001). Not thread-safe (configure, then
 * start).
 *
 * <p>Triton mode runs {@code tritonserver --model-repository=/models --http-port --grpc-port
 * --metrics-port}, with {@code --http-address/--grpc-address/--metrics-address 127.0.0.1} under host
 * networking. PyTriton mode ({@link #withPyTritonScript}) runs {@code python /opt/inferlink/<script>} and
 * hands the ports (and, under host networking, the addresses) to PyTriton through its
 * {@code PYTRITON_TRITON_CONFIG_*} environment variables, which {@code Triton()} reads unless the script
 * passes a {@code TritonConfig} that sets them. The container gets 1 GiB of shared memory, as Triton's
 * docs run it ({@code --shm-size=1g}). Ready at {@code GET /v2/health/ready}; a PyTriton script binds its
 * models after Triton is up, so name them with {@link #waitingForModel}. 3 minutes by default.
 */
public class TritonServerContainer extends ModelServerContainer<TritonServerContainer> {
  /** The official image (NGC). */
  public static final DockerImageName IMAGE = DockerImageName.parse("nvcr.io/nvidia/tritonserver");
  /** The tag {@link #TritonServerContainer()} runs: release 24.10, Triton 2.51.0 (the version PyTriton 0.7.0 ships). */
  public static final String DEFAULT_TAG = "24.10-py3";
  /** Where {@link #withModelRepository} and {@link #withModel} copy models. */
  public static final String MODEL_REPOSITORY = "/models";
  /** Triton's documented HTTP port. */
  public static final int HTTP_PORT = 8000;
  /** Triton's documented gRPC port. */
  public static final int GRPC_PORT = 8001;
  /** Triton's documented metrics port. */
  public static final int METRICS_PORT = 8002;
  /** The shared memory Triton's docs give the container. */
  public static final long SHM_BYTES = 1L << 30;

  static final EndpointForm HTTP_FORM = EndpointForm.of("kserve-v2+http", "http");
  static final EndpointForm GRPC_FORM = EndpointForm.of("kserve-v2+grpc", "grpc");

  private boolean repository;
  private String pyTritonScript;
  private List<String> pyTritonArgs = List.of();

  /** The official image at {@link #DEFAULT_TAG}. */
  public TritonServerContainer() {
    this(IMAGE.withTag(DEFAULT_TAG));
  }

  /**
   * Any tag of the official image, or another image declared a substitute for it: a private mirror, or an
   * image with PyTriton ({@code DockerImageName.parse("inferlink/pytriton:0.7.0")
   * .asCompatibleSubstituteFor("nvcr.io/nvidia/tritonserver")}).
   *
   * @param image the image to run: an official tag, or an image declared a compatible substitute
   */
  public TritonServerContainer(DockerImageName image) {
    super(image, ports(), Duration.ofMinutes(3), IMAGE);
    withSharedMemorySize(SHM_BYTES);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("http", HTTP_PORT);
    ports.put("grpc", GRPC_PORT);
    ports.put("metrics", METRICS_PORT);
    return ports;
  }

  /**
   * Copies a whole model repository (one folder per model, each with its {@code config.pbtxt}) to {@code /models}.
   *
   * @param folder the folder on the host or on the class path
   * @return this container
   */
  public TritonServerContainer withModelRepository(MountableFile folder) {
    withCopyFileToContainer(folder, MODEL_REPOSITORY);
    this.repository = true;
    return self();
  }

  /**
   * Copies one model folder to {@code /models/<name>}.
   *
   * @param name the model's name, as clients address it
   * @param folder the folder on the host or on the class path
   * @return this container
   */
  public TritonServerContainer withModel(String name, MountableFile folder) {
    withCopyFileToContainer(folder, MODEL_REPOSITORY + "/" + ModelPaths.segment(name));
    this.repository = true;
    return self();
  }

  /**
   * Serves with a PyTriton script instead of {@code tritonserver}: the script is copied to
   * {@code /opt/inferlink/} and run as {@code python /opt/inferlink/<script> <args>}; it binds its models
   * and serves ({@code Triton().bind(...)}, {@code serve()}). The image must have {@code nvidia-pytriton}.
   *
   * @param script the Python script, on the host or on the class path
   * @param args the script's command-line arguments
   * @return this container
   */
  public TritonServerContainer withPyTritonScript(MountableFile script, String... args) {
    this.pyTritonScript = useScript(script);
    this.pyTritonArgs = List.of(args);
    return self();
  }

  /**
   * {@code kserve-v2+http://host:port}: the Open Inference Protocol over REST, binary extension included.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String kserveV2HttpEndpoint() {
    return endpoint(HTTP_FORM);
  }

  /**
   * {@code kserve-v2+grpc://host:port}: the Open Inference Protocol over gRPC.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String kserveV2GrpcEndpoint() {
    return endpoint(GRPC_FORM);
  }

  @Override
  void configureServer(ListenPorts ports) {
    if (pyTritonScript != null) {
      if (repository) {
        throw new IllegalStateException("a PyTriton script builds its own model store: drop withModelRepository/withModel");
      }
      configurePyTriton(ports);
      return;
    }
    if (!repository) {
      throw new IllegalStateException("Triton needs models: withModelRepository(folder), withModel(name, folder)"
          + " or withPyTritonScript(script)");
    }
    List<String> command = new ArrayList<>(List.of("tritonserver", "--model-repository=" + MODEL_REPOSITORY,
        "--http-port=" + ports.port("http"), "--grpc-port=" + ports.port("grpc"),
        "--metrics-port=" + ports.port("metrics")));
    if (isHostNetwork()) {
      command.addAll(List.of("--http-address=" + Reach.LOOPBACK, "--grpc-address=" + Reach.LOOPBACK,
          "--metrics-address=" + Reach.LOOPBACK));
    }
    setCommand(command.toArray(String[]::new));
  }

  private void configurePyTriton(ListenPorts ports) {
    withEnv("PYTRITON_TRITON_CONFIG_HTTP_PORT", String.valueOf(ports.port("http")));
    withEnv("PYTRITON_TRITON_CONFIG_GRPC_PORT", String.valueOf(ports.port("grpc")));
    withEnv("PYTRITON_TRITON_CONFIG_METRICS_PORT", String.valueOf(ports.port("metrics")));
    if (isHostNetwork()) {
      withEnv("PYTRITON_TRITON_CONFIG_HTTP_ADDRESS", Reach.LOOPBACK);
      withEnv("PYTRITON_TRITON_CONFIG_GRPC_ADDRESS", Reach.LOOPBACK);
      withEnv("PYTRITON_TRITON_CONFIG_METRICS_ADDRESS", Reach.LOOPBACK);
    }
    List<String> command = new ArrayList<>();
    command.add(pyTritonScript);
    command.addAll(pyTritonArgs);
    setCommand(command.toArray(String[]::new));
  }

  @Override
  List<EndpointForm> endpointForms() {
    return List.of(HTTP_FORM, GRPC_FORM);
  }

  @Override
  List<ReadinessCheck> serverReadiness() {
    return List.of(ReadinessCheck.status200("http", "/v2/health/ready"));
  }
}
