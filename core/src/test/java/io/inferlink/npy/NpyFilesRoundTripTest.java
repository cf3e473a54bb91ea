package io.inferlink.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dtype NumPy can hold survives a write and a read, bit for bit, in several shapes. */
class NpyFilesRoundTripTest {

  static Stream<Tensor> everyDtype() {
    return Stream.of(
        Tensor.ofBooleans("t", new boolean[] {true, false, true, true, false, false}, 2, 3),
        Tensor.ofUint8("t", new byte[] {0, 1, (byte) 127, (byte) 128, (byte) 255, 7}, 3, 2),
        Tensor.ofUint16("t", new short[] {0, 1, (short) 0x8000, (short) 0xFFFF}, 4),
        Tensor.ofUint32("t", new int[] {0, 1, 0x80000000, 0xFFFFFFFF}, 2, 2),
        Tensor.ofUint64("t", new long[] {0, 1, Long.MIN_VALUE, -1L}, 2, 2),
        Tensor.ofInt8("t", new byte[] {-128, -1, 0, 127}, 4),
        Tensor.ofInt16("t", new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}, 1, 4),
        Tensor.ofInts("t", new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 1, 2),
        Tensor.ofLongs("t", new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 4),
        Tensor.ofFp16("t", new float[] {0f, -0f, 1.5f, 65504f, Float.NaN, Float.NEGATIVE_INFINITY}, 6),
        Tensor.ofFloats("t", new float[] {1.1f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY}, 3, 2),
        Tensor.ofDoubles("t", new double[] {Math.PI, -0d, Double.MIN_VALUE, Double.NaN}, 2, 2),
        Tensor.ofStrings("t", new String[] {"héllo", "", "日本語", "a\u0000b"}, 2, 2),
        Tensor.ofBytes("t", new byte[][] {{(byte) 0xFF, 0, 1}, {}, {0x41}}, 3),
        Tensor.ofFloats("t", new float[] {42f}),
        Tensor.ofLongs("t", new long[0], 0, 3),
        Tensor.ofStrings("t", new String[0], 2, 0));
  }

  @ParameterizedTest
  @MethodSource("everyDtype")
  void writesAndReadsBackTheSameTensor(Tensor original) {
    byte[] npy = NpyFiles.toBytes(original);
    Tensor back = NpyFiles.fromBytes(npy, "t");
    assertEquals(original, back, "type, shape and data bytes");
    assertEquals(0, NpyFixtures.dataOffset(npy) % 64, "the data starts on a 64-byte boundary");
  }

  @Test
  void everyDtypeButBf16IsCovered() {
    List<DataType> covered = everyDtype().map(Tensor::dtype).distinct().toList();
    for (DataType t : DataType.values()) {
      assertEquals(t != DataType.BF16, covered.contains(t), t.wireName());
    }
  }

  @Test
  void bf16IsRefusedWithAWayOut() {
    Tensor bf16 = Tensor.ofBf16("w", new float[] {1f}, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFiles.toBytes(bf16));
    assertTrue(e.getMessage().contains("BF16 has no NumPy dtype"), e.getMessage());
    assertTrue(e.getMessage().contains("FP32"), e.getMessage());
  }

  @Test
  void aTrailingNulInABytesElementIsRefusedNotLost() {
    Tensor t = Tensor.ofBytes("b", new byte[][] {{1, 0}}, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFiles.toBytes(t));
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
  }

  @Test
  void filesRoundTripAndARefusedTensorLeavesNoFile(@TempDir Path dir) {
    Tensor t = Tensor.ofInts("x", new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Path file = dir.resolve("x.npy");
    NpyFiles.write(t, file);
    assertEquals(t.withName("y"), NpyFiles.read(file, "y"));

    Path refused = dir.resolve("bf16.npy");
    assertThrows(IllegalArgumentException.class, () -> NpyFiles.write(Tensor.ofBf16("b", new float[] {1}, 1), refused));
    assertFalse(Files.exists(refused));
  }

  @Test
  void streamsReadOneArrayAndStopThere() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Tensor a = Tensor.ofFloats("a", new float[] {1, 2}, 2);
    Tensor b = Tensor.ofStrings("a", new String[] {"x"}, 1);
    NpyFiles.write(a, out);
    NpyFiles.write(b, out);
    InputStream in = new ByteArrayInputStream(out.toByteArray());
    assertEquals(a, NpyFiles.read(in, "a"));
    assertEquals(b, NpyFiles.read(in, "a"));
    assertEquals(-1, in.read());
  }

  @Test
  void aHeaderPast64KiBSwitchesToVersion2() {
    long[] shape = new long[25_000];
    Arrays.fill(shape, 1);
    Tensor wide = Tensor.ofFloats("w", new float[] {3f}, shape);
    byte[] npy = NpyFiles.toBytes(wide);
    assertEquals(2, npy[6], "major version");
    assertEquals(0, npy[7], "minor version");
    assertEquals(0, NpyFixtures.dataOffset(npy) % 64);
    assertEquals(wide.withName("t"), NpyFiles.fromBytes(npy, "t"));
  }

  @Test
  void unicodeOutputOfNumpyReadsAsUtf8() {
    byte[] npy = NpyFixtures.npy(1, "{'descr': '<U2', 'fortran_order': False, 'shape': (2,), }",
        NpyFixtures.le32('é', 0, 0x1F600, 'z'));
    Tensor t = NpyFiles.fromBytes(npy, "u");
    assertEquals(List.of("é", "\uD83D\uDE00z"), t.toStringList());
    assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), t.toBytesList().get(0));
  }
}
