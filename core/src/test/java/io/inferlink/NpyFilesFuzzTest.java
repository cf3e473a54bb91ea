package io.inferlink;

import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.fuzz.RandomTensors;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@code .npy} reader on mutated and random files: it reads a tensor or refuses the file with the
 * one failure its API documents, an {@link IllegalArgumentException} naming what is wrong (an
 * {@link EOFException} from a stream that ends early); never an index, buffer or number-format error.
 * The seeds are files of every dtype written by {@link NpyFiles} and hand-made ones in the other byte
 * order, format versions 2 and 3, unicode and Fortran order.
 */
class NpyFilesFuzzTest {
  private static final List<byte[]> SEEDS = seeds();

  @Provide
  Arbitrary<byte[]> files() {
    List<String> vocabulary = List.of("descr", "fortran_order", "shape");
    return Arbitraries.oneOf(Mutations.json(SEEDS, vocabulary), Mutations.binary(SEEDS));
  }

  @Property
  void fromBytesRefusesOnlyWithItsDocumentedException(@ForAll("files") byte[] npy) {
    DecoderEscapes.onlyExactly(IllegalArgumentException.class, "NpyFiles.fromBytes", npy,
        () -> NpyFiles.fromBytes(npy, "x"));
  }

  @Property
  void readFromAStreamAddsOnlyEndOfFile(@ForAll("files") byte[] npy) {
    DecoderEscapes.onlyExactly(IllegalArgumentException.class, "NpyFiles.read", npy, () -> {
      try {
        return NpyFiles.read(new ByteArrayInputStream(npy), "x");
      } catch (EOFException e) {
        return null; // documented: the stream ended inside the array
      }
    });
  }

  private static List<byte[]> seeds() {
    Random r = new Random(12);
    List<byte[]> out = new ArrayList<>();
    for (DataType dtype : DataType.values()) {
      if (dtype != DataType.BF16) {
        for (int i = 0; i < 3; i++) {
          out.add(NpyFiles.toBytes(RandomTensors.of(r, "x", dtype, false)));
        }
      }
    }
    out.add(NpyFixtures.npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
        NpyFixtures.be32(Float.floatToIntBits(1.5f), Float.floatToIntBits(-2f))));
    out.add(NpyFixtures.npy(2, "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 1), }", NpyFixtures.le32(7, -7)));
    out.add(NpyFixtures.npy(3, "{'descr': '<U2', 'fortran_order': False, 'shape': (1,), }", NpyFixtures.le32(0xE9, 0x65E5)));
    out.add(NpyFixtures.npy(1, "{'descr': '|S3', 'fortran_order': False, 'shape': (2,), }",
        "ab\0xyz".getBytes(StandardCharsets.US_ASCII)));
    out.add(NpyFixtures.npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1, 1), }", new byte[8]));
    out.add(NpyFixtures.npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (), }", new byte[] {1}));
    return List.copyOf(out);
  }
}
