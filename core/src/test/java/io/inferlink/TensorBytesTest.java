package io.inferlink;

import static io.inferlink.TensorFactoriesTest.bytes;
import static io.inferlink.TensorFactoriesTest.bytesOf;
import static io.inferlink.TensorFactoriesTest.rewrapped;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BYTES tensors: UTF-8, raw elements, and the framing checks of {@code wrap}. */
class TensorBytesTest {

  @Test
  void stringsAreUtf8WithNonAsciiAndNulKept() {
    String[] values = {"héllo", "日本語", "😀", "", "a\u0000b"};
    Tensor t = rewrapped(Tensor.ofStrings("s", values, 5));
    assertEquals(List.of(values), t.toStringList());
    List<byte[]> raw = t.toBytesList();
    assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), raw.get(0));
    assertEquals(6, raw.get(0).length, "é is two bytes in UTF-8");
    assertEquals(9, raw.get(1).length);
    assertArrayEquals(bytes(0xF0, 0x9F, 0x98, 0x80), raw.get(2));
    assertArrayEquals(bytes('a', 0, 'b'), raw.get(4));
    // 5 length prefixes + 6 + 9 + 4 + 0 + 3 bytes.
    assertEquals(5 * 4 + 22, t.byteSize());
  }

  @Test
  void rawElementsAreKeptByteForByte() {
    byte[][] values = {{0, 1, 0}, {}, {(byte) 0xFF, (byte) 0xC3}};
    Tensor t = rewrapped(Tensor.ofBytes("b", values, 3));
    assertArrayEquals(bytes(3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0xFF, 0xC3), bytesOf(t));
    List<byte[]> back = t.toBytesList();
    for (int i = 0; i < values.length; i++) {
      assertArrayEquals(values[i], back.get(i));
    }
    // Invalid UTF-8 is replaced only when decoding as text.
    assertEquals("\uFFFD", t.toStringList().get(2).substring(0, 1));
  }

  @Test
  void elementsAreCopiedInAndOut() {
    byte[][] values = {{1, 2}};
    Tensor t = Tensor.ofBytes("b", values, 1);
    values[0][0] = 9;
    assertArrayEquals(new byte[] {1, 2}, t.toBytesList().get(0), "the factory copied");
    t.toBytesList().get(0)[1] = 9;
    assertArrayEquals(new byte[] {1, 2}, t.toBytesList().get(0), "each call copies");
    assertThrows(UnsupportedOperationException.class, () -> t.toBytesList().add(new byte[0]));
    assertThrows(UnsupportedOperationException.class, () -> t.toStringList().add("x"));
  }

  @Test
  void nullElementsAreRejected() {
    NullPointerException s = assertThrows(NullPointerException.class,
        () -> Tensor.ofStrings("s", new String[] {"a", null}, 2));
    assertTrue(s.getMessage().contains("values[1]"), s.getMessage());
    NullPointerException b = assertThrows(NullPointerException.class,
        () -> Tensor.ofBytes("s", new byte[][] {null}, 1));
    assertTrue(b.getMessage().contains("values[0]"), b.getMessage());
  }

  @Test
  void wrapAcceptsWellFormedFraming() {
    byte[] framed = bytes(2, 0, 0, 0, 'h', 'i', 0, 0, 0, 0);
    Tensor t = Tensor.wrap("s", DataType.BYTES, ByteBuffer.wrap(framed), 2);
    assertEquals(List.of("hi", ""), t.toStringList());
    assertEquals(Tensor.ofStrings("s", new String[] {"hi", ""}, 2), t);
  }

  private static String wrapError(long count, int... framed) {
    return assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("s", DataType.BYTES, ByteBuffer.wrap(bytes(framed)), count)).getMessage();
  }

  @Test
  void wrapRejectsATruncatedLengthPrefix() {
    String m = wrapError(2, 2, 0, 0, 0, 'h', 'i', 1, 0);
    assertTrue(m.contains("element 1") && m.contains("truncated length prefix"), m);
    assertTrue(m.contains("tensor 's'"), m);
  }

  @Test
  void wrapRejectsALengthPastTheEnd() {
    String m = wrapError(1, 5, 0, 0, 0, 'a');
    assertTrue(m.contains("declares 5 bytes but only 1 remain"), m);
    // The length is unsigned: 0xFFFFFFFF is 4294967295 bytes, not -1.
    String huge = wrapError(1, 0xFF, 0xFF, 0xFF, 0xFF, 'a');
    assertTrue(huge.contains("4294967295"), huge);
  }

  @Test
  void wrapRejectsTrailingBytes() {
    String m = wrapError(1, 1, 0, 0, 0, 'a', 7, 7, 7);
    assertTrue(m.contains("3 trailing bytes"), m);
    String empty = wrapError(0, 0, 0, 0, 0);
    assertTrue(empty.contains("4 trailing bytes"), empty);
  }

  @Test
  void wrapRejectsTheWrongElementCount() {
    String fewer = wrapError(3, 1, 0, 0, 0, 'a', 1, 0, 0, 0, 'b');
    assertTrue(fewer.contains("holds 2 elements") && fewer.contains("needs 3"), fewer);
    String more = wrapError(1, 1, 0, 0, 0, 'a', 1, 0, 0, 0, 'b');
    assertTrue(more.contains("trailing"), more);
  }

  @Test
  void bytesHasNoNumericGetters() {
    Tensor t = Tensor.ofStrings("s", new String[] {"1"}, 1);
    assertThrows(IllegalStateException.class, t::toFloatArray);
    assertThrows(IllegalStateException.class, t::toLongArray);
    assertThrows(IllegalStateException.class, () -> t.getLong(0));
    assertThrows(IllegalStateException.class, t::asShortBuffer);
    assertThrows(IllegalStateException.class, () -> Tensor.ofInts("x", new int[1]).toBytesList());
  }
}
