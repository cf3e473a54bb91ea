package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.kserve.KServeExplanation;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KServe V1 documents read optional members alike whether missing or {@code null}. */
class V1OptionalMembersTest {

  private static ByteChunks body(String json) {
    return ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nullMembersBesideThePredictionsAreIgnored() {
    assertArrayEquals(new long[] {1, 2}, V1PredictionsReader.read(
        body("{\"id\":null,\"model_name\":null,\"predictions\":[1,2],\"parameters\":null}"), DataType.FP32)
        .get(V1PredictionsReader.PREDICTIONS).toLongArray());
  }

  @Test
  void nullPredictionsAreMissingPredictions() {
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
        () -> V1PredictionsReader.read(body("{\"predictions\":null}"), DataType.FP32));
    assertTrue(e.getMessage().contains("no 'predictions'"), e.getMessage());
  }

  @Test
  void aNullReadyFlagSaysNothingAndNullModelsAreMissing() {
    assertTrue(V1Docs.ready(body("{\"name\":\"m\",\"ready\":null}")));
    assertEquals(List.of("m"), V1Docs.models(body("{\"models\":[\"m\"],\"next\":null}")));
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> V1Docs.models(body("{\"models\":null}")));
    assertTrue(e.getMessage().contains("no 'models'"), e.getMessage());
  }

  @Test
  void anExplanationWithNullPredictionsHasNone() {
    KServeExplanation x = V1Docs.explanation(body("{\"predictions\":null,\"explanations\":[1]}"), DataType.FP32);
    assertTrue(x.predictions().isEmpty());
    assertEquals(List.of("explanations"), List.copyOf(x.fields().keySet()));
  }
}
