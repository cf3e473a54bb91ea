package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.tfserving.ModelVersionStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classify, regress and model status give the same answers over REST and gRPC. */
class TfServingClassifyAndRegressTest {

  @Test
  void bothProtocolsClassifyRegressAndReportStatus() {
    List<TfServingClassifyAndRegress.Answers> answers = TfServingClassifyAndRegress.run(Map.of(), new Printed().out);
    assertEquals(2, answers.size());
    for (TfServingClassifyAndRegress.Answers a : answers) {
      assertEquals(List.of("setosa", "virginica"), a.bestClasses(), a.endpoint());
      assertEquals(List.of(2.5f, -3f), a.regressed(), a.endpoint());
      assertTrue(a.status().stream().anyMatch(s -> s.version() == 1 && s.state() == ModelVersionStatus.State.AVAILABLE),
          a.endpoint() + ": " + a.status());
    }
    assertTrue(answers.get(0).endpoint().startsWith("tfserving+http") && answers.get(1).endpoint().startsWith("tfserving+grpc"));
  }
}
