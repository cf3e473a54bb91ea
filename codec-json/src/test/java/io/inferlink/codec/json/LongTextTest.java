package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LongText against Long.toString and Integer.toString: every digit count and sign, the edges, random values, and
 * nothing written before.
 */
class LongTextTest {
  /** One of LongText's writers: the text of a fixed value at {@code off}, returning the offset after it. */
  private interface Writer {
    int write(byte[] b, int off);
  }

  /** What {@code writer} put at offset 2 of a fresh array, after checking it wrote nothing before its offset. */
  private static String written(Writer writer) {
    byte[] b = new byte[LongText.ROOM + 4];
    b[1] = 'x';
    int end = writer.write(b, 2);
    assertEquals('x', b[1], "wrote before its offset");
    return new String(b, 2, end - 2, StandardCharsets.US_ASCII);
  }

  private static String text(long v) {
    return written((b, off) -> LongText.write(v, b, off));
  }

  private static String intText(int v) {
    return written((b, off) -> LongText.write(v, b, off));
  }

  @Test
  void everyDigitCountAndEdge() {
    long[] edges = {0, 1, -1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, Integer.MAX_VALUE, Integer.MIN_VALUE,
        99_999_999L, 100_000_000L, 100_000_001L, 9_999_999_999_999_999L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long v : edges) {
      assertEquals(Long.toString(v), text(v));
    }
    long p = 1;
    for (int digits = 1; digits <= 19; digits++) {
      for (long v : new long[] {p, p - 1, p + 1, -p, 2 * p - 1, 5 * p + 3}) {
        assertEquals(Long.toString(v), text(v), "digits " + digits);
      }
      p *= 10;
    }
  }

  @Test
  void randomValues() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300_000; i++) {
      long v = random.nextLong() >> random.nextInt(64);
      assertEquals(Long.toString(v), text(v));
    }
  }

  @Test
  void intsEveryDigitCountEdgeAndRandomValue() {
    int p = 1;
    for (int digits = 1; digits <= 10; digits++) {
      for (int v : new int[] {p, p - 1, p + 1, -p, -p + 1, -p - 1, Math.multiplyExact(p, 2) - 1}) {
        assertEquals(Integer.toString(v), intText(v), "digits " + digits);
      }
      p = digits < 10 ? p * 10 : p;
    }
    for (int v : new int[] {0, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 2_099_999_999, 100_000_000,
        -100_000_000, 99_999_999, 2_100_000_000}) {
      assertEquals(Integer.toString(v), intText(v));
    }
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 300_000; i++) {
      int v = random.nextInt() >> random.nextInt(32);
      assertEquals(Integer.toString(v), intText(v));
    }
  }
}
