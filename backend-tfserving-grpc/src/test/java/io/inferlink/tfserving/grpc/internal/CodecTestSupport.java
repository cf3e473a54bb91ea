package io.inferlink.tfserving.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.MalformedAnswerException;
import java.nio.ByteBuffer;

/** Helpers shared by the TensorProtoCodec tests. */
final class CodecTestSupport {
  private CodecTestSupport() {}

  /** A proto with dtype number and shape set, ready for values. */
  static TensorProto.Builder proto(int dtype, long... dims) {
    return TensorProto.newBuilder().setDtypeValue(dtype).setTensorShape(shape(dims));
  }

  static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDimBuilder().setSize(d);
    }
    return b.build();
  }

  /** Bytes from hex pairs separated by spaces, e.g. {@code "08 01 12 00"}. */
  static byte[] hex(String pairs) {
    String[] parts = pairs.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  /** The tensor's data bytes. */
  static byte[] bytes(Tensor t) {
    ByteBuffer d = t.data();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }

  /**
   * Decodes {@code p} as the client reads an answer: a proto the codec rejects becomes the
   * {@link ServerException} the client's exchange reports.
   */
  static Tensor answer(String name, TensorProto p, String provider, int maxFilledBytes) {
    try {
      return TensorProtoCodec.decode(name, p, provider, maxFilledBytes);
    } catch (MalformedAnswerException e) {
      throw Errors.malformedAnswer(TfGrpcClient.PROTOCOL, provider, 0, e);
    }
  }

  /** Decoding fails as a malformed server answer whose message contains every fragment. */
  static ServerException assertMalformed(TensorProto p, String... fragments) {
    ServerException e = assertThrows(ServerException.class, () -> answer("out", p, null, ClientOptions.DEFAULT_MAX_MESSAGE_SIZE));
    assertEquals(ErrorCode.UNKNOWN, e.code());
    assertTrue(e.getMessage().contains("'out'"), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
    }
    return e;
  }
}
