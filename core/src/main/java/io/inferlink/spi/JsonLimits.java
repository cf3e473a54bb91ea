package io.inferlink.spi;

/**
 * The limits every JSON reader of Inferlink applies to what a server (or a user's file) sends, named
 * once so that no reader picks its own; the {@code .npy} header's Python-literal reader keeps to them
 * too. Constants only; thread-safe.
 */
public final class JsonLimits {
  /**
   * The deepest nesting of lists and objects a JSON document may have. A tensor of rank {@code r}
   * nests {@code r} lists inside at most three levels of envelope (object, {@code predictions} list,
   * row object), so this leaves room for rank 60. Deeper documents are refused before any reader
   * recurses into them: an answer of 100,000 {@code [} costs a refusal, not a
   * {@link StackOverflowError}. Readers that walk the bytes themselves, without a parser that enforces
   * this, count depth against it too.
   */
  public static final int MAX_NESTING_DEPTH = 64;

  private JsonLimits() {}
}
