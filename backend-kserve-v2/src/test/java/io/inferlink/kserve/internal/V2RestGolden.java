package io.inferlink.kserve.internal;

import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ServerMetadata;
import io.inferlink.transport.http.internal.ByteChunks;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Test-only door to the package-private V2 REST writer and reader, for the golden tests in
 * {@code io.inferlink.kserve.golden}: they run exactly the code the client runs, with no transport in
 * between.
 */
public final class V2RestGolden {
  private V2RestGolden() {}

  /** An encoded request: the whole body, the JSON header's length, and the Content-Type. */
  public record Encoded(byte[] body, long headerLength, OptionalLong inferenceHeaderContentLength, String contentType) {}

  /** A decoded response and each output's parameters other than binary_data_size. */
  public record Decoded(InferenceResponse response, Map<String, Map<String, Object>> outputParameters) {}

  /** Encodes with the named binary mode: {@code auto}, {@code always} or {@code never}. */
  public static Encoded encode(InferenceRequest request, String mode) {
    V2RestBinaryPolicy policy = switch (mode) {
      case "always" -> V2RestBinaryPolicy.ALWAYS;
      case "never" -> V2RestBinaryPolicy.NEVER;
      default -> V2RestBinaryPolicy.AUTO;
    };
    V2RestEncodedRequest e = V2RestRequestWriter.write(request, policy);
    return new Encoded(V2RestTestSupport.bytes(e.body()), e.headerLength(), e.inferenceHeaderContentLength(),
        e.contentType());
  }

  /** Decodes a response body whose Inference-Header-Content-Length is {@code headerLength} (empty: none). */
  public static Decoded decode(byte[] body, OptionalLong headerLength) {
    V2RestDecodedResponse d = V2RestResponseReader.read(ByteChunks.ofBytes(body), headerLength);
    return new Decoded(d.response(), d.outputParameters());
  }

  public static ModelMetadata modelMetadata(byte[] json) {
    return V2RestDocs.model(ByteChunks.ofBytes(json));
  }

  public static ServerMetadata serverMetadata(byte[] json) {
    return V2RestDocs.server(ByteChunks.ofBytes(json));
  }
}
