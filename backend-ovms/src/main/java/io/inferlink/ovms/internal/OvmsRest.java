package io.inferlink.ovms.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.transport.http.internal.HttpErrors;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpRequestSpec;
import io.inferlink.transport.http.internal.HttpResult;
import io.inferlink.transport.http.internal.HttpTarget;
import io.inferlink.transport.http.internal.HttpTransport;
import io.inferlink.transport.http.internal.RequestBody;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Calls to OVMS's own REST endpoints ({@code /v1/config}, {@code /v1/config/reload},
 * {@code /metrics}, and the {@code /v1/models} probe), over a connection pool of their own that is
 * opened on first use: most clients never make such a call. The endpoints' calls are prepared here and
 * sent by the client's pipeline. Failures are read with {@link OvmsStatusTable}, after
 * {@link HttpErrors#wrongEndpoint}: OVMS answers every 404 of its own with a JSON error, so any other
 * 404 comes from something else at a wrong base path. Thread-safe.
 */
final class OvmsRest {
  /** What a malformed answer of these endpoints is not. */
  static final String PROTOCOL = "what OVMS sends";

  private final String provider;
  private final ClientOptions options;
  private final Lazy<HttpTransport> transport;

  OvmsRest(String provider, HttpTarget target, ClientOptions options) {
    this.provider = provider;
    this.options = options;
    this.transport = new Lazy<>(provider + " client", () -> HttpTransport.create(target, options, provider),
        HttpTransport::close);
  }

  /** GET {@code path}: a non-2xx answer fails the call, a 2xx one is read by {@code read}. */
  <T> PreparedCall<T> get(String path, Function<HttpResult, T> read) {
    return exchange().prepare(HttpRequestSpec.get(path).build(), read);
  }

  /** POST {@code path} with an empty body; like {@link #get}. */
  <T> PreparedCall<T> post(String path, Function<HttpResult, T> read) {
    return exchange().prepare(HttpRequestSpec.post(path, RequestBody.empty(), "application/json").build(), read);
  }

  /**
   * Whether {@code GET /v1/models} answers an OpenAI-style model list (OVMS 2026.3 and later): the
   * check behind a failure of the TF Serving API, not an operation of the client, so it is sent
   * directly, with the client's request timeout.
   */
  CompletableFuture<Boolean> probeOpenAiModelList() {
    try {
      return transport.get().send(HttpRequestSpec.get("/v1/models").timeout(options.requestTimeout()).build())
          .thenApply(OvmsJsonDocs::isOpenAiModelList);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  void close() {
    transport.close();
  }

  /** The exchange over the pool, which the first call opens. */
  private HttpExchange exchange() {
    return new HttpExchange(transport.get(), provider, PROTOCOL, OvmsRest::error);
  }

  private static InferenceException error(HttpResult http, String provider) {
    InferenceException wrong = HttpErrors.wrongEndpoint(http, provider);
    return wrong != null ? wrong
        : OvmsStatusTable.toException(http.status(), HttpErrors.serverMessage(http), provider, HttpErrors.retryAfter(http));
  }
}
