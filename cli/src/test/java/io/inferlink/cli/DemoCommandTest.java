package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's main-job command: every row passes with the same labels through the same code. */
class DemoCommandTest {

  @Test
  void everyEndpointGivesTheSameLabels() {
    CliRun r = CliRun.run("demo");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("protocol"), r.out());
    assertTrue(r.out().contains("all 12 endpoints gave the same answer through the same code"), r.out());
    long rowsWithLabels = r.out().lines().filter(l -> l.contains("classifier  setosa, virginica, versicolor")).count();
    assertEquals(12, rowsWithLabels, r.out());
    for (String form : new String[] {"tfserving+http://", "request-format=row", "tfserving+grpc://", "kserve-v1+http://",
        "binary=never", "binary=always", "kserve-v2+grpc://", "paperspace+https://"}) {
      assertTrue(r.out().contains(form), form + " row missing:\n" + r.out());
    }
    assertTrue(!r.out().contains("demo-deployment-secret"), "the deployment secret is never shown");
  }
}
