package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One variable switches the vendor; the application code and its answer stay the same. */
class VendorSwitchByConfigurationTest {
  private static final List<String> LABELS = List.of("setosa", "virginica", "versicolor");

  @Test
  void everyEmulatedEndpointFormGivesTheSameLabels() {
    Printed printed = new Printed();
    Map<String, List<String>> labels = VendorSwitchByConfiguration.run(Map.of(), printed.out);
    assertEquals(List.of("tfserving+http", "tfserving+grpc", "kserve-v1+http", "kserve-v2+http", "kserve-v2+grpc",
        "torchserve+http"), labels.keySet().stream().map(e -> e.substring(0, e.indexOf("://"))).toList());
    labels.forEach((endpoint, names) -> assertEquals(LABELS, names, endpoint));
    assertEquals(6, printed.text().lines().filter(l -> l.contains(LABELS.toString())).count(), printed.text());
  }

  @Test
  void aConfiguredEndpointIsTheOnlyOneCalled() {
    try (Emulator own = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start()) {
      String endpoint = own.endpoint("tfserving+grpc");
      Printed printed = new Printed();
      Map<String, List<String>> labels = VendorSwitchByConfiguration.run(Map.of("INFERLINK_ENDPOINT", endpoint), printed.out);
      assertEquals(Map.of(endpoint, LABELS), labels);
      assertTrue(printed.text().contains("INFERLINK_ENDPOINT=" + endpoint), printed.text());
    }
  }
}
