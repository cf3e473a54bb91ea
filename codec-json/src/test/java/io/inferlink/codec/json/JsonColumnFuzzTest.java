package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  private static JsonParser parser(byte[] doc, Settings s, boolean fast) throws IOException {
    if (!fast) {
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
