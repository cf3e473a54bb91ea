package io.inferlink.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * KServe's Python model server: one of KServe's runtime images ({@code kserve/sklearnserver} and its
 * siblings) serving a model folder copied to {@code /mnt/models}, or a custom predictor script written as
 * KServe's docs write one (a {@code kserve.Model} started with {@code ModelServer().start([...])}) in an
 * image that has {@code kserve} installed. Endpoints: {@code kserve-v1+http} and {@code kserve-v2+http}
 * (port 8080) and {@code kserve-v2+grpc} (8081). Not thread-safe (configure, then start).
 *
 * <p>A runtime image gets KServe's own flags after its entrypoint: {@code --model_name <name> --model_dir
 * /mnt/models --http_port <p> --grpc_port <g>}. A script ({@link #withPythonScript}) runs as
 * {@code python /opt/inferlink/<script> --http_port <p> --grpc_port <g> <args>}: KServe's argument parser
 * reads those flags, so the script passes {@code parser.parse_args()} on as its own does. KServe has no
 * flag for the address it binds (all interfaces): with host networking it listens on every interface of
 * the host at the chosen ports. Ready at {@code GET /v2/health/ready} (every model ready); 2 minutes by
 * default.
 */
public class KServeContainer extends ModelServerContainer<KServeContainer> {
  /** KServe's scikit-learn runtime image, the default. */
  public static final DockerImageName IMAGE = DockerImageName.parse("kserve/sklearnserver");
  /** The tag {@link #KServeContainer()} runs. */
  public static final String DEFAULT_TAG = "v0.21.0";
  /** Where a model folder is copied: KServe's storage initializer puts models there too. */
  public static final String MODEL_DIR = "/mnt/models";
  /** KServe's default HTTP port (V1 and V2 REST). */
  public static final int HTTP_PORT = 8080;
  /** KServe's default gRPC port. */
  public static final int GRPC_PORT = 8081;

  /** KServe's runtime images this class runs as they are; another image is declared a substitute for one. */
  static final DockerImageName[] RUNTIME_IMAGES = {IMAGE, DockerImageName.parse("kserve/xgbserver"),
      DockerImageName.parse("kserve/lgbserver"), DockerImageName.parse("kserve/pmmlserver"),
      DockerImageName.parse("kserve/huggingfaceserver")};

  static final EndpointForm V1_HTTP_FORM = EndpointForm.of("kserve-v1+http", "http");
  static final EndpointForm V2_HTTP_FORM = EndpointForm.of("kserve-v2+http", "http");
  static final EndpointForm V2_GRPC_FORM = EndpointForm.of("kserve-v2+grpc", "grpc");

  private String modelName;
  private String script;
  private List<String> scriptArgs = List.of();

  /** {@code kserve/sklearnserver} at {@link #DEFAULT_TAG}. */
  public KServeContainer() {
    this(IMAGE.withTag(DEFAULT_TAG));
  }

  /**
   * A KServe runtime image at any tag, or another image declared a substitute for one: a private mirror,
   * or an image with {@code kserve} installed for {@link #withPythonScript}
   * ({@code DockerImageName.parse("inferlink/kserve:0.21.0").asCompatibleSubstituteFor("kserve/sklearnserver")}).
   *
   * @param image the image to run: an official tag, or an image declared a compatible substitute
   */
  public KServeContainer(DockerImageName image) {
    super(image, ports(), Duration.ofMinutes(2), RUNTIME_IMAGES);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("http", HTTP_PORT);
    ports.put("grpc", GRPC_PORT);
    return ports;
  }

  /**
   * Copies a model folder (a {@code model.joblib} for the sklearn runtime...) to {@code /mnt/models}, served as {@code name}.
   *
   * @param name the model's name, as clients address it
   * @param folder the folder on the host or on the class path
   * @return this container
   */
  public KServeContainer withModel(String name, MountableFile folder) {
    ModelPaths.segment(name);
    withCopyFileToContainer(folder, MODEL_DIR);
    this.modelName = name;
    return self();
  }

  /**
   * Serves with a custom predictor script instead of the image's runtime: copied to {@code /opt/inferlink/}
   * and run as {@code python /opt/inferlink/<script> --http_port <p> --grpc_port <g> <args>}.
   *
   * @param script the Python script, on the host or on the class path
   * @param args the script's command-line arguments
   * @return this container
   */
  public KServeContainer withPythonScript(MountableFile script, String... args) {
    this.script = useScript(script);
    this.scriptArgs = List.of(args);
    return self();
  }

  /**
   * {@code kserve-v1+http://host:port}: KServe's V1 protocol ({@code :predict}).
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String kserveV1HttpEndpoint() {
    return endpoint(V1_HTTP_FORM);
  }

  /**
   * {@code kserve-v2+http://host:port}: the Open Inference Protocol over REST.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String kserveV2HttpEndpoint() {
    return endpoint(V2_HTTP_FORM);
  }

  /**
   * {@code kserve-v2+grpc://host:port}: the Open Inference Protocol over gRPC.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String kserveV2GrpcEndpoint() {
    return endpoint(V2_GRPC_FORM);
  }

  @Override
  void configureServer(ListenPorts ports) {
    List<String> command = new ArrayList<>();
    if (script != null) {
      if (modelName != null) {
        throw new IllegalStateException("a predictor script loads its own model: drop withModel or withPythonScript");
      }
      command.add(script);
    } else if (modelName != null) {
      command.addAll(List.of("--model_name", modelName, "--model_dir", MODEL_DIR));
    } else {
      throw new IllegalStateException("KServe needs a model: withModel(name, folder) or withPythonScript(script)");
    }
    command.addAll(List.of("--http_port", String.valueOf(ports.port("http")),
        "--grpc_port", String.valueOf(ports.port("grpc"))));
    command.addAll(scriptArgs);
    setCommand(command.toArray(String[]::new));
  }

  @Override
  List<EndpointForm> endpointForms() {
    return List.of(V1_HTTP_FORM, V2_HTTP_FORM, V2_GRPC_FORM);
  }

  @Override
  List<ReadinessCheck> serverReadiness() {
    return List.of(ReadinessCheck.status200("http", "/v2/health/ready"));
  }
}
