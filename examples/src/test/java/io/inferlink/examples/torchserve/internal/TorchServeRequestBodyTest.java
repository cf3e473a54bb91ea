package io.inferlink.examples.torchserve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request side of the convention, byte for byte: what a handler's {@code json.loads} will see. */
class TorchServeRequestBodyTest {

  private static String write(Tensor... inputs) {
    return new String(TorchServeJson.write(List.of(inputs)), StandardCharsets.UTF_8);
  }

  @Test
  void floatsAlwaysCarryAFractionOrExponentSoTheyStayFloats() {
    // Float.toString's text since Java 19 (codec-json's FloatText): Float.MIN_VALUE is 1.4E-45, two digits at least.
    assertEquals("{\"x\":[1.0,-0.0,0.5,1.0E10,1.4E-45,3.4028235E38]}",
        write(Tensor.ofFloats("x", new float[] {1f, -0f, 0.5f, 1e10f, Float.MIN_VALUE, Float.MAX_VALUE}, 6)));
  }

  @Test
  void nanAndInfinitiesAreBareTokensAsPythonWritesThem() {
    assertEquals("{\"x\":[NaN,Infinity,-Infinity]}",
        write(Tensor.ofFloats("x", new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 3)));
  }

  @Test
  void integersBooleansAndStringsHaveTheirOwnJsonKinds() {
    assertEquals("{\"i\":[-9223372036854775808,0,9223372036854775807],\"b\":[true,false],\"s\":[\"a\\\"b\",\"\\u0000\",\"ü✓\"]}",
        write(Tensor.ofLongs("i", new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, 3),
            Tensor.ofBooleans("b", new boolean[] {true, false}, 2),
            Tensor.ofStrings("s", new String[] {"a\"b", "\0", "ü✓"}, 3)));
  }

  @Test
  void shapesBecomeNestedListsInRowMajorOrderAndScalarsBareValues() {
    assertEquals("{\"m\":[[[1,2],[3,4],[5,6]]],\"s\":2.5,\"t\":\"one\"}",
        write(Tensor.ofLongs("m", new long[] {1, 2, 3, 4, 5, 6}, 1, 3, 2),
            Tensor.ofFloats("s", new float[] {2.5f}),
            Tensor.ofStrings("t", new String[] {"one"})));
  }

  @Test
  void inputsKeepTheRequestOrder() {
    String json = write(Tensor.ofLongs("z", new long[] {1}, 1), Tensor.ofLongs("a", new long[] {2}, 1));
    assertTrue(json.indexOf("\"z\"") < json.indexOf("\"a\""), json);
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedSinceJsonStringsCannotCarryThem() {
    Tensor raw = Tensor.ofBytes("img", new byte[][] {{(byte) 0xff, (byte) 0xd8}}, 1);
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> write(raw));
    assertTrue(e.getMessage().contains("'img'") && e.getMessage().contains("UTF-8"), e.getMessage());
  }
}
