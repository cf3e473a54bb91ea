package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template backend is found by ServiceLoader and serves the same application code. */
class TorchServeCustomBackendTest {

  @Test
  void theCustomBackendAnswersLikeABuiltInOne() {
    Printed printed = new Printed();
    TorchServeCustomBackend.Result result = TorchServeCustomBackend.run(Map.of(), printed.out);
    assertEquals("torchserve", result.provider());
    assertTrue(result.serverReady());
    assertTrue(result.modelReady());
    assertEquals(List.of("setosa", "virginica", "versicolor"), result.labels());
    assertEquals(1L, result.versionOne());
    assertEquals(2L, result.versionTwo());
    assertTrue(result.labelRefusal().contains("label"), result.labelRefusal());
    assertTrue(printed.text().contains("provider torchserve"), printed.text());
  }
}
