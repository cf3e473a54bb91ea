package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's every row passes and prints the same labels, so the README's demo command stays true. */
class VendorSwitchDemoTest {

  @Test
  void everyEndpointGivesTheSameLabels() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int failed = VendorSwitchDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, failed, table);
    assertTrue(table.contains("all 8 endpoints gave the same answer"), table);
    long rowsWithLabels = table.lines().filter(l -> l.contains("setosa, virginica, versicolor")).count();
    assertEquals(8, rowsWithLabels, table);
  }
}
