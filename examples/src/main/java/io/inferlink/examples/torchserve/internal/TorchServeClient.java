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
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.HttpStatusTable;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.spi.support.Redaction;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A client of TorchServe's inference API under the template's JSON convention (see {@link
 * io.inferlink.examples.torchserve}). The skeleton it extends gives the name, the capability gate, the
 * closed state and the interceptor pipeline; each {@code prepare...} method here builds its request
 * before anything is sent and says how to read the answer. Thread-safe.
 */
final class TorchServeClient extends AbstractInferenceClient {
  /** What TorchServe and the convention can do; the compatibility kit checks the rest is refused unsent. */
  static final Capabilities CAPABILITIES = Capabilities.of(
      EnumSet.of(Capability.SERVER_LIVE, Capability.SERVER_READY, Capability.MODEL_READY,
          Capability.MODEL_VERSIONS, Capability.SCALAR_TENSORS, Capability.OUTPUT_NAMES),
      EnumSet.of(DataType.FP32, DataType.INT64, DataType.BOOL, DataType.BYTES));

  private final JdkHttpCalls http;
  private final TorchServePaths paths;
  private final String managementAuthorization; // null: the inference credentials

  TorchServeClient(String provider, Endpoint endpoint, ClientOptions options, TorchServePaths paths,
      String managementAuthorization) {
    super(provider, endpoint, options, CAPABILITIES);
    this.http = new JdkHttpCalls(endpoint.isSecure(), options, provider);
    this.paths = paths;
    this.managementAuthorization = managementAuthorization;
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    byte[] body = TorchServeJson.write(request.inputs().values());
    return http.prepare(paths.predictions(request.model()), body, null, answer -> response(answer, providerName()));
  }

  /** The outputs of a predictions answer: a non-2xx answer or one off the convention is an InferenceException. */
  static InferenceResponse response(JdkHttpCalls.Answer answer, String provider) {
    InferenceResponse.Builder response = InferenceResponse.builder();
    read(answer, provider, TorchServeJson::read).values().forEach(response::output);
    return response.build();
  }

  /** True when TorchServe answers the ping at all: 200, or 500 with its "Unhealthy" status. */
  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return ping(status -> true);
  }

  /** True when the ping says healthy (TorchServe answers 500 when a model lacks workers; older ones 200 "Unhealthy"). */
  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return ping(status -> !status.equalsIgnoreCase("Unhealthy"));
  }

  /** True when the management API shows a READY worker of the model (version); false for an unknown one. */
  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return http.prepare(paths.describe(model), null, managementAuthorization,
        answer -> answer.status() != 404 && read(answer, providerName(), TorchServeJson::hasReadyWorker));
  }

  @Override
  protected void closeTransport() {
    http.close();
  }

  private PreparedCall<Boolean> ping(Predicate<String> healthy) {
    return http.prepare(paths.ping(), null, null, answer -> {
      Optional<String> status = TorchServeJson.pingStatus(answer.body());
      if (answer.status() == 200 || answer.status() == 500 && status.isPresent()) {
        return healthy.test(answer.status() == 200 ? status.orElse("Healthy") : "Unhealthy");
      }
      throw error(answer, providerName());
    });
  }

  /** A 2xx answer read by {@code reader}; an answer it rejects is a ServerException. */
  private static <T> T read(JdkHttpCalls.Answer answer, String provider, Function<byte[], T> reader) {
    if (!answer.ok()) {
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

  /**
   * A non-2xx answer, by core's table, except a 404 for a path rather than a model ({@link
   * TorchServeJson#wrongPath}): then the endpoint's base path is wrong. The answer's text is scrubbed first.
   */
  private static InferenceException error(JdkHttpCalls.Answer answer, String provider) {
    String text = answer.secrets().scrub(TorchServeJson.errorMessage(answer.body())
        .orElseGet(() -> TorchServeJson.snippet(answer.body())));
    Optional<String> wrongPath = answer.status() == 404 ? TorchServeJson.wrongPath(answer.body()) : Optional.empty();
    return wrongPath.isPresent()
        ? HttpStatusTable.wrongEndpoint(Redaction.redactText(answer.url().toString()), wrongPath.get(), text, provider)
        : HttpStatusTable.toException(answer.status(), text, provider);
  }
}
