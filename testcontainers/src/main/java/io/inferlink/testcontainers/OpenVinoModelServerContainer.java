package io.inferlink.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * OpenVINO Model Server ({@code openvino/model_server}) serving one model from flags or several from a
 * {@code config.json}. Endpoints: {@code ovms+http} (REST, port 8000) and {@code ovms+grpc} (gRPC, 9000),
 * both OVMS's KServe API; a client of a server up to 2026.2 that wants OVMS's TF Serving API appends
 * {@code ?api=tfs} to either. Not thread-safe (configure, then start).
 *
 * <p>The image's entrypoint is the {@code ovms} binary; the container passes {@code --port} (gRPC) and
 * {@code --rest_port}, which OVMS leaves off unless given (8000 and 9000 are the ports its docs use),
 * {@code --model_name/--model_path /models/<name>} or {@code --config_path /models/config.json}, and under
 * host networking {@code --grpc_bind_address/--rest_bind_address 127.0.0.1}. Ready at
 * {@code GET /v2/health/ready} (every model loaded); 2 minutes by default.
 */
public class OpenVinoModelServerContainer extends ModelServerContainer<OpenVinoModelServerContainer> {
  /** The official image. */
  public static final DockerImageName IMAGE = DockerImageName.parse("openvino/model_server");
  /** The tag {@link #OpenVinoModelServerContainer()} runs: the last release with both APIs. */
  public static final String DEFAULT_TAG = "2026.2";
  /** The folder models (and the config file) are copied into. */
  public static final String MODELS_DIR = "/models";
  /** Where {@link #withConfigFile} puts the configuration. */
  public static final String CONFIG_FILE = MODELS_DIR + "/config.json";
  /** The gRPC port OVMS's docs use. */
  public static final int GRPC_PORT = 9000;
  /** The REST port OVMS's docs use. */
  public static final int REST_PORT = 8000;

  static final EndpointForm HTTP_FORM = EndpointForm.of("ovms+http", "http");
  static final EndpointForm GRPC_FORM = EndpointForm.of("ovms+grpc", "grpc");

  private final FlagOrConfigModels models = new FlagOrConfigModels("OVMS", "withConfigFile");

  /** The official image at {@link #DEFAULT_TAG}. */
  public OpenVinoModelServerContainer() {
    this(IMAGE.withTag(DEFAULT_TAG));
  }

  /**
   * Any tag of the official image, or a mirror declared {@code .asCompatibleSubstituteFor("openvino/model_server")}.
   *
   * @param image the image to run: an official tag, or an image declared a compatible substitute
   */
  public OpenVinoModelServerContainer(DockerImageName image) {
    super(image, ports(), Duration.ofMinutes(2), IMAGE);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("grpc", GRPC_PORT);
    ports.put("http", REST_PORT);
    return ports;
  }

  /**
   * Copies a model folder (numbered version folders with the model files) to {@code /models/<name>}.
   * Without a config file exactly one model may be added.
   *
   * @param name the model's name, as clients address it
   * @param folder the folder on the host or on the class path
   * @return this container
   */
  public OpenVinoModelServerContainer withModel(String name, MountableFile folder) {
    withCopyFileToContainer(folder, MODELS_DIR + "/" + ModelPaths.segment(name));
    models.add(name);
    return self();
  }

  /**
   * Copies an OVMS {@code config.json} to {@link #CONFIG_FILE} and serves what it lists (its
   * {@code base_path}s may be relative to the file, or {@code /models/<name>} for models added with
   * {@link #withModel}).
   *
   * @param config the configuration file, on the host or on the class path
   * @return this container
   */
  public OpenVinoModelServerContainer withConfigFile(MountableFile config) {
    withCopyFileToContainer(config, CONFIG_FILE);
    models.useConfigFile();
    return self();
  }

  /**
   * {@code ovms+http://host:port}: OVMS's KServe REST API ({@code ?api=tfs} for its TF Serving API).
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String ovmsHttpEndpoint() {
    return endpoint(HTTP_FORM);
  }

  /**
   * {@code ovms+grpc://host:port}: OVMS's KServe gRPC API ({@code ?api=tfs} for its TF Serving API).
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String ovmsGrpcEndpoint() {
    return endpoint(GRPC_FORM);
  }

  @Override
  void configureServer(ListenPorts ports) {
    models.checkServable();
    List<String> command = new ArrayList<>();
    if (models.fromConfigFile()) {
      command.addAll(List.of("--config_path", CONFIG_FILE));
    } else {
      String name = models.single();
      command.addAll(List.of("--model_name", name, "--model_path", MODELS_DIR + "/" + ModelPaths.segment(name)));
    }
    command.addAll(List.of("--port", String.valueOf(ports.port("grpc")),
        "--rest_port", String.valueOf(ports.port("http"))));
    if (isHostNetwork()) {
      command.addAll(List.of("--grpc_bind_address", Reach.LOOPBACK, "--rest_bind_address", Reach.LOOPBACK));
    }
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
