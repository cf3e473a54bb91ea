package io.inferlink.tfserving.rest.internal;

import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.RequestBody;
import java.util.List;

/**
 * The benchmarks' entry point to the TF Serving REST codec, which is package-private: the same calls
 * the client makes for a predict request (columnar form) and answer, without the HTTP exchange around
 * them. Internal (the module does not export this package): the benchmarks reach it on the class path
 * instead of declaring classes in this package. Stateless and thread-safe.
 */
public final class TfRestCodecAccess {
  private TfRestCodecAccess() {}

  /** The predict request body, as {@code TfRestClient} writes it. */
  public static RequestBody encode(InferenceRequest request) {
    return PredictRequestWriter.write(request, request.inputs().values(), RequestFormat.COLUMNAR, false);
  }

  /** The outputs of a predict answer, typed by the signature's outputs (as after a metadata fetch). */
  public static List<Tensor> decode(ByteChunks body, List<TensorSpec> signatureOutputs) {
    return PredictResponseReader.read(body, OutputTypes.of(signatureOutputs));
  }
}
