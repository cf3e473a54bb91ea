package io.inferlink.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * TensorFlow Serving ({@code tensorflow/serving}) serving SavedModels copied into {@code /models}.
 * Endpoints: {@code tfserving+http} (REST, port 8501) and {@code tfserving+grpc} (gRPC, 8500). Not
 * thread-safe (configure, then start).
 *
 * <pre>{@code
 * try (TfServingContainer tf = new TfServingContainer()
 *     .withModel("half_plus_two", MountableFile.forHostPath("models/half_plus_two"))) {
 *   tf.start();
 *   InferenceClient client = InferenceClient.create(tf.tfServingGrpcEndpoint());
 * }
 * }</pre>
 *
 * <p>The image's entrypoint script fixes the ports, so the server binary is run directly with TF Serving's
 * own flags: {@code tensorflow_model_server --port --rest_api_port} and either {@code --model_name} and
 * {@code --model_base_path=/models/<name>} (one model) or {@code --model_config_file} (a model config).
 * TF Serving has no flag for the address it binds: with host networking it listens on every interface of
 * the host at the chosen ports. Ready when each model's status ({@code GET /v1/models/<name>}) reports
 * {@code AVAILABLE}; a SavedModel gets 2 minutes by default.
 */
public class TfServingContainer extends ModelServerContainer<TfServingContainer> {
  /** The official image. */
  public static final DockerImageName IMAGE = DockerImageName.parse("tensorflow/serving");
  /** The tag {@link #TfServingContainer()} runs. */
  public static final String DEFAULT_TAG = "2.18.0";
  /** The folder models are copied into: a model's versions live in {@code /models/<name>/<version>}. */
  public static final String MODELS_DIR = "/models";
  /** Where {@link #withModelConfigFile} puts the model config. */
  public static final String CONFIG_FILE = MODELS_DIR + "/models.config";
  /** TF Serving's documented gRPC port. */
  public static final int GRPC_PORT = 8500;
  /** TF Serving's documented REST port. */
  public static final int REST_PORT = 8501;

  static final EndpointForm HTTP_FORM = EndpointForm.of("tfserving+http", "http");
  static final EndpointForm GRPC_FORM = EndpointForm.of("tfserving+grpc", "grpc");

  private final FlagOrConfigModels models = new FlagOrConfigModels("TF Serving", "withModelConfigFile");

  /** The official image at {@link #DEFAULT_TAG}. */
  public TfServingContainer() {
    this(IMAGE.withTag(DEFAULT_TAG));
  }

  /**
   * Any tag of the official image, or another image (a private mirror) declared
   * {@code DockerImageName.parse("mirror.example/tf-serving:2.18.0").asCompatibleSubstituteFor("tensorflow/serving")}.
   *
   * @param image the image to run: an official tag, or an image declared a compatible substitute
   */
  public TfServingContainer(DockerImageName image) {
    super(image, ports(), Duration.ofMinutes(2), IMAGE);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("grpc", GRPC_PORT);
    ports.put("http", REST_PORT);
    return ports;
  }

  /**
   * Copies a model's base folder (its numbered version folders inside) to {@code /models/<name>}; a
   * folder on the host or a classpath resource. Without a config file exactly one model may be added.
   *
   * @param name the model's name, as clients address it
   * @param modelBase the model's base folder, on the host or on the class path
   * @return this container
   */
  public TfServingContainer withModel(String name, MountableFile modelBase) {
    withCopyFileToContainer(modelBase, MODELS_DIR + "/" + ModelPaths.segment(name));
    models.add(name);
    return self();
  }

  /**
   * Copies a model config ({@code model_config_list} text) to {@link #CONFIG_FILE} and serves what it
   * lists; base paths in it refer to folders inside the container ({@code /models/<name>} for models
   * added with {@link #withModel}). Name the models to wait for with {@link #withModel} or
   * {@link #waitingForModel}.
   *
   * @param config the configuration file, on the host or on the class path
   * @return this container
   */
  public TfServingContainer withModelConfigFile(MountableFile config) {
    withCopyFileToContainer(config, CONFIG_FILE);
    models.useConfigFile();
    return self();
  }

  /**
   * {@code tfserving+http://host:port}: TF Serving's REST API.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String tfServingHttpEndpoint() {
    return endpoint(HTTP_FORM);
  }

  /**
   * {@code tfserving+grpc://host:port}: TF Serving's gRPC API.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String tfServingGrpcEndpoint() {
    return endpoint(GRPC_FORM);
  }

  @Override
  void configureServer(ListenPorts ports) {
    models.checkServable();
    if (models.names().isEmpty() && readinessModels().isEmpty()) {
      throw new IllegalStateException("TF Serving has no server-wide readiness: name the config file's models with"
          + " withModel(name, folder) or waitingForModel(name)");
    }
    replaceEntrypoint("tensorflow_model_server");
    List<String> command = new ArrayList<>(List.of(
        "--port=" + ports.port("grpc"), "--rest_api_port=" + ports.port("http")));
    if (models.fromConfigFile()) {
      command.add("--model_config_file=" + CONFIG_FILE);
    } else {
      String name = models.single();
      command.add("--model_name=" + name);
      command.add("--model_base_path=" + MODELS_DIR + "/" + ModelPaths.segment(name));
    }
    setCommand(command.toArray(String[]::new));
  }

  @Override
  List<EndpointForm> endpointForms() {
    return List.of(HTTP_FORM, GRPC_FORM);
  }

  @Override
  List<ReadinessCheck> serverReadiness() {
    return models.names().stream().map(this::modelReadiness).toList();
  }

  /** TF Serving's model status: 200 while still loading too, so the state must say {@code AVAILABLE}. */
  @Override
  ReadinessCheck modelReadiness(String model) {
    return ReadinessCheck.bodyContains("http", "/v1/models/" + ModelPaths.segment(model), "\"AVAILABLE\"");
  }
}
