package io.inferlink.examples.torchserve.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.HttpStatusTable;
import io.inferlink.spi.support.Redaction;
import io.inferlink.spi.support.MalformedAnswerException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link InferenceClient} for TorchServe's inference API under the template's JSON convention
 * (see {@link io.inferlink.examples.torchserve}). Liveness and readiness come from {@code GET /ping};
 * model readiness from the management API's model description. Thread-safe.
 */
final class TorchServeClient implements InferenceClient {
  /**
   * What TorchServe and this convention can do, and nothing more: the compatibility kit checks that
   * every feature left out is refused before anything is sent.
   */
  static final Capabilities CAPABILITIES = Capabilities.of(
      EnumSet.of(Capability.SERVER_LIVE, Capability.SERVER_READY, Capability.MODEL_READY,
          Capability.MODEL_VERSIONS, Capability.SCALAR_TENSORS, Capability.OUTPUT_NAMES),
      EnumSet.of(DataType.FP32, DataType.INT64, DataType.BOOL, DataType.BYTES));

  private final String provider;
  private final JdkHttpCalls http;
  private final TorchServePaths paths;
  private final ClientOptions options;
  private final String managementAuthorization; // null: the inference credentials
  private final AtomicBoolean closed = new AtomicBoolean();

  TorchServeClient(String provider, JdkHttpCalls http, TorchServePaths paths, ClientOptions options,
      String managementAuthorization) {
    this.provider = provider;
    this.http = http;
    this.paths = paths;
    this.options = options;
    this.managementAuthorization = managementAuthorization;
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return call(() -> {
      CAPABILITIES.check(request, provider);
      byte[] body = TorchServeRequestBody.write(request.inputs().values());
      return http.postJson(paths.predictions(request.model()), body, options.timeoutFor(request));
    }, answer -> response(answer, provider));
  }

  /** The outputs of a predictions answer; one that breaks the JSON tensor convention is a ServerException. */
  static InferenceResponse response(JdkHttpCalls.Answer answer, String provider) {
    InferenceResponse.Builder response = InferenceResponse.builder();
    try {
      TorchServeAnswerBody.read(answer.body()).values().forEach(response::output);
    } catch (MalformedAnswerException e) {
      throw malformed(answer, e.getMessage(), provider);
    }
    return response.build();
  }

  /** True when TorchServe answers the ping at all: 200, or 500 with its "Unhealthy" status. */
  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return ping(status -> true);
  }

  /**
   * True when the ping says healthy: TorchServe answers 500 when a model has fewer workers than
   * its minimum (older releases answered 200 with "Unhealthy" or "Partial Healthy").
   */
  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return ping(status -> !status.equalsIgnoreCase("Unhealthy"));
  }

  /** True when the management API describes a worker of the model (version) as READY; false for an unknown one. */
  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return callAny(() -> {
      CAPABILITIES.check(model, provider);
      return http.get(paths.describe(model), options.requestTimeout(), managementAuthorization);
    }, answer -> {
      if (answer.status() == 404) {
        return false;
      }
      if (!answer.ok()) {
        throw error(answer);
      }
      try {
        return TorchServeDocs.hasReadyWorker(answer.body());
      } catch (MalformedAnswerException e) {
        throw malformed(answer, e.getMessage(), provider);
      }
    });
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public String providerName() {
    return provider;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.close();
    }
  }

  private CompletableFuture<Boolean> ping(Function<String, Boolean> healthy) {
    return callAny(() -> http.get(paths.ping(), options.requestTimeout(), null), answer -> {
      Optional<String> status = TorchServeDocs.pingStatus(answer.body());
      if (answer.status() == 200) {
        return healthy.apply(status.orElse("Healthy"));
      }
      if (answer.status() == 500 && status.isPresent()) {
        return healthy.apply("Unhealthy");
      }
      throw error(answer);
    });
  }

  /** A call whose non-2xx answers are failures. */
  private <T> CompletableFuture<T> call(Supplier<CompletableFuture<JdkHttpCalls.Answer>> send,
      Function<JdkHttpCalls.Answer, T> read) {
    return callAny(send, answer -> {
      if (!answer.ok()) {
        throw error(answer);
      }
      return read.apply(answer);
    });
  }

  /**
   * Runs a call: refusals and closed-client errors arrive in the future (never thrown), and
   * cancelling the returned future cancels the HTTP exchange.
   */
  private <T> CompletableFuture<T> callAny(Supplier<CompletableFuture<JdkHttpCalls.Answer>> send,
      Function<JdkHttpCalls.Answer, T> read) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException(provider + " client is closed"));
    }
    CompletableFuture<JdkHttpCalls.Answer> exchange;
    try {
      exchange = send.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.cancelling(exchange.thenApply(read), exchange);
  }

  /**
   * A non-2xx answer, by core's table, except a 404 for a path rather than a model (see
   * {@link TorchServeDocs#wrongPath}): the endpoint's base path is wrong. Text from the answer is
   * scrubbed of the call's secrets first.
   */
  private InferenceException error(JdkHttpCalls.Answer answer) {
    String text = answer.secrets().scrub(TorchServeDocs.errorMessage(answer.body())
        .orElseGet(() -> TorchServeDocs.snippet(answer.body())));
    Optional<String> wrongPath = answer.status() == 404 ? TorchServeDocs.wrongPath(answer.body()) : Optional.empty();
    if (wrongPath.isPresent()) {
      return HttpStatusTable.wrongEndpoint(Redaction.redactText(answer.url().toString()), wrongPath.get(), text, provider);
    }
    return HttpStatusTable.toException(answer.status(), text, provider);
  }

  private static InferenceException malformed(JdkHttpCalls.Answer answer, String why, String provider) {
    return Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN)
        .message("TorchServe's answer does not follow the JSON tensor convention: " + why)
        .httpStatus(answer.status())
        .provider(provider)
        .serverMessage(answer.secrets().scrub(TorchServeDocs.snippet(answer.body()))));
  }
}
