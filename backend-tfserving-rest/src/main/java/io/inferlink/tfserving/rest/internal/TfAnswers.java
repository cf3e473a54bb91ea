package io.inferlink.tfserving.rest.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.spi.Errors;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.transport.http.ByteChunks;
import io.inferlink.transport.http.HttpResult;
import java.util.List;
import java.util.function.Function;

/**
 * The edge between a successful HTTP answer and what the client returns: each kind of TF Serving REST
 * answer read by its reader, and an answer that is not what the API says turned into a
 * ServerException naming the protocol, whichever step of the reading finds it. Stateless.
 */
final class TfAnswers {
  private TfAnswers() {}

  /** The outputs of a predict answer, typed by {@code types}. */
  static List<Tensor> outputs(HttpResult http, OutputTypes types, String provider) {
    return read(http, provider, body -> PredictResponseReader.read(body, types));
  }

  /** The signatures of a metadata answer, for a model called {@code model} unless it names itself. */
  static SignatureReader.Signatures signatures(HttpResult http, String model, String provider) {
    return read(http, provider, body -> SignatureReader.parse(body, model));
  }

  /** The default signature of a metadata answer as {@link ModelMetadata}. */
  static ModelMetadata metadata(HttpResult http, String model, String provider) {
    return read(http, provider, body -> SignatureReader.metadata(SignatureReader.parse(body, model), null));
  }

  /** The versions of a model status answer. */
  static List<ModelVersionStatus> status(HttpResult http, String provider) {
    return read(http, provider, StatusReader::read);
  }

  /** Any answer through {@code reader}. */
  static <T> T read(HttpResult http, String provider, Function<ByteChunks, T> reader) {
    try {
      return reader.apply(http.body());
    } catch (MalformedResponseException e) {
      throw Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN)
          .message("the server's answer is not a TF Serving REST response: " + e.getMessage())
          .httpStatus(http.status()).provider(provider).cause(e));
    }
  }
}
