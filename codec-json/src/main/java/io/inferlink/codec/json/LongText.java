package io.inferlink.codec.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A {@code long} as the ASCII digits {@link Long#toString(long)} gives, written into a byte array four digits per
 * table look-up and store. Random 64-bit integers (ids, hashes, token counts) have 19 digits; Jackson's writer
 * makes them three digits at a time. Stateless.
 */
final class LongText {
  /** The longest text, "-9223372036854775808", plus the three bytes a short head may write past its end. */
  static final int ROOM = 23;
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** "0000" to "9999", each as the little-endian int of its four ASCII bytes. */
  private static final int[] FOUR = new int[10_000];
  /** "0" to "999" without leading zeros, left-aligned in a little-endian int (the rest is overwritten later). */
  private static final int[] HEAD = new int[1_000];
  private static final byte[] MIN_VALUE = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static {
    for (int i = 0; i < FOUR.length; i++) {
      FOUR[i] = ('0' + i / 1000) | ('0' + i / 100 % 10) << 8 | ('0' + i / 10 % 10) << 16 | ('0' + i % 10) << 24;
    }
    for (int i = 0; i < HEAD.length; i++) {
      String s = Integer.toString(i);
      int packed = 0;
      for (int k = 0; k < s.length(); k++) {
        packed |= s.charAt(k) << (8 * k);
      }
      HEAD[i] = packed;
    }
  }

  private LongText() {}

  /** Writes {@code v} at {@code b[off]}, which has {@link #ROOM} bytes free; returns the offset after the digits. */
  static int write(long v, byte[] b, int off) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        System.arraycopy(MIN_VALUE, 0, b, off, MIN_VALUE.length);
        return off + MIN_VALUE.length;
      }
      b[off++] = '-';
      v = -v;
    }
    if (v < 100_000_000L) {
      return upToEight((int) v, b, off);
    }
    long high = v / 100_000_000L;
    int low = (int) (v - high * 100_000_000L);
    if (high < 100_000_000L) {
      off = upToEight((int) high, b, off);
    } else {
      long top = high / 100_000_000L; // at most 922
      off = head((int) top, b, off);
      off = eight((int) (high - top * 100_000_000L), b, off);
    }
    return eight(low, b, off);
  }

  /**
   * Writes {@code v} like {@link #write(long, byte[], int)} in 32-bit arithmetic only (an INT32 tensor's values never
   * need the 64-bit divisions); same room rule.
   */
  static int write(int v, byte[] b, int off) {
    if (v < 0) {
      if (v == Integer.MIN_VALUE) {
        return write((long) v, b, off);
      }
      b[off++] = '-';
      v = -v;
    }
    if (v < 100_000_000) {
      return upToEight(v, b, off);
    }
    int high = v / 100_000_000; // 1 to 21
    off = head(high, b, off);
    return eight(v - high * 100_000_000, b, off);
  }

  /** {@code v} below 10^8, without leading zeros. */
  private static int upToEight(int v, byte[] b, int off) {
    if (v < 10_000) {
      return head(v, b, off);
    }
    int upper = v / 10_000;
    off = head(upper, b, off);
    INT_LE.set(b, off, FOUR[v - upper * 10_000]);
    return off + 4;
  }

  /** {@code v} below 10^4, without leading zeros; may write up to three bytes past the digits. */
  private static int head(int v, byte[] b, int off) {
    if (v >= 1_000) {
      INT_LE.set(b, off, FOUR[v]);
      return off + 4;
    }
    INT_LE.set(b, off, HEAD[v]);
    return off + (v < 10 ? 1 : v < 100 ? 2 : 3);
  }

  /**
   * {@code v} below 10^8 as exactly eight digits, in one 8-byte store: the digits are split in registers, four
   * and four in the two 32-bit halves of a long, then two and two in 16-bit quarters, then one per byte (division
   * by 100 and by 10 as a multiply and shift, exact in these ranges), with no table look-up.
   */
  static int eight(int v, byte[] b, int off) {
    int upper = v / 10_000;
    long fours = upper | (long) (v - upper * 10_000) << 32; // the more significant half first in memory
    long hundreds = (fours * 10_486 >>> 20) & 0x0000_007F_0000_007FL; // n / 100 for n < 10^4, per half
    long twos = hundreds | (fours - hundreds * 100) << 16;
    long tens = (twos * 103 >>> 10) & 0x000F_000F_000F_000FL; // m / 10 for m < 100, per quarter
    long ones = tens | (twos - tens * 10) << 8;
    LONG_LE.set(b, off, ones + 0x3030_3030_3030_3030L);
    return off + 8;
  }
}
