package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.Tensor;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BYTES strings holding raw bytes that are not UTF-8, as Triton writes them under JSON outputs
 * ({@code binary=never}, or {@code binary_data_output: false}): read back as the bytes they were.
 */
class V2RestRawByteStringsTest {

  private static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof String ? ((String) p).getBytes(StandardCharsets.UTF_8) : (byte[]) p);
    }
    return out.toByteArray();
  }

  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  private static List<byte[]> elements(byte[] body) {
    return V2RestResponseReader.read(ByteChunks.ofBytes(body), OptionalLong.empty()).response().output("c").toBytesList();
  }

  private static void assertElements(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "element " + i);
    }
  }

  @Test
  void tritonsAnswerWithRawBytesIsRead() {
    // Byte for byte what Triton 2.51.0 answers to identity with c = [FF FE, "abc"] and a JSON output.
    byte[] body = concat("{\"model_name\":\"identity\",\"model_version\":\"1\",\"outputs\":[{\"name\":\"c\","
        + "\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"", b(0xFF, 0xFE), "\",\"abc\"]}]}");
    assertElements(List.of(b(0xFF, 0xFE), b('a', 'b', 'c')), elements(body));
  }

  @Test
  void escapesUtf8AndIllFormedSequencesSideBySideKeepTheirBytes() {
    // Triton escapes quotes, backslashes and control bytes, and copies every other byte.
    byte[] body = concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[6],\"data\":["
        + "\"\\u0000\\u0001\\u001F\",\"\\\"\\\\/\",\"", b(0xC3, 0xA9, 0xE2, 0x82, 0xAC), "\",\"", b(0xED, 0xA0, 0x80),
        "\",\"", b(0x7F, 0x80), "\",\"", b(0xC3, 0xA9, 0xFF, 0xF0, 0x9F, 0x9A, 0x80, 0xC3), "\"]}]}");
    assertElements(List.of(b(0, 1, 0x1F), b('"', '\\', '/'), b(0xC3, 0xA9, 0xE2, 0x82, 0xAC), b(0xED, 0xA0, 0x80),
        b(0x7F, 0x80), b(0xC3, 0xA9, 0xFF, 0xF0, 0x9F, 0x9A, 0x80, 0xC3)), elements(body));
  }

  @Test
  void sequencesJacksonWouldTakeForOtherCharactersKeepTheirBytes() {
    // Jackson's byte parser reads the overlong C0 80 as U+0000, which is not what the server sent.
    byte[] body = concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"",
        b(0xC0, 0x80), "\",\"", b(0xF4, 0x90, 0x80, 0x80), "\"]}]}");
    assertElements(List.of(b(0xC0, 0x80), b(0xF4, 0x90, 0x80, 0x80)), elements(body));
  }

  @Test
  void aBodyInManySmallChunksReadsTheSame() {
    byte[] body = concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[3],\"data\":[\"",
        b(0xE2, 0x82, 0xAC, 0xFF), "\",\"", b(0xF0, 0x9F, 0x9A, 0x80), "x\",\"", b(0xE2, 0x82), "\"]}]}");
    Random random = new Random(12);
    for (int round = 0; round < 50; round++) {
      List<ByteBuffer> chunks = new ArrayList<>();
      for (int at = 0; at < body.length; ) {
        int n = Math.min(body.length - at, 1 + random.nextInt(9));
        chunks.add(ByteBuffer.wrap(body, at, n));
        at += n;
      }
      List<byte[]> read = V2RestResponseReader.read(ByteChunks.of(chunks), OptionalLong.empty()).response()
          .output("c").toBytesList();
      assertElements(List.of(b(0xE2, 0x82, 0xAC, 0xFF), b(0xF0, 0x9F, 0x9A, 0x80, 'x'), b(0xE2, 0x82)), read);
    }
  }

  @Test
  void rawBytesInAJsonOutputBesideABinaryOutput() {
    byte[] json = concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"",
        b(0xFF), "\"]},{\"name\":\"d\",\"datatype\":\"INT8\","
        + "\"shape\":[2],\"parameters\":{\"binary_data_size\":2}}]}");
    byte[] body = concat(json, b(5, -6));
    V2RestDecodedResponse d = V2RestResponseReader.read(ByteChunks.ofBytes(body), OptionalLong.of(json.length));
    assertElements(List.of(b(0xFF)), d.response().output("c").toBytesList());
    assertArrayEquals(b(5, -6), d.response().output("d").toByteArray());
  }

  @Test
  void aMalformedAnswerWithRawBytesIsStillMalformed() {
    for (byte[] body : List.of(concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"",
            b(0xFF), "\"]}"),
        concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"", b(0xFF), "\"]}]}"),
        concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"INT8\",\"shape\":[1],\"data\":[\"", b(0xFF), "\"]}]}"),
        concat("{\"outputs\":[", b(0xFF), "]}"))) {
      assertThrows(MalformedAnswerException.class, () -> elements(body));
    }
  }

  @Test
  void aWellFormedAnswerKeepsItsCharacters() {
    Tensor t = V2RestResponseReader.read(ByteChunks.ofBytes(concat("{\"outputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\","
        + "\"shape\":[1],\"data\":[\"Grüße ✓ \uD83D\uDE80\"]}]}")), OptionalLong.empty()).response().output("c");
    assertEquals(List.of("Grüße ✓ \uD83D\uDE80"), t.toStringList());
  }
}
