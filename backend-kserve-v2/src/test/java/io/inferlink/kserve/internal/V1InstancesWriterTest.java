package io.inferlink.kserve.internal;

import static io.inferlink.kserve.internal.V2RestTestSupport.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The V1 request body: rows of one input, named rows of several, and what has no row form. */
class V1InstancesWriterTest {

  private static String body(Tensor... inputs) {
    InferenceRequest request = InferenceRequest.builder("m").inputs(inputs).build();
    return new String(V2RestTestSupport.bytes(V1InstancesWriter.write(request)), StandardCharsets.UTF_8);
  }

  @Test
  void oneInputGivesItsRowsAsNestedLists() {
    assertSameJson("{\"instances\": [[1.0, 2.5, -0.0], [3.0, 1.0E10, 0.1]]}",
        body(Tensor.ofFloats("x", new float[] {1f, 2.5f, -0f, 3f, 1e10f, 0.1f}, 2, 3)));
    assertSameJson("{\"instances\": [[[1], [2]], [[3], [4]]]}",
        body(Tensor.ofLongs("x", new long[] {1, 2, 3, 4}, 2, 2, 1)));
  }

  @Test
  void aRankOneInputGivesPlainValuesAsInstances() {
    assertSameJson("{\"instances\": [true, false]}", body(Tensor.ofBooleans("b", new boolean[] {true, false}, 2)));
    assertSameJson("{\"instances\": [-9223372036854775808, 9223372036854775807]}",
        body(Tensor.ofLongs("i", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2)));
    assertSameJson("{\"instances\": [\"a\", \"Grüße ✓\", \"nu\\u0000l\"]}",
        body(Tensor.ofStrings("s", new String[] {"a", "Grüße ✓", "nu\0l"}, 3)));
  }

  @Test
  void floatsAlwaysLookLikeFloatsAndNonFiniteValuesAreBareTokens() {
    String text = body(Tensor.ofFloats("x", new float[] {1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 4));
    assertTrue(text.equals("{\"instances\":[1.0,NaN,Infinity,-Infinity]}"), text);
    assertSameJson("{\"instances\": [2.0, 1.0E-300]}", body(Tensor.ofDoubles("x", new double[] {2d, 1e-300}, 2)));
  }

  @Test
  void severalInputsGiveOneObjectPerRowInInputOrder() {
    assertSameJson("{\"instances\": [{\"a\": [1.0, 2.0], \"b\": 7, \"c\": \"x\"}, {\"a\": [3.0, 4.0], \"b\": 8, \"c\": \"y\"}]}",
        body(Tensor.ofFloats("a", new float[] {1, 2, 3, 4}, 2, 2), Tensor.ofLongs("b", new long[] {7, 8}, 2),
            Tensor.ofStrings("c", new String[] {"x", "y"}, 2)));
  }

  @Test
  void inputsOfDifferentRowCountsAreRefusedBeforeSending() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> body(Tensor.ofFloats("a", new float[] {1, 2}, 2), Tensor.ofFloats("b", new float[] {1, 2, 3}, 3)));
    assertTrue(e.getMessage().contains("'a' has 2 rows, 'b' has 3"), e.getMessage());
  }

  @Test
  void scalarsAndNonUtf8BytesHaveNoV1Form() {
    UnsupportedFeatureException scalar = assertThrows(UnsupportedFeatureException.class,
        () -> body(Tensor.ofFloats("s", new float[] {1f})));
    assertTrue(scalar.getMessage().contains("scalar"), scalar.getMessage());
    UnsupportedFeatureException binary = assertThrows(UnsupportedFeatureException.class,
        () -> body(Tensor.ofBytes("raw", new byte[][] {{(byte) 0xff, 0x00}}, 1)));
    assertTrue(binary.getMessage().contains("not valid UTF-8"), binary.getMessage());
  }
}
