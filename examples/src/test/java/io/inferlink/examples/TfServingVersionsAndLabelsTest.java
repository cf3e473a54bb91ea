package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions and labels reach the version they name, over REST and over gRPC alike. */
class TfServingVersionsAndLabelsTest {

  @Test
  void eachReferenceIsAnsweredByItsVersionOnBothProtocols() {
    Printed printed = new Printed();
    Map<String, Map<String, Long>> answered = TfServingVersionsAndLabels.run(Map.of(), printed.out);
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("versioned", 2L);
    expected.put("versioned:1", 1L);
    expected.put("versioned:2", 2L);
    expected.put("versioned@stable", 1L);
    expected.put("versioned@canary", 2L);
    assertEquals(List.of("tfserving+http", "tfserving+grpc"),
        answered.keySet().stream().map(e -> e.substring(0, e.indexOf("://"))).toList());
    answered.values().forEach(versions -> assertEquals(expected, versions));
    assertEquals(10, printed.text().lines().filter(l -> l.contains("-> version")).count(), printed.text());
  }
}
