package io.inferlink.testcontainers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * TorchServe ({@code pytorch/torchserve}) serving model archives ({@code .mar}) copied into its model store.
 * Endpoints: {@code torchserve+http} (the inference API, port 8080, with the management port 8081 as
 * {@code ?management-port=}) for the TorchServe backend of Inferlink's examples, and, with a KServe service
 * envelope, {@code kserve-v1+http} or {@code kserve-v2+http} on the same port. Not thread-safe (configure,
 * then start).
 *
 * <p>Runs {@code torchserve --start --foreground --ncs --model-store /home/model-server/model-store
 * --ts-config /home/model-server/config.properties --models name=file.mar,...} with a generated
 * {@code config.properties}: {@code inference_address}, {@code management_address} and
 * {@code metrics_address} (0.0.0.0 in bridge mode, 127.0.0.1 under host networking, as TorchServe itself
 * defaults to loopback only), {@code grpc_inference_address/port}, {@code grpc_management_address/port},
 * {@code disable_token_authorization=true} (a test server; TorchServe asks for a token by default since
 * 0.11.1), and for an envelope {@code service_envelope=kserve} or {@code kservev2} (with
 * {@code ts_open_inference_protocol=true}, which adds the V2 health and metadata paths). TorchServe's own
 * gRPC API has no Inferlink backend, so no endpoint names it. Ready at {@code GET /ping}; a model is ready
 * when the management API lists a worker {@code READY}. 3 minutes by default.
 */
public class TorchServeContainer extends ModelServerContainer<TorchServeContainer> {
  /** The official image. */
  public static final DockerImageName IMAGE = DockerImageName.parse("pytorch/torchserve");
  /** The tag {@link #TorchServeContainer()} runs: the last release, CPU build. */
  public static final String DEFAULT_TAG = "0.12.0-cpu";
  /** The image's model store. */
  public static final String MODEL_STORE = "/home/model-server/model-store";
  /** Where the generated configuration goes (the image's own configuration file). */
  public static final String CONFIG_FILE = "/home/model-server/config.properties";
  /** TorchServe's default inference port. */
  public static final int INFERENCE_PORT = 8080;
  /** TorchServe's default management port. */
  public static final int MANAGEMENT_PORT = 8081;
  /** TorchServe's default metrics port. */
  public static final int METRICS_PORT = 8082;
  /** TorchServe's default gRPC inference port. */
  public static final int GRPC_INFERENCE_PORT = 7070;
  /** TorchServe's default gRPC management port. */
  public static final int GRPC_MANAGEMENT_PORT = 7071;

  /** Which KServe protocol TorchServe's service envelope translates (its {@code service_envelope} value). */
  public enum KServeEnvelope {
    /** {@code service_envelope=kserve}: KServe V1 ({@code /v1/models/<m>:predict}). */
    V1("kserve", "kserve-v1+http"),
    /** {@code service_envelope=kservev2}: the Open Inference Protocol ({@code /v2/models/<m>/infer}). */
    V2("kservev2", "kserve-v2+http");

    private final String property;
    private final String scheme;

    KServeEnvelope(String property, String scheme) {
      this.property = property;
      this.scheme = scheme;
    }
  }

  static final EndpointForm TORCHSERVE_FORM =
      new EndpointForm("torchserve+http", "http", "management-port={management}");

  private final Map<String, String> archives = new LinkedHashMap<>();
  private final GeneratedFile config = new GeneratedFile("TorchServe config.properties");
  private KServeEnvelope envelope;

  /** The official image at {@link #DEFAULT_TAG}. */
  public TorchServeContainer() {
    this(IMAGE.withTag(DEFAULT_TAG));
  }

  /**
   * Any tag of the official image, or another image declared {@code .asCompatibleSubstituteFor("pytorch/torchserve")}.
   *
   * @param image the image to run: an official tag, or an image declared a compatible substitute
   */
  public TorchServeContainer(DockerImageName image) {
    super(image, ports(), Duration.ofMinutes(3), IMAGE);
    withCopyToContainer(config, CONFIG_FILE);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("http", INFERENCE_PORT);
    ports.put("management", MANAGEMENT_PORT);
    ports.put("metrics", METRICS_PORT);
    ports.put("grpc", GRPC_INFERENCE_PORT);
    ports.put("grpc-management", GRPC_MANAGEMENT_PORT);
    return ports;
  }

  /**
   * Copies a model archive into the model store, loaded at start as {@code name} ({@code --models name=file.mar}).
   *
   * @param name the model's name, as clients address it
   * @param archive the {@code .mar} archive, on the host or on the class path
   * @return this container
   */
  public TorchServeContainer withModel(String name, MountableFile archive) {
    ModelPaths.segment(name);
    String file = Path.of(archive.getFilesystemPath()).getFileName().toString();
    withCopyFileToContainer(archive, MODEL_STORE + "/" + file);
    archives.put(name, file);
    return self();
  }

  /**
   * Turns on TorchServe's KServe service envelope, so the inference port also speaks that protocol.
   *
   * @param protocol which KServe protocol the envelope speaks
   * @return this container
   */
  public TorchServeContainer withKServeEnvelope(KServeEnvelope protocol) {
    this.envelope = protocol;
    return self();
  }

  /**
   * {@code torchserve+http://host:port?management-port=<port>}: the inference API, for the examples' TorchServe backend.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String torchServeHttpEndpoint() {
    return endpoint(TORCHSERVE_FORM);
  }

  /**
   * The KServe endpoint of the envelope: {@code kserve-v1+http://host:port} or {@code kserve-v2+http://host:port}.
   *
   * @return the endpoint string, for {@code InferenceClient.create}; the container must be running
   */
  public String kserveHttpEndpoint() {
    if (envelope == null) {
      throw new IllegalStateException("no KServe endpoint without withKServeEnvelope(V1 or V2)");
    }
    return endpoint(EndpointForm.of(envelope.scheme, "http"));
  }

  /** The configuration written for the last start (empty before). */
  String configProperties() {
    return config.text();
  }

  @Override
  void configureServer(ListenPorts ports) {
    String address = Reach.bindAddress(isHostNetwork());
    StringBuilder text = new StringBuilder("# Written by Inferlink's TorchServeContainer for this start.\n")
        .append("inference_address=http://").append(address).append(':').append(ports.port("http")).append('\n')
        .append("management_address=http://").append(address).append(':').append(ports.port("management")).append('\n')
        .append("metrics_address=http://").append(address).append(':').append(ports.port("metrics")).append('\n')
        .append("grpc_inference_address=").append(address).append('\n')
        .append("grpc_inference_port=").append(ports.port("grpc")).append('\n')
        .append("grpc_management_address=").append(address).append('\n')
        .append("grpc_management_port=").append(ports.port("grpc-management")).append('\n')
        .append("model_store=").append(MODEL_STORE).append('\n')
        .append("disable_token_authorization=true\n");
    if (envelope != null) {
      text.append("service_envelope=").append(envelope.property).append('\n');
      if (envelope == KServeEnvelope.V2) {
        text.append("ts_open_inference_protocol=true\n");
      }
    }
    config.set(text.toString());
    List<String> command = new ArrayList<>(List.of("torchserve", "--start", "--foreground", "--ncs",
        "--model-store", MODEL_STORE, "--ts-config", CONFIG_FILE));
    if (!archives.isEmpty()) {
      List<String> models = new ArrayList<>();
      archives.forEach((name, file) -> models.add(name + "=" + file));
      command.addAll(List.of("--models", String.join(",", models)));
    }
    setCommand(command.toArray(String[]::new));
  }

  @Override
  List<EndpointForm> endpointForms() {
    List<EndpointForm> forms = new ArrayList<>(List.of(TORCHSERVE_FORM));
    if (envelope != null) {
      forms.add(EndpointForm.of(envelope.scheme, "http"));
    }
    return forms;
  }

  @Override
  List<ReadinessCheck> serverReadiness() {
    return List.of(ReadinessCheck.status200("http", "/ping"));
  }

  /** The management API's model description lists each worker with its status. */
  @Override
  ReadinessCheck modelReadiness(String model) {
    return ReadinessCheck.bodyContains("management", "/models/" + ModelPaths.segment(model), "\"READY\"");
  }
}
