package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ServerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output name no tensor can have (empty) is the server's mistake (found by TfRestAnswersFuzzTest
 * under -P fuzz): a ServerException from either reader, the fast numeric one and the general one,
 * where Tensor's IllegalArgumentException used to escape.
 */
class OutputNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"outputs\": {\"\": [1.5, 2.5]}}",                       // plain numbers: the fast reader
      "{\"outputs\": {\"\": [1, 18446744073709551615]}}",        // UINT64: the general reader
      "{\"outputs\": {\"\": [\"a\", \"b\"]}}",                   // text: the general reader
      "{\"predictions\": [{\"\": 1}, {\"\": 2}]}"})
  void anEmptyOutputNameIsAServerException(String body) {
    Throwable e = assertThrows(Throwable.class, () -> TfAnswers.outputs(TestHttpResults.of(200, body), OutputTypes.UNKNOWN, "p"));
    assertInstanceOf(ServerException.class, e, e::toString);
    assertTrue(e.getMessage().contains("output '' cannot be a tensor"), e.getMessage());
  }
}
