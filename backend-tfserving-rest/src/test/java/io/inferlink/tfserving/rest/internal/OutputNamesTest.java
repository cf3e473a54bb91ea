package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ServerException;
import io.inferlink.transport.http.internal.HttpExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output names the answer cannot have, both found by TfRestAnswersFuzzTest under -P fuzz: an empty name
 * (Tensor's IllegalArgumentException used to escape) and, in the columnar form, a name given twice (the
 * general reader used to overflow the output's buffer). A ServerException from either reader, the fast
 * numeric one and the general one.
 */
class OutputNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"outputs\": {\"\": [1.5, 2.5]}}",                       // plain numbers: the fast reader
      "{\"outputs\": {\"\": [1, 18446744073709551615]}}",        // UINT64: the general reader
      "{\"outputs\": {\"\": [\"a\", \"b\"]}}",                   // text: the general reader
      "{\"predictions\": [{\"\": 1}, {\"\": 2}]}"})
  void anEmptyOutputNameIsAServerException(String body) {
    Throwable e = assertThrows(Throwable.class, () -> HttpExchange.decode(TestHttpResults.of(200, body), h -> TfAnswers.outputs(h, OutputTypes.UNKNOWN), "p",
        TfAnswers.PROTOCOL));
    assertInstanceOf(ServerException.class, e, e::toString);
    assertTrue(e.getMessage().contains("output '' cannot be a tensor"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"outputs\": {\"a\": 4294967297, \"a\": 2}}",          // the general reader (the fast one gives up on repeats)
      "{\"outputs\": {\"a\": [\"x\"], \"b\": 1, \"a\": [\"y\"]}}"})
  void aNameGivenTwiceInOutputsIsAServerException(String body) {
    Throwable e = assertThrows(Throwable.class, () -> HttpExchange.decode(TestHttpResults.of(200, body), h -> TfAnswers.outputs(h, OutputTypes.UNKNOWN), "p",
        TfAnswers.PROTOCOL));
    assertInstanceOf(ServerException.class, e, e::toString);
    assertTrue(e.getMessage().contains("output 'a' appears 2 times"), e.getMessage());
  }
}
