package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Answers parsed in place read the same as grpc-java's own parser reads them, small and over 4 MiB. */
class AliasingResponsesTest {
  private final MethodDescriptor<ModelInferRequest, ModelInferResponse> method = AliasingResponses.of(
      GRPCInferenceServiceGrpc.getModelInferMethod(), ModelInferResponse.getDefaultInstance());

  private static ModelInferResponse answer(int rawBytes) {
    byte[] raw = new byte[rawBytes];
    new Random(rawBytes).nextBytes(raw);
    return ModelInferResponse.newBuilder().setModelName("m").setId("id-1")
        .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("x").setDatatype("UINT8").addShape(rawBytes))
        .addRawOutputContents(ByteString.copyFrom(raw)).addRawOutputContents(ByteString.copyFrom(new byte[] {7}))
        .build();
  }

  @Test
  void smallAndLargeAnswersReadTheSame() {
    for (int size : new int[] {0, 1, 1000, 600_000, 9_633_792}) {
      ModelInferResponse sent = answer(size);
      assertEquals(sent, method.parseResponse(method.streamResponse(sent)), "raw contents of " + size + " bytes");
    }
  }

  @Test
  void rawContentsAreViewsOfOneArrayNotCopies() {
    ModelInferResponse back = method.parseResponse(method.streamResponse(answer(600_000)));
    java.nio.ByteBuffer first = back.getRawOutputContents(0).asReadOnlyByteBuffer();
    java.nio.ByteBuffer second = back.getRawOutputContents(1).asReadOnlyByteBuffer();
    // Both outputs lie in the same backing array, at their places in the message.
    assertEquals(first.capacity(), second.capacity());
    assertEquals(true, first.capacity() > 600_000);
  }

  @Test
  void anEmptyAnswerIsTheDefaultInstance() {
    assertSame(ModelInferResponse.getDefaultInstance(),
        method.parseResponse(method.streamResponse(ModelInferResponse.getDefaultInstance())));
  }

  @Test
  void aStreamOfUnknownLengthTakesGrpcJavasOwnPath() {
    ModelInferResponse sent = answer(100);
    InputStream unknownLength = new ByteArrayInputStream(sent.toByteArray()); // not a KnownLength
    assertEquals(sent, method.parseResponse(unknownLength));
  }

  @Test
  void garbageIsAnInternalError() {
    byte[] garbage = {(byte) 0x0a, (byte) 0xff}; // a length that runs past the end
    MethodDescriptor.Marshaller<ModelInferResponse> m = method.getResponseMarshaller();
    assertThrows(StatusRuntimeException.class, () -> m.parse(new KnownLengthStream(garbage)));
  }

  /** What grpc-java hands a marshaller: a stream that knows its length. */
  private static final class KnownLengthStream extends ByteArrayInputStream implements io.grpc.KnownLength {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }
  }
}
