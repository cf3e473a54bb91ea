package io.inferlink.testcontainers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Seldon MLServer ({@code seldonio/mlserver}) serving model folders (each with its
 * {@code model-settings.json}) copied under {@code /mnt/models}. Endpoints: {@code kserve-v2+http}
 * (port 8080) and {@code kserve-v2+grpc} (8081). Not thread-safe (configure, then start).
 *
 * <p>Runs {@code mlserver start /mnt/models} with the ports in {@code MLSERVER_HTTP_PORT},
 * {@code MLSERVER_GRPC_PORT} and {@code MLSERVER_METRICS_PORT}, and {@code MLSERVER_HOST}: 0.0.0.0 on the bridge
 * network (Docker publishes the container's own interface, never its loopback), 127.0.0.1 under host
 * networking. A {@code settings.json} in the models folder that names a {@code host} wins over the variable
 * (MLServer reads only the fields the file leaves out from the environment): leave {@code host} out of it.
 * (The official image's own command also unpacks an {@code environment.tar.gz} from the
 * models folder first; a test that needs that sets {@code withCommand} back to it.) MLServer has no binary
 * tensor data extension and refuses NaN and infinities in JSON, so the REST endpoint string carries
 * {@code binary=never&half-as-json=true}, the options the Open Inference Protocol backend documents for it.
 * Ready at {@code GET /v2/health/ready}; 2 minutes by default.
 */
public class MLServerContainer extends ModelServerContainer<MLServerContainer> {
  /** The official image. */
  public static final DockerImageName IMAGE = DockerImageName.parse("seldonio/mlserver");
  /** The tag {@link #MLServerContainer()} runs. */
  public static final String DEFAULT_TAG = "1.7.1";
  /** The models folder {@code mlserver start} is given. */
  public static final String MODELS_DIR = "/mnt/models";
  /** MLServer's default HTTP port. */
  public static final int HTTP_PORT = 8080;
  /** MLServer's default gRPC port. */
  public static final int GRPC_PORT = 8081;
  /** MLServer's default metrics port. */
  public static final int METRICS_PORT = 8082;

  static final EndpointForm HTTP_FORM = new EndpointForm("kserve-v2+http", "http", "binary=never&half-as-json=true");
  static final EndpointForm GRPC_FORM = EndpointForm.of("kserve-v2+grpc", "grpc");

  private boolean models;

  /** The official image at {@link #DEFAULT_TAG}. */
  public MLServerContainer() {
    this(IMAGE.withTag(DEFAULT_TAG));
  }

  /**
   * Any tag of the official image, or another image declared {@code .asCompatibleSubstituteFor("seldonio/mlserver")}.
   *
   * @param image the image to run: an official tag, or an image declared a compatible substitute
   */
  public MLServerContainer(DockerImageName image) {
    super(image, ports(), Duration.ofMinutes(2), IMAGE);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("http", HTTP_PORT);
    ports.put("grpc", GRPC_PORT);
    ports.put("metrics", METRICS_PORT);
    return ports;
  }

  /**
   * Copies one model folder (its {@code model-settings.json} and files) to {@code /mnt/models/<name>}.
   *
   * @param name the model's name, as clients address it
   * @param folder the folder on the host or on the class path
   * @return this container
   */
  public MLServerContainer withModel(String name, MountableFile folder) {
    withCopyFileToContainer(folder, MODELS_DIR + "/" + ModelPaths.segment(name));
    this.models = true;
    return self();
  }

  /**
   * Copies a folder of model folders (and an optional {@code settings.json}) to {@code /mnt/models}.
   *
   * @param folder the folder on the host or on the class path
   * @return this container
   */
  public MLServerContainer withModelRepository(MountableFile folder) {
    withCopyFileToContainer(folder, MODELS_DIR);
    this.models = true;
    return self();
  }

  /**
   * {@code kserve-v2+http://host:port?binary=never&half-as-json=true}: the Open Inference Protocol over REST.
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
    if (!models) {
      throw new IllegalStateException("MLServer needs models: withModel(name, folder) or withModelRepository(folder)");
    }
    withEnv("MLSERVER_HTTP_PORT", String.valueOf(ports.port("http")));
    withEnv("MLSERVER_GRPC_PORT", String.valueOf(ports.port("grpc")));
    withEnv("MLSERVER_METRICS_PORT", String.valueOf(ports.port("metrics")));
    withEnv("MLSERVER_HOST", Reach.bindAddress(isHostNetwork()));
    setCommand("mlserver", "start", MODELS_DIR);
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
