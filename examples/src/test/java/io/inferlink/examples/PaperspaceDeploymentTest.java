package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secret from configuration opens the deployment; a wrong one is refused without being repeated. */
class PaperspaceDeploymentTest {

  @Test
  void theConfiguredSecretOpensTheDeploymentAndAWrongOneIsAnAuthenticationError() {
    Printed printed = new Printed();
    PaperspaceDeployment.Result result = PaperspaceDeployment.run(Map.of(), printed.out);
    assertEquals(List.of("setosa", "virginica", "versicolor"), result.labels());
    assertTrue(result.wrongSecretMessage().contains("401"), result.wrongSecretMessage());
    assertFalse(result.wrongSecretMessage().contains("not-the-secret"), result.wrongSecretMessage());
    assertFalse(printed.text().contains(PaperspaceDeployment.EMULATED_SECRET), printed.text());
  }
}
