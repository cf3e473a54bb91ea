package io.inferlink.tfserving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples and features: values copied in and out, kinds checked, text remembered. */
class ExampleTest {

  @Test
  void featuresHoldTheirValuesAndKinds() {
    float[] floats = {1f, 2.5f};
    Feature f = Feature.ofFloats(floats);
    floats[0] = 99f;
    assertArrayEquals(new float[] {1f, 2.5f}, f.floatValues(), "the feature copies its values");
    assertEquals(Feature.Kind.FLOAT, f.kind());
    assertEquals(2, f.size());
    assertThrows(IllegalStateException.class, f::int64Values);
    assertArrayEquals(new long[] {-1, Long.MAX_VALUE}, Feature.ofInt64s(-1, Long.MAX_VALUE).int64Values());
    Feature text = Feature.ofStrings("seaside", "Grüße");
    assertTrue(text.isText());
    assertArrayEquals("Grüße".getBytes(StandardCharsets.UTF_8), text.bytesValues().get(1));
    Feature raw = Feature.ofBytes(new byte[] {0, (byte) 0xff});
    assertFalse(raw.isText());
    assertEquals(raw, Feature.ofBytes(new byte[] {0, (byte) 0xff}));
    assertNotEquals(raw, Feature.ofBytes(new byte[] {0}));
  }

  @Test
  void examplesKeepOrderAndRefuseDuplicateNames() {
    Example e = Example.builder().floats("x", 1f).strings("caption", "a").int64s("n", 3).build();
    assertEquals(List.of("x", "caption", "n"), List.copyOf(e.features().keySet()));
    assertThrows(IllegalArgumentException.class, () -> Example.builder().floats("x", 1f).floats("x", 2f));
    assertThrows(IllegalArgumentException.class, () -> Example.builder().floats("", 1f));
    assertThrows(IllegalArgumentException.class, () -> ExampleInput.of(List.of()));
    ExampleInput input = ExampleInput.of(e).withContext(Example.builder().floats("c", 0f).build());
    assertEquals(1, input.examples().size());
    assertEquals(Feature.ofFloats(0f), input.context().features().get("c"));
  }

  @Test
  void statesMapFromTensorFlowNamesAndNumbers() {
    assertEquals(ModelVersionStatus.State.AVAILABLE, ModelVersionStatus.State.fromName("AVAILABLE"));
    assertEquals(ModelVersionStatus.State.LOADING, ModelVersionStatus.State.fromNumber(20));
    assertEquals(ModelVersionStatus.State.END, ModelVersionStatus.State.fromNumber(50));
    assertEquals(ModelVersionStatus.State.UNKNOWN, ModelVersionStatus.State.fromName("SOMETHING_NEW"));
    assertTrue(new ModelVersionStatus(1, ModelVersionStatus.State.AVAILABLE, null, null).isAvailable());
  }
}
