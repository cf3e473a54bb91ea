package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Requests carrying tensors through {@link TensorWireBytes} serialise to exactly the bytes of the same
 * request with copied contents, for every kind of tensor memory; and heap memory reaches the output
 * stream in one write of the tensor's own array, as a raw stub's {@code byte[]} does.
 */
class TensorWireBytesTest {
  private static final int[] SIZES = {0, 4, 4096, 4100, 600_000, 9_633_792};

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  /** The four kinds of memory a tensor of {@code size} bytes (a multiple of 4) may sit on. */
  private static List<Tensor> tensors(int size) {
    byte[] bytes = random(size);
    ByteBuffer offsetHeap = ByteBuffer.wrap(new byte[size + 7]).position(7).slice().put(bytes).flip();
    ByteBuffer direct = ByteBuffer.allocateDirect(size).put(bytes).flip();
    return List.of(
        Tensor.wrap("heap", DataType.FP32, ByteBuffer.wrap(bytes), size / 4),
        Tensor.wrap("offset_heap", DataType.FP32, offsetHeap, size / 4),
        Tensor.wrap("read_only_heap", DataType.FP32, ByteBuffer.wrap(bytes).asReadOnlyBuffer(), size / 4),
        Tensor.wrap("direct", DataType.FP32, direct, size / 4));
  }

  private static ModelInferRequest v2(List<Tensor> inputs, Function<Tensor, ByteString> contents) {
    ModelInferRequest.Builder b = ModelInferRequest.newBuilder().setModelName("m").setId("id-1");
    for (Tensor t : inputs) {
      b.addInputs(InferInputTensor.newBuilder().setName(t.name()).setDatatype("FP32").addShape(t.elementCount()));
      b.addRawInputContents(contents.apply(t));
    }
    return b.build();
  }

  private static PredictRequest tf(List<Tensor> inputs, Function<Tensor, ByteString> contents) {
    PredictRequest.Builder b = PredictRequest.newBuilder();
    for (Tensor t : inputs) {
      b.putInputs(t.name(), TensorProto.newBuilder().setTensorContent(contents.apply(t)).build());
    }
    return b.build();
  }

  private static byte[] streamed(com.google.protobuf.MessageLite m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out); // the path grpc-java's marshaller takes
    return out.toByteArray();
  }

  @Test
  void bytesAreTheTensorsBytes() {
    for (int size : SIZES) {
      for (Tensor t : tensors(size)) {
        assertEquals(ByteString.copyFrom(t.data()), TensorWireBytes.of(t), t.name() + ", " + size + " bytes");
      }
    }
  }

  @Test
  void requestsSerialiseAsWithCopiedContents() throws IOException {
    for (int size : SIZES) {
      List<Tensor> inputs = tensors(size); // several inputs of every memory kind in one message
      ModelInferRequest copied = v2(inputs, t -> ByteString.copyFrom(t.data()));
      ModelInferRequest shared = v2(inputs, TensorWireBytes::of);
      assertArrayEquals(copied.toByteArray(), streamed(shared), "ModelInferRequest, " + size + " bytes each");
      assertEquals(copied.getSerializedSize(), shared.getSerializedSize());
      PredictRequest tfCopied = tf(inputs, t -> ByteString.copyFrom(t.data()));
      PredictRequest tfShared = tf(inputs, TensorWireBytes::of);
      assertArrayEquals(tfCopied.toByteArray(), streamed(tfShared), "PredictRequest, " + size + " bytes each");
      assertArrayEquals(tfCopied.toByteArray(), tfShared.toByteArray());
    }
  }

  @Test
  void heapTensorsReachTheStreamInOneWriteOfTheirArray() throws IOException {
    byte[] memory = random(600_000);
    Tensor wrapped = Tensor.wrap("w", DataType.UINT8, ByteBuffer.wrap(memory), memory.length);
    Tensor copied = Tensor.ofUint8("c", random(600_000), 600_000); // a copying factory: Tensor's own array
    List<byte[]> arrays = new ArrayList<>(); // the array of each write of 64 KiB or more
    OutputStream recorder = new OutputStream() {
      @Override
      public void write(int b) {}

      @Override
      public void write(byte[] b, int off, int len) {
        if (len >= 65_536) {
          arrays.add(b);
        }
      }
    };
    // protobuf fills its 4 KiB buffer with the head of a large array, then writes the rest of it in one
    // call; a buffer view instead goes 4 KiB at a time and no write reaches 64 KiB.
    v2(List.of(wrapped, copied), TensorWireBytes::of).writeTo(recorder);
    assertEquals(2, arrays.size(), "one large write per tensor");
    assertSame(memory, arrays.get(0), "the wrapped tensor's own array, not a copy");
  }
}
