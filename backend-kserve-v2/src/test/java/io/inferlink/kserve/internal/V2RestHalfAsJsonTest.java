package io.inferlink.kserve.internal;

import static io.inferlink.kserve.internal.V2RestTestSupport.assertSameJson;
import static io.inferlink.kserve.internal.V2RestTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * FP16/BF16 as JSON numbers: sent only with {@code half-as-json} (MLServer takes them, Triton and
 * KServe refuse them), read from answers always.
 */
class V2RestHalfAsJsonTest {
  private static final V2RestBinaryPolicy NEVER_HALF = V2RestBinaryPolicy.NEVER.withHalfAsJson(true);

  private static Tensor half(DataType dtype, short[] bits) {
    ByteBuffer b = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : bits) {
      b.putShort(s);
    }
    return Tensor.wrap("h", dtype, b.flip(), bits.length);
  }

  private static InferenceRequest request(Tensor t) {
    return InferenceRequest.builder("m").input(t).build();
  }

  /** The request's JSON read back as an answer: the inputs become the outputs. */
  private static Tensor roundTrip(Tensor t) {
    String json = header(V2RestRequestWriter.write(request(t), NEVER_HALF)).replace("\"inputs\"", "\"outputs\"");
    return V2RestResponseReader.read(ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty())
        .response().output("h");
  }

  @Test
  void fp16InputsAreJsonNumbersWithTheOption() {
    Tensor t = Tensor.ofFp16("h", new float[] {0f, -0f, 1f, -2.5f, 65504f, 0x1p-14f, 0x1p-24f}, 7);
    assertSameJson("{\"inputs\":[{\"name\":\"h\",\"shape\":[7],\"datatype\":\"FP16\",\"data\":"
        + "[0.0,-0.0,1.0,-2.5,65504.0,6.1035156E-5,5.9604645E-8]}]}", header(V2RestRequestWriter.write(request(t), NEVER_HALF)));
  }

  @Test
  void everyFiniteFp16AndBf16ValueRoundTripsThroughItsJsonNumberBitForBit() {
    for (DataType dtype : new DataType[] {DataType.FP16, DataType.BF16}) {
      int exponentMask = dtype == DataType.FP16 ? 0x7C00 : 0x7F80;
      short[] finite = new short[65536];
      int n = 0;
      for (int bits = 0; bits < 65536; bits++) {
        if ((bits & exponentMask) != exponentMask) {
          finite[n++] = (short) bits;
        }
      }
      short[] sent = java.util.Arrays.copyOf(finite, n);
      Tensor back = roundTrip(half(dtype, sent));
      assertEquals(dtype, back.dtype());
      short[] got = new short[n];
      back.data().asShortBuffer().get(got);
      assertArrayEquals(sent, got, dtype.wireName());
    }
  }

  @Test
  void nonFiniteHalfValuesAreRefusedBeforeSending() {
    for (Tensor t : new Tensor[] {Tensor.ofFp16("h", new float[] {1f, Float.NaN}, 2),
        Tensor.ofBf16("h", new float[] {Float.NEGATIVE_INFINITY}, 1)}) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> V2RestRequestWriter.write(request(t), NEVER_HALF));
      assertTrue(e.getMessage().contains("JSON cannot carry"), e.getMessage());
    }
  }

  @Test
  void withoutTheOptionHalfInputsAreRefusedUnderNeverAndBinaryUnderAuto() {
    Tensor t = Tensor.ofFp16("h", new float[] {1f}, 1);
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> V2RestRequestWriter.write(request(t), V2RestBinaryPolicy.NEVER));
    assertTrue(e.getMessage().contains("half-as-json"), e.getMessage());
    assertTrue(V2RestRequestWriter.write(request(t), V2RestBinaryPolicy.AUTO).inferenceHeaderContentLength().isPresent());
    assertFalse(V2RestRequestWriter.write(request(t), V2RestBinaryPolicy.AUTO.withHalfAsJson(true))
        .inferenceHeaderContentLength().isPresent(), "a small FP16 tensor JSON can carry goes as JSON");
  }

  @Test
  void fp16AndBf16JsonDataInAnswersIsRead() {
    // MLServer 1.7.1's answer (its numbers are the doubles of the FP16 values), plus a BF16 and a null.
    String json = "{\"model_name\":\"identity\",\"model_version\":\"1\",\"id\":\"i\",\"parameters\":{},\"outputs\":["
        + "{\"name\":\"x_fp16\",\"shape\":[2,3],\"datatype\":\"FP16\",\"data\":[0.0,-0.0,1.0,-2.5,65504.0,5.960464477539063e-8]},"
        + "{\"name\":\"r\",\"shape\":[3],\"datatype\":\"FP16\",\"data\":[0.1,70000,null]},"
        + "{\"name\":\"b\",\"shape\":[2,1],\"datatype\":\"BF16\",\"data\":[[1.5],[-3.3895313892515355e38]]}]}";
    var r = V2RestResponseReader.read(ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty())
        .response();
    assertArrayEquals(new float[] {0f, -0f, 1f, -2.5f, 65504f, 0x1p-24f}, r.output("x_fp16").toFloatArray());
    float[] rounded = r.output("r").toFloatArray();
    assertEquals(0.0999755859375f, rounded[0], "the nearest FP16 of 0.1");
    assertEquals(Float.POSITIVE_INFINITY, rounded[1], "beyond the FP16 range");
    assertTrue(Float.isNaN(rounded[2]));
    assertArrayEquals(new float[] {1.5f, -0x1.fep127f}, r.output("b").toFloatArray());
    assertThrows(MalformedAnswerException.class, () -> V2RestResponseReader.read(ByteChunks.ofBytes(
        "{\"outputs\":[{\"name\":\"h\",\"shape\":[1],\"datatype\":\"FP16\",\"data\":[\"1\"]}]}".getBytes(StandardCharsets.UTF_8)),
        OptionalLong.empty()));
  }

  @Test
  void theOptionAddsFp16AndBf16ToTheCapabilitiesOfJsonOnlyClients() {
    for (String query : new String[] {"?binary=never", "?binary=never&half-as-json=false"}) {
      try (InferenceClient c = InferenceClient.create("kserve-v2+http://127.0.0.1:1" + query)) {
        assertFalse(c.capabilities().supports(DataType.FP16), query);
      }
    }
    try (InferenceClient c = InferenceClient.create("kserve-v2+http://127.0.0.1:1?binary=never&half-as-json=true")) {
      assertTrue(c.capabilities().supports(DataType.FP16) && c.capabilities().supports(DataType.BF16));
    }
    ClientOptions fromEnv = ClientOptions.fromEnvironment(Map.of("INFERLINK_OPTION_HALF_AS_JSON", "true"));
    assertEquals(true, fromEnv.get(KServeOptions.HALF_AS_JSON));
    try (InferenceClient c = InferenceClient.create("kserve-v2+http://127.0.0.1:1?binary=never", fromEnv)) {
      assertTrue(c.capabilities().supports(DataType.FP16));
    }
  }
}
