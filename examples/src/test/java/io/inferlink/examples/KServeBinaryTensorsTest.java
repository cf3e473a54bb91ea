package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raw bytes and FP16 survive the binary extension unchanged; JSON alone refuses FP16 up front. */
class KServeBinaryTensorsTest {

  @Test
  void binaryTensorsComeBackByteForByteAndJsonOnlyRefusesFp16() {
    Printed printed = new Printed();
    KServeBinaryTensors.Result result = KServeBinaryTensors.run(Map.of(), printed.out);
    assertTrue(result.bytesUnchanged(), printed.text());
    assertTrue(result.fp16Unchanged(), printed.text());
    assertEquals(DataType.FP16, result.fp16Type());
    assertTrue(result.jsonOnlyRefusal().contains("FP16"), result.jsonOnlyRefusal());
    assertTrue(printed.text().contains("[0.5, -2.0, 65504.0, 6.1035156E-5]"), printed.text());
  }
}
