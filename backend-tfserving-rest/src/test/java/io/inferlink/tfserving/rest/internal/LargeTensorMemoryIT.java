package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.ChunkedOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 100 MiB FP32 tensor goes through the JSON codec holding at most one extra copy. This class runs
 * in its own JVM whose heap (320 MiB with the parallel collector, see the module's pom) fits the tensor and its 100 MiB of JSON
 * text once each, with headroom, but not a second copy of either: an encoder that built the text twice, or a decoder that
 * buffered values before the tensor, runs out of memory here.
 */
class LargeTensorMemoryIT {
  private static final int ELEMENTS = 25 * 1024 * 1024; // 100 MiB of FP32

  @Test
  void a100MibTensorIsEncodedAndDecodedWithinOneExtraCopy() {
    assertTrue(Runtime.getRuntime().maxMemory() < 340L * 1024 * 1024,
        "this test only proves something in a JVM with a small heap; it has " + Runtime.getRuntime().maxMemory());
    ChunkedOutput json = encode();
    long jsonBytes = json.size();
    ByteChunks body = asResponse(json.chunks());
    json = null;

    List<Tensor> out = PredictResponseReader.read(body,
        OutputTypes.of(List.of(new TensorSpec("big", DataType.FP32, new long[] {-1, -1}))));
    Tensor back = out.get(0);
    assertEquals(DataType.FP32, back.dtype());
    assertEquals(ELEMENTS * 4, back.byteSize());
    ByteBuffer data = back.data();
    for (int i = 0; i < ELEMENTS; i += 9973) {
      assertEquals(value(i), data.getFloat(i * 4), "element " + i);
    }
    assertTrue(jsonBytes >= 100L * 1024 * 1024, "the JSON text is at least as large as the tensor: " + jsonBytes);
  }

  private static ChunkedOutput encode() {
    // Built straight into its buffer, so the test itself holds no second copy either.
    ByteBuffer data = ByteBuffer.allocate(ELEMENTS * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < ELEMENTS; i++) {
      data.putFloat(value(i));
    }
    data.flip();
    Tensor big = Tensor.wrap("big", DataType.FP32, data, 1024, ELEMENTS / 1024);
    InferenceRequest request = InferenceRequest.builder("m").input(big).build();
    ChunkedOutput json = new ChunkedOutput();
    PredictRequestWriter.write(request, request.inputs().values(), RequestFormat.COLUMNAR, false, json);
    return json;
  }

  /** Short in decimal ("7.5"), so the text is about as large as the tensor. */
  private static float value(int i) {
    return (i % 16) * 0.5f;
  }

  /** The echo a server would send: the same text with "outputs" for "inputs", chunks reused. */
  private static ByteChunks asResponse(List<ByteBuffer> chunks) {
    List<ByteBuffer> out = new ArrayList<>(chunks);
    ByteBuffer first = out.get(0).duplicate();
    byte[] head = new byte[first.remaining()];
    first.get(head);
    String text = new String(head, StandardCharsets.ISO_8859_1);
    out.set(0, ByteBuffer.wrap(("{\"outputs\":" + text.substring("{\"inputs\":".length())).getBytes(StandardCharsets.ISO_8859_1)));
    return ByteChunks.of(out);
  }
}
