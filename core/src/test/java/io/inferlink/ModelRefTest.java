package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Factories, parsing, validation and rendering of {@link ModelRef}. */
class ModelRefTest {

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  @Nested
  class Factories {
    @Test
    void nameOnly() {
      ModelRef m = ModelRef.of("resnet");
      assertEquals("resnet", m.name());
      assertNull(m.version());
      assertNull(m.label());
      assertFalse(m.hasVersion());
      assertFalse(m.hasLabel());
    }

    @Test
    void stringVersion() {
      ModelRef m = ModelRef.of("resnet", "v2-beta");
      assertEquals("v2-beta", m.version());
      assertTrue(m.hasVersion());
      assertFalse(m.hasLabel());
    }

    @Test
    void numericVersion() {
      ModelRef m = ModelRef.of("resnet", 3L);
      assertEquals("3", m.version());
      assertEquals(ModelRef.of("resnet", "3"), m);
    }

    @Test
    void versionZeroIsAllowedAndNegativeIsNot() {
      assertEquals("0", ModelRef.of("m", 0L).version());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRef.of("m", -1L));
      assertContains(e.getMessage(), "'m'", "-1");
    }

    @Test
    void label() {
      ModelRef m = ModelRef.withLabel("resnet", "stable");
      assertEquals("stable", m.label());
      assertNull(m.version());
      assertTrue(m.hasLabel());
      assertFalse(m.hasVersion());
    }

    @Test
    void nullsAreRefused() {
      assertThrows(NullPointerException.class, () -> ModelRef.of(null));
      assertThrows(NullPointerException.class, () -> ModelRef.of("m", (String) null));
      assertThrows(NullPointerException.class, () -> ModelRef.withLabel("m", null));
      assertThrows(NullPointerException.class, () -> ModelRef.parse(null));
    }

    @Test
    void versionAndLabelTogetherAreRefused() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new ModelRef("m", "1", "stable"));
      assertContains(e.getMessage(), "'m'", "not both");
    }

    @Test
    void withVersionReplacesVersionAndDropsLabel() {
      assertEquals(ModelRef.of("m", "7"), ModelRef.withLabel("m", "canary").withVersion("7"));
      assertEquals(ModelRef.of("m"), ModelRef.of("m", "3").withVersion(null));
    }

    @Test
    void equalityIsByValue() {
      assertEquals(ModelRef.of("m", "1"), new ModelRef("m", "1", null));
      assertEquals(ModelRef.of("m", "1").hashCode(), new ModelRef("m", "1", null).hashCode());
      assertNotEquals(ModelRef.of("m", "1"), ModelRef.withLabel("m", "1"));
      assertNotEquals(ModelRef.of("m"), ModelRef.of("M"));
    }
  }

  @Nested
  class Parse {
    @ParameterizedTest
    @CsvSource(value = {
      "m,          m,       ,       ",
      "m:3,        m,       3,      ",
      "m@stable,   m,       ,       stable",
      "ns/m:3,     ns/m,    3,      ",
      "ns/m@prod,  ns/m,    ,       prod",
      "a:b:3,      a:b,     3,      ",
      "a@b:3,      a@b,     3,      ",
      "a:1@canary, a:1,     ,       canary",
      "my model:v1.2, my model, v1.2, ",
    }, nullValues = "")
    void forms(String text, String name, String version, String label) {
      ModelRef m = ModelRef.parse(text);
      assertEquals(name, m.name());
      assertEquals(version, m.version());
      assertEquals(label, m.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"m", "m:3", "m@stable", "ns/m:3", "a:b:3", "a:1@canary"})
    void parseAndToStringRoundTrip(String text) {
      assertEquals(text, ModelRef.parse(text).toString());
      assertEquals(ModelRef.parse(text), ModelRef.parse(ModelRef.parse(text).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m:", "m@", ".:3", "..@x", "m:..", " m", "m:3 ", "m:\n"})
    void badPartsAreRefused(String text) {
      assertThrows(IllegalArgumentException.class, () -> ModelRef.parse(text));
    }
  }

  @Nested
  class Validation {
    @ParameterizedTest
    @ValueSource(strings = {"m\n", "m\r", "m\u0000x", "\u0007m", "m\u007f", "m\u0085", "a\tb"})
    void controlCharactersAreRefusedAndLocated(String bad) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRef.of(bad));
      assertContains(e.getMessage(), "model name", "control", "U+");
      assertThrows(IllegalArgumentException.class, () -> ModelRef.of("m", bad));
      assertThrows(IllegalArgumentException.class, () -> ModelRef.withLabel("m", bad));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void pathStepsAreRefusedEverywhere(String step) {
      assertContains(assertThrows(IllegalArgumentException.class, () -> ModelRef.of(step)).getMessage(),
          "model name", "path step");
      assertContains(assertThrows(IllegalArgumentException.class, () -> ModelRef.of("m", step)).getMessage(),
          "model version");
      assertContains(assertThrows(IllegalArgumentException.class, () -> ModelRef.withLabel("m", step)).getMessage(),
          "model label");
    }

    @Test
    void emptyPartsAreRefused() {
      assertContains(assertThrows(IllegalArgumentException.class, () -> ModelRef.of("")).getMessage(), "empty");
      assertThrows(IllegalArgumentException.class, () -> ModelRef.of("m", ""));
      assertThrows(IllegalArgumentException.class, () -> ModelRef.withLabel("m", ""));
    }

    @Test
    void lengthLimit() {
      assertEquals(512, ModelRef.MAX_LENGTH);
      String longest = "n".repeat(ModelRef.MAX_LENGTH);
      assertEquals(longest, ModelRef.of(longest).name());
      assertEquals(longest, ModelRef.of("m", longest).version());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ModelRef.of(longest + "n"));
      assertContains(e.getMessage(), "512");
      assertThrows(IllegalArgumentException.class, () -> ModelRef.withLabel("m", longest + "n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" m", "m ", "  ", "\u2003m", "m\u2003"})
    void leadingOrTrailingWhitespaceIsRefused(String bad) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRef.of(bad));
      assertContains(e.getMessage(), "whitespace");
      assertThrows(IllegalArgumentException.class, () -> ModelRef.of("m", bad));
      assertThrows(IllegalArgumentException.class, () -> ModelRef.withLabel("m", bad));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ns/model", "a%2Fb", "what?", "m#1", "../x", "x/..", "...", "m y", "caf\u00e9",
        "\u6a21\u578b", "a;b", "@lead"})
    void namesBackendsMustEncodeAreAcceptedAsIs(String name) {
      assertEquals(name, ModelRef.of(name).name());
      assertEquals(name, ModelRef.of(name, "1").name());
    }
  }

  @Nested
  class NumericVersion {
    @Test
    void numericVersionIsReturned() {
      assertEquals(OptionalLong.of(3), ModelRef.of("m", "3").numericVersion());
      assertEquals(OptionalLong.of(0), ModelRef.of("m", 0L).numericVersion());
      assertEquals(OptionalLong.of(Long.MAX_VALUE), ModelRef.of("m", Long.MAX_VALUE).numericVersion());
    }

    @Test
    void absentVersionIsEmpty() {
      assertEquals(OptionalLong.empty(), ModelRef.of("m").numericVersion());
      assertEquals(OptionalLong.empty(), ModelRef.withLabel("m", "stable").numericVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "1.0", "-1", "99999999999999999999", "0x10", "1e3"})
    void nonNumericVersionIsAnInvalidRequestNamingModelAndVersion(String version) {
      InvalidRequestException e =
          assertThrows(InvalidRequestException.class, () -> ModelRef.of("resnet", version).numericVersion());
      assertContains(e.getMessage(), "'resnet'", "'" + version + "'");
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }
  }

  @Nested
  class Rendering {
    @Test
    void toStringForms() {
      assertEquals("m", ModelRef.of("m").toString());
      assertEquals("m:3", ModelRef.of("m", 3L).toString());
      assertEquals("m@stable", ModelRef.withLabel("m", "stable").toString());
      assertEquals("ns/m:v1", ModelRef.of("ns/m", "v1").toString());
    }
  }
}
