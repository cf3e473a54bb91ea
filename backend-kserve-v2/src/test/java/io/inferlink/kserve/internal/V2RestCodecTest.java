package io.inferlink.kserve.internal;

import static io.inferlink.kserve.internal.V2RestTestSupport.assertSameJson;
import static io.inferlink.kserve.internal.V2RestTestSupport.bytes;
import static io.inferlink.kserve.internal.V2RestTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The request writer against PROTOCOLS.md §3.3 and §3.5, token by token. */
class V2RestCodecTest {

  @Test
  void workedExampleRequestFromTheBinaryExtension() {
    Tensor input0 = Tensor.ofUint32("input0", new int[] {1, 2, 3, 4}, 2, 2);
    Tensor input1 = Tensor.ofBooleans("input1", new boolean[] {true, false, true}, 3);
    InferenceRequest req = InferenceRequest.builder("m").inputs(input0, input1).requestOutputs("output0").build();

    V2RestEncodedRequest enc = V2RestRequestWriter.write(req, V2RestBinaryPolicy.ALWAYS);

    assertSameJson("{\"inputs\":["
        + "{\"name\":\"input0\",\"shape\":[2,2],\"datatype\":\"UINT32\",\"parameters\":{\"binary_data_size\":16}},"
        + "{\"name\":\"input1\",\"shape\":[3],\"datatype\":\"BOOL\",\"parameters\":{\"binary_data_size\":3}}],"
        + "\"outputs\":[{\"name\":\"output0\",\"parameters\":{\"binary_data\":true}}]}", header(enc));
    byte[] body = bytes(enc.body());
    assertEquals(enc.headerLength() + 16 + 3, body.length);
    assertEquals(body.length, enc.body().length());
    assertEquals(OptionalLong.of(enc.headerLength()), enc.inferenceHeaderContentLength());
    assertEquals("application/octet-stream", enc.contentType());
    byte[] blobs = Arrays.copyOfRange(body, (int) enc.headerLength(), body.length);
    assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 1, 0, 1}, blobs);
  }

  @Test
  void workedExampleResponseFromTheBinaryExtension() {
    ByteBuffer fp = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 6; i++) {
      fp.putFloat(i + 0.5f);
    }
    V2RestTestSupport.Answer a = V2RestTestSupport.answer("{\"model_name\":\"m\",\"outputs\":["
        + "{\"name\":\"output0\",\"shape\":[3,2],\"datatype\":\"FP32\",\"parameters\":{\"binary_data_size\":24}},"
        + "{\"name\":\"output1\",\"shape\":[2],\"datatype\":\"BOOL\",\"data\":[true,false]}]}", fp.array());

    InferenceResponse r = V2RestResponseReader.read(a.body(), OptionalLong.of(a.headerLength())).response();

    assertEquals("m", r.modelName());
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}, r.output("output0").toFloatArray());
    assertArrayEquals(new long[] {3, 2}, r.output("output0").shape());
    assertArrayEquals(new boolean[] {true, false}, r.output("output1").toBooleanArray());
  }

  @Test
  void jsonRequestHasTheShapeOfSection33() {
    InferenceRequest req = InferenceRequest.builder("m")
        .id("req-1")
        .parameter("s", "text").parameter("b", true).parameter("l", 7L).parameter("d", 0.25)
        .inputs(Tensor.ofInts("a", new int[] {1, -2, 3, 4}, 2, 2),
            Tensor.ofStrings("t", new String[] {"x", "ü"}, 2))
        .requestOutputs("out")
        .build();

    V2RestEncodedRequest enc = V2RestRequestWriter.write(req, V2RestBinaryPolicy.NEVER);

    assertSameJson("{\"id\":\"req-1\",\"parameters\":{\"s\":\"text\",\"b\":true,\"l\":7,\"d\":0.25},\"inputs\":["
        + "{\"name\":\"a\",\"shape\":[2,2],\"datatype\":\"INT32\",\"data\":[1,-2,3,4]},"
        + "{\"name\":\"t\",\"shape\":[2],\"datatype\":\"BYTES\",\"data\":[\"x\",\"ü\"]}],"
        + "\"outputs\":[{\"name\":\"out\",\"parameters\":{\"binary_data\":false}}]}", header(enc));
    assertFalse(enc.binary());
    assertEquals(OptionalLong.empty(), enc.inferenceHeaderContentLength());
    assertEquals("application/json", enc.contentType());
    assertEquals(enc.headerLength(), enc.body().length());
  }

  @Test
  void numbersAreWrittenExactly() {
    InferenceRequest req = InferenceRequest.builder("m").inputs(
        Tensor.ofUint64("u", new long[] {-1L, Long.MIN_VALUE}, 2),
        Tensor.ofUint32("v", new int[] {-1}, 1),
        Tensor.ofUint8("w", new byte[] {(byte) 0xff}, 1),
        Tensor.ofFloats("f", new float[] {0.1f, -0f, 3.4028235e38f}, 3),
        Tensor.ofDoubles("g", new double[] {0.1, 1e23, 5e-324}, 3),
        Tensor.ofBooleans("b", new boolean[] {true, false}, 2)).build();

    String json = header(V2RestRequestWriter.write(req, V2RestBinaryPolicy.NEVER));

    assertTrue(json.contains("\"data\":[18446744073709551615,9223372036854775808]"), json);
    assertTrue(json.contains("\"data\":[4294967295]"), json);
    assertTrue(json.contains("\"data\":[255]"), json);
    assertTrue(json.contains("\"data\":[0.1,-0.0,3.4028235E38]"), json);
    assertTrue(json.contains("\"data\":[0.1,1.0E23,4.9E-324]"), json);
    assertTrue(json.contains("\"data\":[true,false]"), json);
  }

  @Test
  void autoAsksForAllOutputsBinaryAndKeepsSmallInputsJson() {
    InferenceRequest req = InferenceRequest.builder("m").input(Tensor.ofInts("a", new int[] {5}, 1)).build();

    V2RestEncodedRequest enc = V2RestRequestWriter.write(req, V2RestBinaryPolicy.AUTO);

    assertSameJson("{\"parameters\":{\"binary_data_output\":true},\"inputs\":["
        + "{\"name\":\"a\",\"shape\":[1],\"datatype\":\"INT32\",\"data\":[5]}]}", header(enc));
    assertFalse(enc.binary());
  }

  @Test
  void theCallersBinaryDataOutputWins() {
    InferenceRequest req = InferenceRequest.builder("m").parameter("binary_data_output", false)
        .input(Tensor.ofInts("a", new int[] {5}, 1)).build();

    assertSameJson("{\"parameters\":{\"binary_data_output\":false},\"inputs\":["
        + "{\"name\":\"a\",\"shape\":[1],\"datatype\":\"INT32\",\"data\":[5]}]}",
        header(V2RestRequestWriter.write(req, V2RestBinaryPolicy.AUTO)));
  }

  @Test
  void autoSendsLargeInputsAndWhatJsonCannotCarryBinary() {
    Tensor small = Tensor.ofFloats("small", new float[] {1f}, 1);
    Tensor large = Tensor.ofFloats("large", new float[16], 16);
    Tensor half = Tensor.ofFp16("half", new float[] {1f}, 1);
    Tensor brain = Tensor.ofBf16("brain", new float[] {1f}, 1);
    Tensor nan = Tensor.ofDoubles("nan", new double[] {Double.NaN}, 1);
    Tensor inf = Tensor.ofFloats("inf", new float[] {Float.NEGATIVE_INFINITY}, 1);
    Tensor raw = Tensor.ofBytes("raw", new byte[][] {{(byte) 0xff, 0x41}}, 1);
    InferenceRequest req = InferenceRequest.builder("m").inputs(small, large, half, brain, nan, inf, raw).build();

    V2RestEncodedRequest enc = V2RestRequestWriter.write(req, V2RestBinaryPolicy.auto(64));

    String json = header(enc);
    assertTrue(json.contains("\"name\":\"small\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1.0]"), json);
    assertTrue(json.contains("\"name\":\"large\",\"shape\":[16],\"datatype\":\"FP32\",\"parameters\":{\"binary_data_size\":64}"), json);
    for (String name : new String[] {"half", "brain", "nan", "inf"}) {
      assertTrue(json.matches(".*\"name\":\"" + name + "\"[^}]*\"binary_data_size\":\\d+.*"), name + ": " + json);
    }
    assertTrue(json.contains("\"name\":\"raw\",\"shape\":[1],\"datatype\":\"BYTES\",\"parameters\":{\"binary_data_size\":6}"), json);
    assertEquals(enc.headerLength() + 64 + 2 + 2 + 8 + 4 + 6, enc.body().length());
    assertTrue(enc.binary());
  }

  @Test
  void bytesLengthPrefixesCountInBinaryDataSize() {
    Tensor t = Tensor.ofStrings("t", new String[] {"ab", "cde", ""}, 3);
    V2RestEncodedRequest enc = V2RestRequestWriter.write(
        InferenceRequest.builder("m").input(t).build(), V2RestBinaryPolicy.ALWAYS);

    assertTrue(header(enc).contains("\"binary_data_size\":17"), header(enc));
    byte[] body = bytes(enc.body());
    assertArrayEquals(new byte[] {2, 0, 0, 0, 'a', 'b', 3, 0, 0, 0, 'c', 'd', 'e', 0, 0, 0, 0},
        Arrays.copyOfRange(body, (int) enc.headerLength(), body.length));
  }

  @Test
  void wrappedBoolBytesOtherThanZeroOrOneGoAsOneInBinary() {
    Tensor t = Tensor.wrap("b", DataType.BOOL, ByteBuffer.wrap(new byte[] {0, 2, (byte) 0xff, 1}), 4);
    V2RestEncodedRequest enc = V2RestRequestWriter.write(
        InferenceRequest.builder("m").input(t).build(), V2RestBinaryPolicy.ALWAYS);
    byte[] body = bytes(enc.body());
    assertArrayEquals(new byte[] {0, 1, 1, 1}, Arrays.copyOfRange(body, (int) enc.headerLength(), body.length));
  }

  @Test
  void binaryBoolBytesOtherThanZeroOrOneFromTheServerAreReadAsOne() {
    V2RestTestSupport.Answer a = V2RestTestSupport.answer("{\"model_name\":\"m\",\"outputs\":["
        + "{\"name\":\"b\",\"shape\":[4],\"datatype\":\"BOOL\",\"parameters\":{\"binary_data_size\":4}}]}",
        new byte[] {0, 2, (byte) 0xff, 1});
    Tensor b = V2RestResponseReader.read(a.body(), OptionalLong.of(a.headerLength())).response().output("b");
    assertArrayEquals(new byte[] {0, 1, 1, 1}, b.toByteArray());
    assertEquals(Tensor.ofBooleans("b", new boolean[] {false, true, true, true}, 4), b);
  }

  @Test
  void binaryInputsAreTheTensorsOwnMemory() {
    byte[] memory = {1, 0, 0, 0};
    Tensor t = Tensor.wrap("x", DataType.INT32, ByteBuffer.wrap(memory), 1);
    V2RestEncodedRequest enc = V2RestRequestWriter.write(
        InferenceRequest.builder("m").input(t).build(), V2RestBinaryPolicy.ALWAYS);

    memory[0] = 42; // not copied: the body shows the write
    byte[] body = bytes(enc.body());
    assertEquals(42, body[(int) enc.headerLength()]);
  }

  @Test
  void neverRefusesWhatJsonCannotCarry() {
    Tensor[] refused = {
        Tensor.ofFp16("h", new float[] {1f}, 1),
        Tensor.ofBf16("b", new float[] {1f}, 1),
        Tensor.ofFloats("n", new float[] {1f, Float.NaN}, 2),
        Tensor.ofDoubles("i", new double[] {Double.POSITIVE_INFINITY}, 1),
        Tensor.ofBytes("r", new byte[][] {{(byte) 0xc3}}, 1)};
    for (Tensor t : refused) {
      InferenceRequest req = InferenceRequest.builder("m").input(t).build();
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> V2RestRequestWriter.write(req, V2RestBinaryPolicy.NEVER), t.toString());
      assertTrue(e.getMessage().contains("'" + t.name() + "'"), e.getMessage());
    }
  }

  @Test
  void nonFiniteParametersAreRefused() {
    InferenceRequest req = InferenceRequest.builder("m").parameter("p", Double.NaN)
        .input(Tensor.ofInts("a", new int[] {5}, 1)).build();
    assertThrows(UnsupportedFeatureException.class, () -> V2RestRequestWriter.write(req, V2RestBinaryPolicy.AUTO));
  }

  @Test
  void policyRejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> V2RestBinaryPolicy.auto(-1));
    assertThrows(IllegalArgumentException.class, () -> new V2RestBinaryPolicy(null, 0));
    assertEquals(64 * 1024, V2RestBinaryPolicy.AUTO.thresholdBytes());
  }
}
