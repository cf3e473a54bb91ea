package io.inferlink.tfserving.rest.internal;

import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.internal.StatusReader;
import io.inferlink.transport.http.internal.HttpResult;
import java.util.List;

/**
 * Each kind of TF Serving REST answer read by its reader. An answer that is not what the API says
 * throws {@link io.inferlink.spi.support.MalformedAnswerException}, which the exchange turns into a
 * ServerException saying it is not {@link #PROTOCOL}. Stateless.
 */
final class TfAnswers {
  /** What a malformed answer is not. */
  static final String PROTOCOL = "a TF Serving REST response";

  private TfAnswers() {}

  /** The outputs of a predict answer, typed by {@code types}. */
  static List<Tensor> outputs(HttpResult http, OutputTypes types) {
    return PredictResponseReader.read(http.body(), types);
  }

  /** The signatures of a metadata answer, for a model called {@code model} unless it names itself. */
  static SignatureReader.Signatures signatures(HttpResult http, String model) {
    return SignatureReader.parse(http.body(), model);
  }

  /** The default signature of a metadata answer as {@link ModelMetadata}. */
  static ModelMetadata metadata(HttpResult http, String model) {
    return SignatureReader.metadata(SignatureReader.parse(http.body(), model), null);
  }

  /** The versions of a model status answer. */
  static List<ModelVersionStatus> status(HttpResult http) {
    return StatusReader.read(TfDocs.parse(http.body(), "model status"));
  }
}
