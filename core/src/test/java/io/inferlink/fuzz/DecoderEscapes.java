package io.inferlink.fuzz;

import io.inferlink.InferenceException;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * The assertion of every decoder property: on any input a decoder returns, or throws an
 * {@link InferenceException} with a message; never an {@link Error}, a parser's own exception or a
 * programming error such as a {@link NullPointerException}, and no such throwable hidden as the
 * cause of the InferenceException either (a catch-all that wraps an NPE hides the bug, not fixes it).
 * Stateless and thread-safe.
 */
public final class DecoderEscapes {
  /** Causes that mean a bug in the decoder rather than a bad input. */
  private static final List<Class<? extends Throwable>> BUGS = List.of(Error.class, NullPointerException.class,
      IndexOutOfBoundsException.class, BufferUnderflowException.class, BufferOverflowException.class,
      ClassCastException.class, NegativeArraySizeException.class,
      ConcurrentModificationException.class, UnsupportedOperationException.class, IllegalStateException.class);

  /** A decoder call; its result is ignored. */
  @FunctionalInterface
  public interface Decoding {
    Object decode() throws Exception;
  }

  private DecoderEscapes() {}

  /**
   * Runs {@code decoding}; passes when it returns or throws an {@link InferenceException} with a message and
   * no bug among its causes, and fails naming {@code decoder} and the input otherwise.
   */
  public static void onlyInferenceExceptions(String decoder, Object input, Decoding decoding) {
    only(InferenceException.class, false, decoder, input, decoding);
  }

  /**
   * As {@link #onlyInferenceExceptions}, for a reader whose documented failure is another type (a user's
   * file reader: {@link IllegalArgumentException}); the thrown class must be exactly {@code allowed}, so a
   * subclass such as {@link NumberFormatException} that leaked from a parse call fails.
   */
  public static void onlyExactly(Class<? extends Throwable> allowed, String decoder, Object input, Decoding decoding) {
    only(allowed, true, decoder, input, decoding);
  }

  private static void only(Class<? extends Throwable> allowed, boolean exact, String decoder, Object input,
      Decoding decoding) {
    Throwable thrown;
    try {
      decoding.decode();
      return;
    } catch (Throwable t) {
      thrown = t;
    }
    boolean typed = exact ? thrown.getClass() == allowed : allowed.isInstance(thrown);
    if (!typed) {
      throw new AssertionError(decoder + " let " + thrown.getClass().getName() + " escape for " + describe(input),
          thrown);
    }
    if (thrown.getMessage() == null || thrown.getMessage().isBlank()) {
      throw new AssertionError(decoder + " threw " + thrown.getClass().getName() + " without a message for "
          + describe(input), thrown);
    }
    for (Throwable c = thrown.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      for (Class<? extends Throwable> bug : BUGS) {
        if (bug.isInstance(c)) {
          throw new AssertionError(decoder + " hid " + c.getClass().getName() + " inside " + thrown.getClass().getName()
              + " for " + describe(input), thrown);
        }
      }
    }
  }

  /** The input for a failure message: its head as text (bytes as UTF-8 with escapes), and its size. */
  public static String describe(Object input) {
    if (input instanceof byte[]) {
      byte[] b = (byte[]) input;
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(b.length, 600); i++) {
        int c = b[i] & 0xFF;
        if (c >= 0x20 && c < 0x7F && c != '\\') {
          s.append((char) c);
        } else {
          s.append(String.format("\\x%02X", c));
        }
      }
      return b.length + " bytes: " + s + (b.length > 600 ? "..." : "");
    }
    String text = String.valueOf(input);
    return text.length() > 600 ? text.substring(0, 600) + "... (" + text.length() + " chars)" : text;
  }
}
