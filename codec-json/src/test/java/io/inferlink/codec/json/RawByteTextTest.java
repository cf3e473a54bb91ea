package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Raw bytes in JSON strings: escaped as lone surrogates, restored exactly, and the strict UTF-8 check that decides. */
class RawByteTextTest {
  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  @Test
  void rawBytesRoundTripThroughTheirText() {
    byte[] raw = b('"', 'a', 0xFF, 0xFE, 'b', 0xC0, 0x80, 0xE2, 0x9C, 0x93, '"');
    String text = new String(RawByteText.decode(raw));
    assertArrayEquals(raw, RawByteText.bytes(text));
    assertArrayEquals(b('a', 0x80, 'b'), RawByteText.bytes("a\uDC80b"));
  }

  @Test
  void theLowHalfOfASurrogatePairIsTextNotAnEscapedByte() {
    String pair = new String(Character.toChars(0x1F080)); // D83C DC80
    assertArrayEquals(pair.getBytes(StandardCharsets.UTF_8), RawByteText.bytes(pair));
  }

  @Test
  void wellFormednessAgreesWithTheJdksStrictDecoderOnRandomBytes() {
    Random random = new Random(7);
    int[] interesting = {0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        0xA0, 0x9F, 0x90, 0x8F, 'a'};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(24)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
      }
      int split = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      List<ByteBuffer> chunks = List.of(ByteBuffer.wrap(bytes, 0, split), ByteBuffer.wrap(bytes, split, bytes.length - split));
      boolean jdk = jdkSaysWellFormed(bytes);
      assertEquals(jdk, RawByteText.isWellFormed(chunks), () -> java.util.HexFormat.of().formatHex(bytes));
      assertEquals(jdk, RawByteText.strictUtf8(ByteBuffer.wrap(bytes)) != null);
    }
  }

  private static boolean jdkSaysWellFormed(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
