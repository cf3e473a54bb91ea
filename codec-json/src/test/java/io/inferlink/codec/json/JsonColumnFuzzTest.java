package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.fuzz.RandomTensors;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link JsonColumn}, the one reader of JSON tensors every JSON backend decodes through, on mutated documents
 * (tries from {@code inferlink.fuzz.tries}; {@code -P fuzz} for 100,000): whatever the bytes, the read ends in a
 * tensor or a {@link MalformedAnswerException} (Jackson's own refusals are the backends' to word, so they count
 * as refusals here), never another exception; and the fast road (lists of numbers read straight from the bytes,
 * {@code NumberLists}) gives what the token road (Jackson's parser) gives, tensor for tensor, refusal for refusal.
 * Seeds are tensors of every type written by {@link TensorJsonWriter}, nested and flat, with NaN bare and quoted,
 * and the differential test's generated documents.
 */
class JsonColumnFuzzTest {
  private static final List<String> VOCABULARY = List.of("b64", "NaN", "Infinity", "-Infinity", "null", "true");

  /** The reading settings of one try, drawn from a seed so that a failure prints and replays them. */
  static final class Settings {
    final DataType dtype; // null: inferred as TF Serving does
    final LeafRules rules;
    final boolean nonNumeric;
    final int chunk;

    Settings(long seed) {
      Random r = new Random(seed);
      DataType[] types = DataType.values();
      dtype = r.nextInt(4) == 0 ? null : types[r.nextInt(types.length)];
      LeafRules l = LeafRules.STRICT;
      l = r.nextBoolean() ? l.withNullAsNaN() : l;
      l = r.nextBoolean() ? l.withB64Objects() : l;
      l = r.nextInt(4) == 0 ? l.withRawByteStrings() : l;
      l = r.nextInt(4) == 0 ? l.withLooseValues() : l;
      rules = l;
      nonNumeric = r.nextBoolean();
      chunk = 1 + r.nextInt(r.nextBoolean() ? 7 : 4096);
    }

    @Override
    public String toString() {
      return (dtype == null ? "inferred" : dtype) + " nullAsNaN=" + rules.nullAsNaN() + " b64=" + rules.b64Objects()
          + " raw=" + rules.rawByteStrings() + " loose=" + rules.looseValues() + " nonNumeric=" + nonNumeric
          + " chunk=" + chunk;
    }
  }

  @Provide
  Arbitrary<byte[]> documents() {
    Random r = new Random(13);
    List<byte[]> seeds = new ArrayList<>();
    for (DataType dtype : DataType.values()) {
      for (int i = 0; i < 4; i++) {
        Tensor t = RandomTensors.of(r, "y", dtype, i % 2 == 0);
        NonFinite nonFinite = r.nextBoolean() ? NonFinite.BARE : NonFinite.STRINGS;
        boolean b64 = r.nextBoolean();
        if (TensorJsonWriter.whyNot(t, nonFinite, b64) == null) {
          seeds.add(write(t, nonFinite, b64, i % 2 == 1));
        }
      }
    }
    // Lists the fast road reads whole, booleans and plain strings, for the mutations to break.
    for (String plain : new String[] {"[[true, false], [false,true]]", "[\"w4711\",\"a, [b]\", \"\", \"]\"]",
        "[[\"x\", \"y\"], [\"z\", \"w\"]]", "[\"é\", \"a\\\"b\", \"\\u00e9\"]"}) {
      seeds.add(plain.getBytes(StandardCharsets.UTF_8));
    }
    for (long seed = 0; seed < 40; seed++) {
      seeds.add(JsonColumnDifferentialTest.generate(seed).json.getBytes(StandardCharsets.UTF_8));
    }
    return Mutations.json(seeds, VOCABULARY);
  }

  @Property
  void onlyMalformedAnswersComeOut(@ForAll("documents") byte[] doc, @ForAll long settings) {
    Settings s = new Settings(settings);
    DecoderEscapes.onlyExactly(MalformedAnswerException.class, "JsonColumn, fast road, " + s, doc,
        () -> read(doc, s, true));
    DecoderEscapes.onlyExactly(MalformedAnswerException.class, "JsonColumn, token road, " + s, doc,
        () -> read(doc, s, false));
  }

  @Property
  void theFastRoadReadsWhatTheTokenRoadReads(@ForAll("documents") byte[] doc, @ForAll long settings) {
    Settings s = new Settings(settings);
    Tensor fast = readOrNull(doc, s, true);
    Tensor tokens = readOrNull(doc, s, false);
    assertEquals(tokens, fast, () -> s + " " + DecoderEscapes.describe(doc));
  }

  /** Documents Jackson's byte-array parser would read in another encoding: both roads call them malformed. */
  @Example
  void documentsInAnotherEncodingAreMalformedOnBothRoads() {
    byte[][] docs = {{'7', 0}, {0, '7'}, {'[', 0, '1', 0, ']', 0}, {(byte) 0xfe, (byte) 0xff, 0, '7'}};
    byte[] utf8WithBom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '7'};
    int checked = 0;
    for (long seed = 0; seed < 64; seed++) {
      Settings s = new Settings(seed);
      // Only settings under which the same values in UTF-8 are read, so that "malformed" is the encoding's doing.
      if (readOrNull(new byte[] {'7'}, s, true) == null || readOrNull(new byte[] {'[', '1', ']'}, s, true) == null
          || readOrNull(new byte[] {'7'}, s, false) == null) {
        continue;
      }
      for (byte[] doc : docs) {
        assertNull(readOrNull(doc, s, true), () -> "fast road read " + DecoderEscapes.describe(doc) + " " + s);
        assertNull(readOrNull(doc, s, false), () -> "token road read " + DecoderEscapes.describe(doc) + " " + s);
      }
      assertEquals(readOrNull(new byte[] {'7'}, s, true), readOrNull(utf8WithBom, s, true), s::toString);
      assertEquals(readOrNull(new byte[] {'7'}, s, false), readOrNull(utf8WithBom, s, false), s::toString);
      checked++;
    }
    assertTrue(checked > 0, "no settings read the UTF-8 counterparts");
  }

  private static byte[] write(Tensor t, NonFinite nonFinite, boolean b64, boolean flat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonTensors.factory(true).createGenerator(out)) {
      TensorJsonWriter w = new TensorJsonWriter(g, nonFinite, b64);
      if (flat) {
        w.writeFlat(t);
      } else {
        w.writeNested(t);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static Tensor readOrNull(byte[] doc, Settings s, boolean fast) {
    try {
      return read(doc, s, fast);
    } catch (MalformedAnswerException e) {
      return null;
    }
  }

  /** One value read as a backend reads it: measure, type, allocate, fill; Jackson's refusals made malformed. */
  private static Tensor read(byte[] doc, Settings s, boolean fast) {
    JsonColumn c = new JsonColumn("output 'y'", s.dtype, s.rules);
    try {
      try (JsonParser p = parser(doc, s, fast)) {
        if (p.nextToken() == null) {
          throw new MalformedAnswerException("the document is empty");
        }
        c.measure(p);
        if (p.nextToken() != null) {
          throw new MalformedAnswerException("there is more after the value");
        }
      }
      DataType type = s.dtype != null ? s.dtype : JsonColumnDifferentialTest.inferLikeTfServing(c.kinds());
      if (type == null) {
        throw new MalformedAnswerException("no one type");
      }
      c.allocate(type, c.valueShape());
      try (JsonParser p = parser(doc, s, fast)) {
        p.nextToken();
        c.fill(p);
      }
      return c.toTensor("y");
    } catch (JacksonException e) {
      throw new MalformedAnswerException("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedAnswerException("unreadable: " + e.getMessage());
    }
  }

  /**
   * Whether Jackson's parser over a byte array would read {@code doc} as something other than BOM-less UTF-8.
   * Answers are UTF-8 (RFC 8259 section 8.1) and the fast road reads nothing else, while Jackson guesses
   * UTF-16 or UTF-32 from zero bytes or a byte-order mark among the first four bytes: {@code 7\0} is a
   * UTF-16LE "7" to it. Well-formed UTF-8 JSON has no zero byte there, so the reference refuses such documents.
   */
  static boolean guessedAsAnotherEncoding(byte[] doc) {
    for (int i = 0; i < Math.min(4, doc.length); i++) {
      if (doc[i] == 0) {
        return true;
      }
    }
    // A UTF-8 byte-order mark is skipped by both roads (RFC 8259 lets a parser ignore it); UTF-16's are not.
    return doc.length >= 2 && ((doc[0] & 0xff) == 0xfe || (doc[0] & 0xff) == 0xff);
  }

  private static JsonParser parser(byte[] doc, Settings s, boolean fast) throws IOException {
    if (!fast) {
      if (guessedAsAnotherEncoding(doc)) {
        throw new MalformedAnswerException("not UTF-8 JSON");
      }
      return JsonTensors.factory(s.nonNumeric).createParser(doc);
    }
    List<ByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < doc.length; i += s.chunk) {
      chunks.add(ByteBuffer.wrap(doc, i, Math.min(s.chunk, doc.length - i)));
    }
    if (chunks.isEmpty()) {
      chunks.add(ByteBuffer.allocate(0));
    }
    return JsonTensors.parser(chunks, s.nonNumeric);
  }
}
