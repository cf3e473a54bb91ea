package io.inferlink.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small JSON reader of token answers: what it keeps, what it skips, what it refuses. */
class FlatJsonObjectTest {
  @Test
  void keepsTopLevelScalarsAsText() {
    FlatJsonObject o = FlatJsonObject.parse(" {\"access_token\":\"a\\\"b\\\\c\\u00e9\\n\", \"expires_in\" : 3600,"
        + "\"x\":-1.5e3,\"ok\":true,\"no\":false,\"nothing\":null,\"nested\":{\"a\":[1,{\"b\":[]}]},\"list\":[]} ");
    assertEquals("a\"b\\c\u00e9\n", o.get("access_token"));
    assertEquals("3600", o.get("expires_in"));
    assertEquals("-1.5e3", o.get("x"));
    assertEquals("true", o.get("ok"));
    assertEquals("null", o.get("nothing"));
    assertNull(o.get("nested"), "nested values are skipped");
    assertNull(o.get("list"));
    assertEquals(List.of("access_token", "expires_in", "x", "ok", "no", "nothing"), List.copyOf(o.members().keySet()));
    assertEquals(Map.of(), FlatJsonObject.parse("{}").members());
  }

  @Test
  void refusesWhatIsNotOneObject() {
    for (String bad : List.of("", "   ", "[]", "\"s\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1}x",
        "{\"a\":1}{}", "{a:1}", "{\"a\":01x}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":tru}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":\"open}", "{\"a\":1,\"a\":2}",
        "{\"a\":[1 2]}", "{\"a\":{\"b\" 1}}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlatJsonObject.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlatJsonObject.parse(deep));
    assertTrue(e.getMessage().contains("nested deeper than " + FlatJsonObject.MAX_DEPTH), e.getMessage());
    String ok = "{\"a\":" + "[".repeat(FlatJsonObject.MAX_DEPTH) + "]".repeat(FlatJsonObject.MAX_DEPTH) + "}";
    assertEquals(Map.of(), FlatJsonObject.parse(ok).members());
  }

  @Test
  void messagesNeverRepeatTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FlatJsonObject.parse("{\"access_token\":\"very-secret-token\" oops}"));
    assertEquals("malformed JSON: expected ',' or '}' at offset 36", e.getMessage());
  }
}
