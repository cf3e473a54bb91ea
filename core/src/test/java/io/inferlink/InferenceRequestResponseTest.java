package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder rules, immutability and lookups of {@link InferenceRequest} and {@link InferenceResponse}. */
class InferenceRequestResponseTest {

  private static Tensor x() {
    return Tensor.ofFloats("x", new float[] {1, 2}, 2);
  }

  private static Tensor named(String name) {
    return Tensor.ofFloats(name, new float[] {1, 2}, 2);
  }

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  @Nested
  class RequestBuilder {
    @Test
    void minimalRequest() {
      InferenceRequest r = InferenceRequest.builder("m").input(x()).build();
      assertEquals(ModelRef.of("m"), r.model());
      assertEquals(List.of("x"), List.copyOf(r.inputs().keySet()));
      assertEquals(x(), r.inputs().get("x"));
      assertEquals(List.of(), r.requestedOutputs());
      assertNull(r.id());
      assertEquals(Map.of(), r.parameters());
      assertNull(r.signatureName());
      assertNull(r.timeout());
    }

    @Test
    void everyPartIsKept() {
      InferenceRequest r = InferenceRequest.builder(ModelRef.of("m", 2L)).input(x()).requestOutputs("y")
          .id("req-1").parameter("p", "v").signatureName("serving_default").timeout(Duration.ofSeconds(2)).build();
      assertEquals(ModelRef.of("m", "2"), r.model());
      assertEquals(List.of("y"), r.requestedOutputs());
      assertEquals("req-1", r.id());
      assertEquals(Map.of("p", "v"), r.parameters());
      assertEquals("serving_default", r.signatureName());
      assertEquals(Duration.ofSeconds(2), r.timeout());
    }

    @Test
    void noInputsIsAnIllegalStateNamingTheModel() {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> InferenceRequest.builder(ModelRef.of("resnet", 4L)).build());
      assertContains(e.getMessage(), "resnet:4", "no inputs");
    }

    @Test
    void nullModelIsRefused() {
      assertThrows(NullPointerException.class, () -> InferenceRequest.builder((ModelRef) null));
      assertThrows(NullPointerException.class, () -> InferenceRequest.builder((String) null));
    }

    @Test
    void modelNameIsValidatedByModelRef() {
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder(".."));
    }

    @Test
    void duplicateInputNameIsRefused() {
      InferenceRequest.Builder b = InferenceRequest.builder("m").input(x());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> b.input(Tensor.ofInts("x", new int[] {1}, 1)));
      assertContains(e.getMessage(), "'x'", "twice");
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").inputs(x(), x()));
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").inputs(List.of(x(), x())));
    }

    @Test
    void nullInputIsRefused() {
      assertThrows(NullPointerException.class, () -> InferenceRequest.builder("m").input(null));
    }

    @Test
    void insertionOrderIsKept() {
      List<String> names = List.of("zeta", "alpha", "mid", "beta", "omega", "a1", "b2", "c3", "d4", "e5");
      InferenceRequest.Builder b = InferenceRequest.builder("m");
      names.forEach(n -> b.input(named(n)));
      assertEquals(names, new ArrayList<>(b.build().inputs().keySet()));
      assertEquals(List.of("c", "a", "b"), new ArrayList<>(InferenceRequest.builder("m")
          .inputs(named("c"), named("a")).inputs(List.of(named("b"))).build().inputs().keySet()));
    }

    @Test
    void requestedOutputsAreDeduplicatedInFirstSeenOrder() {
      InferenceRequest r = InferenceRequest.builder("m").input(x())
          .requestOutputs("b", "a", "b").requestOutputs("c", "a").build();
      assertEquals(List.of("b", "a", "c"), r.requestedOutputs());
    }

    @Test
    void emptyOrNullOutputNameIsRefused() {
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").requestOutputs(""));
      assertThrows(NullPointerException.class, () -> InferenceRequest.builder("m").requestOutputs("a", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id\n", "id\r\nX-Injected: 1", "\u0000", "a\tb", "x\u007f"})
    void idWithControlCharactersIsRefused(String id) {
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").id(id));
    }

    @Test
    void idMayBeClearedWithNull() {
      assertNull(InferenceRequest.builder("m").input(x()).id("a").id(null).build().id());
    }

    @Test
    void timeoutMustBePositive() {
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").timeout(Duration.ZERO));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> InferenceRequest.builder("m").timeout(Duration.ofMillis(-1)));
      assertContains(e.getMessage(), "timeout", "positive");
      assertEquals(Duration.ofNanos(1), InferenceRequest.builder("m").input(x()).timeout(Duration.ofNanos(1)).build().timeout());
      assertNull(InferenceRequest.builder("m").input(x()).timeout(Duration.ofSeconds(1)).timeout(null).build().timeout());
    }
  }

  @Nested
  class ParameterValues {
    @Test
    void integersBecomeLongAndFloatsBecomeDouble() {
      InferenceRequest r = InferenceRequest.builder("m").input(x())
          .parameter("i", 3).parameter("s", (short) 4).parameter("b", (byte) 5).parameter("l", 6L)
          .parameter("f", 1.5f).parameter("d", 2.25).parameter("t", true).parameter("str", "v").build();
      Map<String, Object> p = r.parameters();
      assertEquals(Long.valueOf(3), p.get("i"));
      assertEquals(Long.valueOf(4), p.get("s"));
      assertEquals(Long.valueOf(5), p.get("b"));
      assertEquals(Long.valueOf(6), p.get("l"));
      assertEquals(Double.valueOf(1.5), p.get("f"));
      assertEquals(Double.valueOf(2.25), p.get("d"));
      assertEquals(Boolean.TRUE, p.get("t"));
      assertEquals("v", p.get("str"));
      assertEquals(List.of("i", "s", "b", "l", "f", "d", "t", "str"), new ArrayList<>(p.keySet()));
    }

    @Test
    void unsupportedTypesAreRefusedNamingKeyAndType() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> InferenceRequest.builder("m").parameter("price", new BigDecimal("1.0")));
      assertContains(e.getMessage(), "'price'", "java.math.BigDecimal");
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").parameter("l", List.of(1)));
      assertThrows(IllegalArgumentException.class, () -> InferenceRequest.builder("m").parameter("c", 'c'));
      assertThrows(IllegalArgumentException.class,
          () -> InferenceResponse.builder().parameter("o", new Object()));
    }

    @Test
    void nullKeyOrValueIsRefused() {
      assertThrows(NullPointerException.class, () -> InferenceRequest.builder("m").parameter(null, 1));
      assertThrows(NullPointerException.class, () -> InferenceRequest.builder("m").parameter("k", null));
    }

    @Test
    void laterValueForTheSameKeyWins() {
      assertEquals(Map.of("k", 2L), InferenceRequest.builder("m").input(x()).parameter("k", 1).parameter("k", 2)
          .build().parameters());
    }

    @Test
    void responseParametersFollowTheSameRules() {
      InferenceResponse r = InferenceResponse.builder().parameter("n", 7).parameter("f", 0.5f).build();
      assertEquals(Map.of("n", 7L, "f", 0.5), r.parameters());
    }
  }

  @Nested
  class Immutability {
    @Test
    void requestCollectionsAreUnmodifiable() {
      InferenceRequest r = InferenceRequest.builder("m").input(x()).requestOutputs("y").parameter("p", 1).build();
      assertThrows(UnsupportedOperationException.class, () -> r.inputs().put("z", x()));
      assertThrows(UnsupportedOperationException.class, () -> r.inputs().remove("x"));
      assertThrows(UnsupportedOperationException.class, () -> r.requestedOutputs().add("z"));
      assertThrows(UnsupportedOperationException.class, () -> r.parameters().put("q", 1L));
      InferenceRequest bare = InferenceRequest.builder("m").input(x()).build();
      assertThrows(UnsupportedOperationException.class, () -> bare.parameters().put("q", 1L));
      assertThrows(UnsupportedOperationException.class, () -> bare.requestedOutputs().add("z"));
    }

    @Test
    void builderChangesAfterBuildDoNotLeakIntoTheRequest() {
      InferenceRequest.Builder b = InferenceRequest.builder("m").input(x()).requestOutputs("y").parameter("p", 1);
      InferenceRequest r = b.build();
      b.input(named("w")).requestOutputs("z").parameter("q", 2).id("later");
      assertEquals(List.of("x"), List.copyOf(r.inputs().keySet()));
      assertEquals(List.of("y"), r.requestedOutputs());
      assertEquals(Map.of("p", 1L), r.parameters());
      assertNull(r.id());
    }

    @Test
    void responseCollectionsAreUnmodifiable() {
      InferenceResponse r = InferenceResponse.builder().output(named("y")).parameter("p", 1).build();
      assertThrows(UnsupportedOperationException.class, () -> r.outputs().put("z", x()));
      assertThrows(UnsupportedOperationException.class, () -> r.parameters().clear());
      InferenceResponse.Builder b = InferenceResponse.builder().output(named("a"));
      InferenceResponse first = b.build();
      b.output(named("b"));
      assertEquals(List.of("a"), List.copyOf(first.outputs().keySet()));
    }
  }

  @Nested
  class ToBuilder {
    @Test
    void toBuilderCopiesEveryPart() {
      InferenceRequest r = InferenceRequest.builder(ModelRef.withLabel("m", "stable")).input(x()).input(named("w"))
          .requestOutputs("y", "z").id("r1").parameter("p", 1).signatureName("sig").timeout(Duration.ofSeconds(9))
          .idempotent(true).build();
      InferenceRequest copy = r.toBuilder().build();
      assertTrue(copy.idempotent());
      assertFalse(InferenceRequest.builder("m").input(x()).build().idempotent(), "not idempotent unless said");
      assertEquals(r.model(), copy.model());
      assertEquals(r.inputs(), copy.inputs());
      assertEquals(List.copyOf(r.inputs().keySet()), List.copyOf(copy.inputs().keySet()));
      assertEquals(r.requestedOutputs(), copy.requestedOutputs());
      assertEquals(r.id(), copy.id());
      assertEquals(r.parameters(), copy.parameters());
      assertEquals(r.signatureName(), copy.signatureName());
      assertEquals(r.timeout(), copy.timeout());
    }

    @Test
    void changingTheCopyLeavesTheOriginalAlone() {
      InferenceRequest r = InferenceRequest.builder("m").input(x()).requestOutputs("y").build();
      InferenceRequest changed = r.toBuilder().input(named("w")).requestOutputs("z").id("new").build();
      assertEquals(List.of("x"), List.copyOf(r.inputs().keySet()));
      assertEquals(List.of("y"), r.requestedOutputs());
      assertNull(r.id());
      assertEquals(List.of("x", "w"), List.copyOf(changed.inputs().keySet()));
      assertEquals(List.of("y", "z"), changed.requestedOutputs());
    }

    @Test
    void copyStillRefusesADuplicateInput() {
      InferenceRequest r = InferenceRequest.builder("m").input(x()).build();
      assertThrows(IllegalArgumentException.class, () -> r.toBuilder().input(x()));
    }

    @Test
    void toStringShowsShapeNotData() {
      String s = InferenceRequest.builder("m").input(x()).requestOutputs("y").id("r").build().toString();
      assertContains(s, "m", "x", "[2]", "y", "r");
    }
  }

  @Nested
  class Response {
    final Tensor y = Tensor.ofFloats("y", new float[] {3, 4}, 2);
    final Tensor w = Tensor.ofInts("w", new int[] {7}, 1);

    @Test
    void partsAreKept() {
      InferenceResponse r = InferenceResponse.builder().modelName("m").modelVersion("2").id("r1").output(y).build();
      assertEquals("m", r.modelName());
      assertEquals("2", r.modelVersion());
      assertEquals("r1", r.id());
      assertEquals(Map.of("y", y), r.outputs());
    }

    @Test
    void outputFindsByName() {
      InferenceResponse r = InferenceResponse.builder().output(y).output(w).build();
      assertSame(w, r.output("w"));
      assertEquals(Optional.of(y), r.findOutput("y"));
      assertEquals(Optional.empty(), r.findOutput("nope"));
    }

    @Test
    void missingOutputErrorListsTheOutputs() {
      InferenceResponse r = InferenceResponse.builder().output(y).output(w).build();
      NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> r.output("z"));
      assertContains(e.getMessage(), "'z'", "[y, w]");
    }

    @Test
    void firstOutputIsTheFirstAdded() {
      assertSame(w, InferenceResponse.builder().output(w).output(y).build().firstOutput());
      NoSuchElementException e =
          assertThrows(NoSuchElementException.class, () -> InferenceResponse.builder().build().firstOutput());
      assertContains(e.getMessage(), "no outputs");
    }

    @Test
    void outputsKeepServerOrder() {
      InferenceResponse r = InferenceResponse.builder().output(w).output(y).output(named("a")).build();
      assertEquals(List.of("w", "y", "a"), List.copyOf(r.outputs().keySet()));
    }

    @Test
    void duplicateOutputIsRefused() {
      InferenceResponse.Builder b = InferenceResponse.builder().output(y);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.output(y));
      assertContains(e.getMessage(), "'y'");
      assertThrows(NullPointerException.class, () -> b.output(null));
    }

    @Test
    void equalsAndHashCodeAreByContent() {
      InferenceResponse a = InferenceResponse.builder().modelName("m").modelVersion("1").id("r").output(y)
          .parameter("p", 1).build();
      InferenceResponse b = InferenceResponse.builder().modelName("m").modelVersion("1").id("r")
          .output(Tensor.ofFloats("y", new float[] {3, 4}, 2)).parameter("p", 1L).build();
      assertEquals(a, b);
      assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void anyDifferenceMakesResponsesUnequal() {
      InferenceResponse base = InferenceResponse.builder().modelName("m").modelVersion("1").id("r").output(y).build();
      assertNotEquals(base, InferenceResponse.builder().modelName("n").modelVersion("1").id("r").output(y).build());
      assertNotEquals(base, InferenceResponse.builder().modelName("m").modelVersion("2").id("r").output(y).build());
      assertNotEquals(base, InferenceResponse.builder().modelName("m").modelVersion("1").id("s").output(y).build());
      assertNotEquals(base, InferenceResponse.builder().modelName("m").modelVersion("1").id("r")
          .output(Tensor.ofFloats("y", new float[] {3, 5}, 2)).build());
      assertNotEquals(base, InferenceResponse.builder().modelName("m").modelVersion("1").id("r").output(y)
          .parameter("p", 1).build());
      assertNotEquals(base, null);
      assertNotEquals(base, "m");
    }

    @Test
    void emptyResponse() {
      InferenceResponse r = InferenceResponse.builder().build();
      assertNull(r.modelName());
      assertNull(r.modelVersion());
      assertNull(r.id());
      assertTrue(r.outputs().isEmpty());
      assertTrue(r.parameters().isEmpty());
      assertEquals(r, InferenceResponse.builder().build());
      assertFalse(r.findOutput("x").isPresent());
    }
  }
}
