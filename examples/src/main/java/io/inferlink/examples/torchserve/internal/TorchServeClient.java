package io.inferlink.examples.torchserve.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.CappedBodies;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.HttpStatusTable;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.spi.support.Redaction;
import io.inferlink.spi.support.RetryAfter;
import io.inferlink.spi.support.SecretScrubber;
import io.inferlink.spi.support.TlsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The client. The skeleton gives name, capability gate, closed state and interceptor pipeline; each
 * {@code prepare...} method builds its request before anything is sent and says how to read the answer.
 * HTTP is the JDK's public {@link HttpClient} (Inferlink's transport is internal), on HTTP/1.1, which
 * TorchServe's Netty speaks (else the JDK tries h2c upgrades). Thread-safe.
 */
final class TorchServeClient extends AbstractInferenceClient {
  /** What TorchServe and the convention can do; the kit checks that the rest is refused unsent. */
  static final Capabilities CAPABILITIES = Capabilities.of(
      EnumSet.of(Capability.SERVER_LIVE, Capability.SERVER_READY, Capability.MODEL_READY,
          Capability.MODEL_VERSIONS, Capability.SCALAR_TENSORS, Capability.OUTPUT_NAMES),
      EnumSet.of(DataType.FP32, DataType.INT64, DataType.BOOL, DataType.BYTES));
  private static final String JSON = "application/json";

  /**
   * One answer, whatever its status, with what its {@code Retry-After} asked ({@code null}: nothing); text taken
   * from it goes through {@code secrets}: servers echo headers.
   */
  record Answer(int status, byte[] body, URI url, SecretScrubber secrets, RetryAfter retryAfter) {
    /** An answer without a {@code Retry-After} (tests). */
    Answer(int status, byte[] body, URI url, SecretScrubber secrets) {
      this(status, body, url, secrets, null);
    }
  }

  private final HttpClient http;
  private final TorchServePaths paths;
  private final String managementAuthorization; // null: the inference credentials
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  TorchServeClient(String provider, Endpoint endpoint, ClientOptions options, TorchServePaths paths,
      String managementAuthorization) {
    super(provider, endpoint, options, CAPABILITIES);
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
    if (endpoint.isSecure()) {
      b.sslContext(TlsSupport.sslContext(options.tls())); // verifies the server unless the options say otherwise
    }
    if (options.executor() != null) {
      b.executor(options.executor());
    }
    this.http = b.build();
    this.paths = paths;
    this.managementAuthorization = managementAuthorization;
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    return prepare(paths.predictions(request.model()), TorchServeJson.write(request.inputs().values()), null,
        answer -> response(answer, providerName()));
  }

  /** The outputs of a predictions answer; any other answer is an InferenceException. */
  static InferenceResponse response(Answer answer, String provider) {
    InferenceResponse.Builder response = InferenceResponse.builder();
    read(answer, provider, TorchServeJson::read).values().forEach(response::output);
    return response.build();
  }

  /** True when TorchServe answers the ping at all: 200, or 500 with its "Unhealthy" status. */
  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return ping(status -> true);
  }

  /** True when the ping says healthy (TorchServe answers 500 when a model lacks workers; old ones 200 "Unhealthy"). */
  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return ping(status -> !status.equalsIgnoreCase("Unhealthy"));
  }

  /** True when the management API shows a READY worker of the model (version); false for an unknown one. */
  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return prepare(paths.describe(model), null, managementAuthorization,
        answer -> answer.status() != 404 && read(answer, providerName(), TorchServeJson::hasReadyWorker));
  }

  /** Cancels the calls in flight, as the JDK client cannot be closed before Java 21. */
  @Override
  protected void closeTransport() {
    inFlight.forEach(f -> f.cancel(true));
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) { // best effort: every call is cancelled already
      }
    }
  }

  private PreparedCall<Boolean> ping(Predicate<String> healthy) {
    return prepare(paths.ping(), null, null, answer -> {
      Optional<String> status = TorchServeJson.pingStatus(answer.body());
      if (answer.status() == 200 || answer.status() == 500 && status.isPresent()) {
        return healthy.test(answer.status() == 200 ? status.orElse("Healthy") : "Unhealthy");
      }
      throw error(answer, providerName());
    });
  }

  /** A POST of the JSON {@code body}, or a GET when it is null; {@code authorization} replaces the credentials. */
  private <T> PreparedCall<T> prepare(URI uri, byte[] body, String authorization, Function<Answer, T> read) {
    return PreparedCall.of(body == null ? 0 : body.length, attempt -> send(uri, body, authorization, attempt)).map(read);
  }

  /** One attempt: the options' headers (asked afresh: a supplier may rotate tokens), then the attempt's own. */
  private CompletableFuture<Answer> send(URI uri, byte[] body, String authorization, Attempt attempt) {
    HttpRequest request;
    SecretScrubber secrets;
    try {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(options().requestHeaders());
      if (authorization != null) {
        headers.put("Authorization", authorization);
      }
      secrets = SecretScrubber.forCall(headers, options()).andSecretHeaders(attempt.headers());
      headers.putAll(attempt.headers());
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(attempt.timeLeft()).header("Accept", JSON)
          .header("User-Agent", options().userAgent());
      headers.forEach(b::header);
      request = (body == null ? b : b.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(body)))
          .build();
    } catch (RuntimeException e) { // the JDK refuses some headers (Connection, Host...) that others send
      return CompletableFuture.failedFuture(e instanceof IllegalArgumentException ? Errors.create(ErrorCode.INVALID_ARGUMENT,
          "the JDK's HTTP client refuses the request: " + e.getMessage(), providerName(), e) : Errors.wrap(e, providerName()));
    }
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
        CappedBodies.handler(options().maxMessageSize(), providerName()));
    inFlight.add(exchange);
    CompletableFuture<Answer> answer = new CompletableFuture<>(); // the JDK's futures never become cancelled
    exchange.whenComplete((response, error) -> {
      inFlight.remove(exchange);
      if (error != null) {
        answer.completeExceptionally(Errors.connectionFailure(error, uri.getScheme() + "://" + uri.getAuthority(),
            secrets, providerName()));
      } else {
        // Read here, where the headers are: core's one reader of Retry-After (seconds or an HTTP-date).
        RetryAfter retryAfter = response.headers().firstValue("Retry-After").flatMap(RetryAfter::fromHttpHeader)
            .orElse(null);
        answer.complete(new Answer(response.statusCode(), response.body(), uri, secrets, retryAfter));
      }
    });
    return Futures.cancelling(answer, exchange);
  }

  /** A 2xx answer read by {@code reader}, which throws for one off the convention. */
  private static <T> T read(Answer answer, String provider, Function<byte[], T> reader) {
    if (answer.status() / 100 != 2) {
      throw error(answer, provider);
    }
    try {
      return reader.apply(answer.body());
    } catch (MalformedAnswerException e) {
      throw Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN).provider(provider)
          .message("TorchServe's answer does not follow the JSON tensor convention: " + e.getMessage())
          .httpStatus(answer.status()).serverMessage(answer.secrets().scrub(TorchServeJson.snippet(answer.body()))));
    }
  }

  /** A non-2xx answer by core's table, but a 404 that blames the path says the endpoint's base path is wrong. */
  private static InferenceException error(Answer answer, String provider) {
    String text = answer.secrets().scrub(TorchServeJson.errorMessage(answer.body())
        .orElseGet(() -> TorchServeJson.snippet(answer.body())));
    Optional<String> wrongPath = answer.status() == 404 ? TorchServeJson.wrongPath(answer.body()) : Optional.empty();
    return wrongPath.isPresent()
        ? HttpStatusTable.wrongEndpoint(Redaction.redactText(answer.url().toString()), wrongPath.get(), text, provider)
        : HttpStatusTable.toException(answer.status(), text, provider, answer.retryAfter());
  }
}
