package io.inferlink.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Hostile inputs for decoders: valid documents (the seeds, which each test makes with the real writers
 * or takes from the emulator) mutated one to four times, plus random JSON and random bytes. JSON
 * mutations work on tokens: a value replaced by a wrong type, a huge or negative number, {@code null}
 * or invalid UTF-8; deep nesting inserted; tokens deleted or repeated; bytes flipped; the document cut
 * short. Binary mutations flip and overwrite bytes (with interesting integers and varints, so sizes and
 * lengths run past the end), cut, repeat and splice. Stateless and thread-safe.
 */
public final class Mutations {
  /** Values that are wrong somewhere in every protocol: types, ranges, lengths, text. */
  private static final List<byte[]> HOSTILE_VALUES = hostileValues();
  private static final int[] NESTING = {2, 63, 64, 65, 66, 200, 1000, 100_000};
  /** Boundaries of the integer types, and sizes just under the 2 GiB a tensor may hold (memory bombs). */
  private static final long[] INTERESTING = {0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, Integer.MAX_VALUE,
      Integer.MIN_VALUE, 0xFFFFFFFFL, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE - 8, 1 << 28,
      (1 << 29) - 1};

  private Mutations() {}

  /** Documents for a JSON decoder: mutated seeds (most), random JSON over {@code vocabulary}, random bytes. */
  public static Arbitrary<byte[]> json(List<byte[]> seeds, List<String> vocabulary) {
    List<byte[]> corpus = List.copyOf(seeds);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.randomValue(r -> corpus.get(r.nextInt(corpus.size())))),
        Tuple.of(14, Arbitraries.randomValue(r -> mutateJson(corpus, r))),
        Tuple.of(3, Arbitraries.randomValue(r -> RandomJson.document(r, vocabulary))),
        Tuple.of(1, Arbitraries.randomValue(Mutations::randomBytes)));
  }

  /** Documents for a binary decoder: mutated seeds (most) and random bytes. */
  public static Arbitrary<byte[]> binary(List<byte[]> seeds) {
    List<byte[]> corpus = List.copyOf(seeds);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.randomValue(r -> corpus.get(r.nextInt(corpus.size())))),
        Tuple.of(16, Arbitraries.randomValue(r -> mutateBinary(corpus, r))),
        Tuple.of(2, Arbitraries.randomValue(Mutations::randomBytes)));
  }

  /** One to four JSON mutations of a seed, sometimes spliced with another seed. */
  public static byte[] mutateJson(List<byte[]> seeds, Random r) {
    byte[] doc = seeds.get(r.nextInt(seeds.size()));
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      doc = r.nextInt(12) == 0 ? splice(doc, seeds.get(r.nextInt(seeds.size())), r) : mutateJson(doc, r);
    }
    return doc;
  }

  /** One to four binary mutations of a seed. */
  public static byte[] mutateBinary(List<byte[]> seeds, Random r) {
    byte[] doc = seeds.get(r.nextInt(seeds.size()));
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      doc = r.nextInt(12) == 0 ? splice(doc, seeds.get(r.nextInt(seeds.size())), r) : mutateBinary(doc, r);
    }
    return doc;
  }

  /** One token-aware mutation of a JSON document. */
  public static byte[] mutateJson(byte[] doc, Random r) {
    List<int[]> tokens = JsonTokens.of(doc);
    if (tokens.isEmpty()) {
      return mutateBinary(doc, r);
    }
    int index = r.nextInt(tokens.size());
    int[] t = tokens.get(index);
    if (r.nextInt(5) == 0) {
      // A number (a dimension, a size, a value) replaced by a boundary, a near-2-GiB size or a neighbour.
      List<int[]> numbers = JsonTokens.numbers(doc, tokens);
      if (!numbers.isEmpty()) {
        int[] n = numbers.get(r.nextInt(numbers.size()));
        long v = INTERESTING[r.nextInt(INTERESTING.length)] + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0);
        return replace(doc, n[0], n[1], Long.toString(v).getBytes(StandardCharsets.US_ASCII));
      }
    }
    switch (r.nextInt(10)) {
      case 0: case 1: case 2: { // a value, or a whole list or object, replaced by a hostile value
        int end = JsonTokens.valueEnd(doc, tokens, index);
        return replace(doc, t[0], end, HOSTILE_VALUES.get(r.nextInt(HOSTILE_VALUES.size())));
      }
      case 3: { // a token replaced by another token of the same document: names, types and values confused
        int[] other = tokens.get(r.nextInt(tokens.size()));
        return replace(doc, t[0], t[1], java.util.Arrays.copyOfRange(doc, other[0], other[1]));
      }
      case 4: { // deep nesting before a token, closed or not
        int depth = NESTING[r.nextInt(NESTING.length)];
        byte[] open = "[".repeat(depth).getBytes(StandardCharsets.US_ASCII);
        if (r.nextBoolean()) {
          return replace(doc, t[0], t[0], open);
        }
        int end = JsonTokens.valueEnd(doc, tokens, index);
        byte[] value = java.util.Arrays.copyOfRange(doc, t[0], end);
        return replace(doc, t[0], end, concat(open, value, "]".repeat(depth).getBytes(StandardCharsets.US_ASCII)));
      }
      case 5: // a token deleted
        return replace(doc, t[0], t[1], new byte[0]);
      case 6: { // a token repeated, with a comma or without
        byte[] token = java.util.Arrays.copyOfRange(doc, t[0], t[1]);
        return replace(doc, t[1], t[1], r.nextBoolean() ? concat(new byte[] {','}, token) : token);
      }
      case 7: { // invalid UTF-8 or a lone surrogate inside a string, or a control character
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0}, {0x01}, "\\ud800".getBytes(StandardCharsets.US_ASCII),
            "\\u00".getBytes(StandardCharsets.US_ASCII)};
        int at = doc[t[0]] == '"' && t[1] - t[0] > 1 ? t[0] + 1 + r.nextInt(t[1] - t[0] - 1) : t[0];
        return replace(doc, at, at, bad[r.nextInt(bad.length)]);
      }
      case 8: // cut short
        return java.util.Arrays.copyOf(doc, r.nextInt(doc.length + 1));
      default:
        return mutateBinary(doc, r);
    }
  }

  /** One byte-level mutation. */
  public static byte[] mutateBinary(byte[] doc, Random r) {
    if (doc.length == 0) {
      return randomBytes(r);
    }
    int at = r.nextInt(doc.length);
    switch (r.nextInt(8)) {
      case 0: { // one bit
        byte[] out = doc.clone();
        out[at] ^= (byte) (1 << r.nextInt(8));
        return out;
      }
      case 1: { // an interesting byte
        byte[] out = doc.clone();
        out[at] = (byte) new int[] {0, 1, 0x7F, 0x80, 0xFF, '{', '[', '"', 0x0A, 0x12}[r.nextInt(10)];
        return out;
      }
      case 2: { // an interesting integer, little- or big-endian, 2, 4 or 8 bytes wide, over the bytes there
        long v = INTERESTING[r.nextInt(INTERESTING.length)];
        int width = new int[] {2, 4, 8}[r.nextInt(3)];
        byte[] bytes = new byte[width];
        boolean little = r.nextBoolean();
        for (int i = 0; i < width; i++) {
          bytes[little ? i : width - 1 - i] = (byte) (v >>> (8 * i));
        }
        return replace(doc, at, Math.min(doc.length, at + width), bytes);
      }
      case 3: // an interesting integer as a protobuf varint, over one byte (a length or a number)
        return replace(doc, at, at + 1, varint(INTERESTING[r.nextInt(INTERESTING.length)]));
      case 4: // cut short
        return java.util.Arrays.copyOf(doc, r.nextInt(doc.length));
      case 5: { // a range deleted
        int end = at + r.nextInt(Math.min(64, doc.length - at) + 1);
        return replace(doc, at, end, new byte[0]);
      }
      case 6: { // a range repeated
        int end = at + 1 + r.nextInt(Math.min(64, doc.length - at));
        return replace(doc, end, end, java.util.Arrays.copyOfRange(doc, at, end));
      }
      default: { // random bytes inserted
        byte[] noise = new byte[1 + r.nextInt(16)];
        r.nextBytes(noise);
        return replace(doc, at, at, noise);
      }
    }
  }

  /** Up to 512 random bytes, or (rarely) a long run of one byte. */
  public static byte[] randomBytes(Random r) {
    if (r.nextInt(8) == 0) {
      byte[] run = new byte[r.nextInt(100_000)];
      java.util.Arrays.fill(run, (byte) "[{\"0 \u0080".charAt(r.nextInt(6)));
      return run;
    }
    byte[] b = new byte[r.nextInt(513)];
    r.nextBytes(b);
    return b;
  }

  /** A body split where the transport might split it: 1 to 5 chunks (empty chunks included). */
  public static List<ByteBuffer> chunks(byte[] doc, Random r) {
    int n = r.nextInt(3) == 0 ? 1 + r.nextInt(5) : 1;
    List<ByteBuffer> out = new ArrayList<>(n);
    int from = 0;
    for (int i = 1; i < n; i++) {
      int to = from + r.nextInt(doc.length - from + 1);
      out.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(doc, from, to)));
      from = to;
    }
    out.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(doc, from, doc.length)));
    return out;
  }

  /** The protobuf varint encoding of {@code v} (ten bytes for a negative value). */
  public static byte[] varint(long v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  static byte[] replace(byte[] doc, int from, int to, byte[] with) {
    byte[] out = new byte[doc.length - (to - from) + with.length];
    System.arraycopy(doc, 0, out, 0, from);
    System.arraycopy(with, 0, out, from, with.length);
    System.arraycopy(doc, to, out, from + with.length, doc.length - to);
    return out;
  }

  private static byte[] splice(byte[] a, byte[] b, Random r) {
    return concat(java.util.Arrays.copyOf(a, r.nextInt(a.length + 1)),
        java.util.Arrays.copyOfRange(b, r.nextInt(b.length + 1), b.length));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  private static List<byte[]> hostileValues() {
    List<String> text = List.of("null", "true", "false", "0", "-0", "-1", "1.5", "-1.5e10", "1e999", "-1e999", "1e-999",
        "NaN", "Infinity", "-Infinity", "2147483647", "2147483648", "-2147483649", "4294967296",
        "2147483639", "536870911", "268435456", "100000000",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "1" + "0".repeat(400), "9".repeat(1200), "0.1e2147483648", "\"\"", "\"x\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\\\\"", "\"FP32\"", "\"FP16\"", "\"BF16\"", "\"BYTES\"", "\"BOOL\"",
        "\"UINT64\"", "\"INT8\"", "\"DT_FLOAT\"", "\"DT_STRING\"", "\"DT_HALF\"", "\"DT_INVALID\"", "\"-1\"",
        "\"9223372036854775808\"", "\"NaN\"", "{}", "[]", "[[]]", "[[], [1]]", "[1, [2]]", "{\"b64\": \"!!!\"}",
        "{\"b64\": \"AAAA\"}", "{\"b64\": 1}", "{\"b64\": \"AA\", \"x\": 1}", "[-1]", "[0]", "[2147483648]",
        "[9223372036854775807, 9223372036854775807]", "[-9223372036854775808]", "[1, 2, 3]", "[\"a\"]", "[true]",
        "[null]", "{\"\": null}", "[1e999]", "[\"x\", 1]", "{\"a\": 1, \"a\": 2}");
    List<byte[]> out = new ArrayList<>();
    text.forEach(t -> out.add(t.getBytes(StandardCharsets.UTF_8)));
    out.add(new byte[] {'"', (byte) 0xC3, 0x28, '"'});
    out.add(new byte[] {'"', (byte) 0xFF, (byte) 0xFE, '"'});
    out.add(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});
    out.add(new byte[] {'"', 'a', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'});
    return List.copyOf(out);
  }
}
