package io.inferlink.tfserving.rest.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.spi.ProviderRegistry;
import io.inferlink.tfserving.rest.TfServingRestOptions;
import io.inferlink.tfserving.rest.TfServingRestOptions.PaperspaceProtocol;
import io.inferlink.transport.http.internal.HttpTarget;
import io.inferlink.transport.http.internal.HttpTransport;
import java.util.HashSet;
import java.util.Set;

/**
 * Serves Paperspace Gradient deployments. Thread-safe.
 * <ul>
 *   <li>{@code paperspace://<deployment-id>}: a legacy TF Serving deployment at
 *       {@code https://services.paperspace.io/model-serving/<id>}, whose paths replace
 *       {@code /v1/models/<name>}; HTTP Basic credentials from the options.
 *   <li>{@code paperspace+https://<endpoint-host>[/path]}: a current deployment; the container speaks
 *       TF Serving REST by default, or the Open Inference Protocol with {@code protocol=kserve-v2}
 *       (through {@code backend-kserve-v2}); a protected deployment takes HTTP Basic
 *       {@code paperspace:<secret>} from the options, {@code paperspace-secret} or
 *       {@code INFERLINK_PAPERSPACE_SECRET}.
 * </ul>
 */
public final class PaperspaceProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "paperspace";
  static final String SECRET_ENV = "INFERLINK_PAPERSPACE_SECRET";
  static final String BASIC_USER = "paperspace";

  private static final Set<String> OPTIONS = options();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("paperspace", "paperspace+https");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    KnownOptions.check(options, NAME, OPTIONS);
    PaperspaceCredentials credentials = PaperspaceCredentials.resolve(options, System.getenv(SECRET_ENV));
    ClientOptions effective = credentials.apply(options);
    if (endpoint.scheme().equals("paperspace")) {
      return legacy(endpoint, effective, credentials);
    }
    if (effective.get(TfServingRestOptions.PAPERSPACE_PROTOCOL) == PaperspaceProtocol.KSERVE_V2) {
      return kserveV2(endpoint, effective);
    }
    HttpTarget target = HttpTarget.of(endpoint, 443);
    HttpTransport transport = HttpTransport.create(target, effective, NAME);
    return new TfRestClient(NAME, endpoint, transport, TfRestPaths.tfServing(), effective, true,
        (http, provider) -> credentials.explain(TfRestErrors.toException(http, provider)));
  }

  private static InferenceClient legacy(Endpoint endpoint, ClientOptions options, PaperspaceCredentials credentials) {
    if (!endpoint.basePath().isEmpty() || endpoint.port() >= 0) {
      throw new ProviderConfigurationException("paperspace://<deployment-id> takes only the deployment id, got "
          + endpoint);
    }
    Endpoint root;
    try {
      root = Endpoint.parse(rootAsEndpoint(options.get(TfServingRestOptions.SERVICE_ROOT)));
    } catch (IllegalArgumentException e) {
      throw new ProviderConfigurationException("option service-root: " + e.getMessage(), e);
    }
    HttpTarget target = HttpTarget.of(root, root.isSecure() ? 443 : 80);
    HttpTransport transport = HttpTransport.create(target, options, NAME);
    // The legacy API documents no labels, so they are refused rather than guessed.
    return new TfRestClient(NAME, endpoint, transport, TfRestPaths.paperspaceDeployment(endpoint.host()), options,
        false, (http, provider) -> credentials.explain(TfRestErrors.toException(http, provider)));
  }

  /** {@code https://host/path} → {@code x+https://host/path}, so Endpoint's parser checks it. */
  private static String rootAsEndpoint(String root) {
    if (root.startsWith("https://")) {
      return "paperspace+https://" + root.substring("https://".length());
    }
    if (root.startsWith("http://")) {
      return "paperspace+http://" + root.substring("http://".length());
    }
    throw new IllegalArgumentException("'" + root + "' is not an http(s) URL");
  }

  private static InferenceClient kserveV2(Endpoint endpoint, ClientOptions options) {
    String target = "kserve-v2+https://" + endpoint.hostForUri() + (endpoint.port() >= 0 ? ":" + endpoint.port() : "")
        + endpoint.basePath();
    Endpoint v2 = Endpoint.parse(target);
    ClientOptions withoutOurs = withoutPaperspaceOptions(options);
    try {
      return ProviderRegistry.getDefault().createClient(v2, withoutOurs);
    } catch (ProviderConfigurationException e) {
      throw new ProviderConfigurationException("a paperspace+https deployment with protocol=kserve-v2 needs the"
          + " artifact io.inferlink:backend-kserve-v2 on the class path (" + e.getMessage() + ")", e);
    }
  }

  /** The options minus the ones only this provider reads, for the provider it hands over to. */
  private static ClientOptions withoutPaperspaceOptions(ClientOptions options) {
    ClientOptions.Builder b = options.toBuilder();
    for (String name : OPTIONS) {
      b.removeOption(name);
    }
    return b.build();
  }

  private static Set<String> options() {
    Set<String> s = new HashSet<>(TfServingRestProvider.OPTIONS);
    s.add(TfServingRestOptions.PAPERSPACE_PROTOCOL.name());
    s.add(TfServingRestOptions.PAPERSPACE_SECRET.name());
    s.add(TfServingRestOptions.SERVICE_ROOT.name());
    return Set.copyOf(s);
  }
}
