package io.inferlink;

import static io.inferlink.NpyFixtures.be32;
import static io.inferlink.NpyFixtures.bytes;
import static io.inferlink.NpyFixtures.le32;
import static io.inferlink.NpyFixtures.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader against hand-made files, and the writer's bytes against the format's facts. */
class NpyFilesFormatTest {

  @Test
  void writesMagicVersionAlignedHeaderAndLittleEndianData() {
    byte[] npy = NpyFiles.toBytes(Tensor.ofFloats("x", new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    assertArrayEquals(bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0), Arrays.copyOf(npy, 8));
    int headerLength = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    assertEquals(0, (10 + headerLength) % 64, "magic + version + length + header end on 64 bytes");
    String header = new String(npy, 10, headerLength, StandardCharsets.ISO_8859_1);
    // np.save's exact dictionary, then 21 - len("2") spare spaces for growth, padding and '\n'.
    assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(20)), header);
    assertTrue(header.endsWith(" \n"), header);
    assertEquals(118, headerLength, "as np.save writes it: the data starts at offset 128");
    ByteBuffer data = ByteBuffer.wrap(npy, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1f, data.getFloat());
    assertEquals(2f, data.getFloat());
    assertEquals(npy.length, 10 + headerLength + 24);
  }

  @Test
  void writesNumpysOwnTupleReprs() {
    assertTrue(headerOf(Tensor.ofInts("s", new int[] {7})).contains("'descr': '<i4', 'fortran_order': False, 'shape': (), }"));
    assertTrue(headerOf(Tensor.ofInts("v", new int[] {7}, 1)).contains("'shape': (1,), }"));
    assertTrue(headerOf(Tensor.ofBooleans("b", new boolean[] {true}, 1)).contains("'descr': '|b1'"));
    assertTrue(headerOf(Tensor.ofStrings("s", new String[] {"ab", "abcd"}, 2)).contains("'descr': '|S4'"));
    assertTrue(headerOf(Tensor.ofStrings("s", new String[0], 0)).contains("'descr': '|S1'"));
    assertTrue(headerOf(Tensor.ofFp16("h", new float[] {1}, 1)).contains("'descr': '<f2'"));
    assertTrue(headerOf(Tensor.ofUint64("u", new long[] {1}, 1)).contains("'descr': '<u8'"));
  }

  @Test
  void readsLittleEndianFloatVersion1() {
    byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array();
    Tensor t = NpyFiles.fromBytes(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", data), "x");
    assertEquals(DataType.FP32, t.dtype());
    assertArrayEquals(new long[] {2}, t.shape());
    assertArrayEquals(new float[] {1.5f, -2f}, t.toFloatArray());
  }

  @ParameterizedTest
  @CsvSource({"'>i4', INT32", "'>u4', UINT32", "'>f4', FP32"})
  void readsBigEndian32BitTypes(String descr, DataType expected) {
    int[] bits = {1, 0x01020304, -2};
    Tensor t = NpyFiles.fromBytes(npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (3,), }",
        be32(bits)), "x");
    assertEquals(expected, t.dtype());
    assertArrayEquals(le32(bits), raw(t), "swapped to little-endian");
  }

  @Test
  void readsBigEndian16And64BitTypes() {
    Tensor i16 = NpyFiles.fromBytes(npy(1, "{'descr': '>i2', 'fortran_order': False, 'shape': (2,), }",
        bytes(0x01, 0x02, 0xFF, 0xFE)), "x");
    assertArrayEquals(new short[] {0x0102, (short) 0xFFFE}, i16.toShortArray());
    Tensor f8 = NpyFiles.fromBytes(npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (), }",
        ByteBuffer.allocate(8).putDouble(Math.E).array()), "x");
    assertEquals(0, f8.rank());
    assertEquals(Math.E, f8.toDoubleArray()[0]);
    Tensor f2 = NpyFiles.fromBytes(npy(1, "{'descr': '>f2', 'fortran_order': False, 'shape': (1,), }",
        bytes(0x3C, 0x00)), "x");
    assertArrayEquals(new float[] {1f}, f2.toFloatArray());
  }

  @Test
  void readsByteAndUnicodeStringsWithoutPadding() {
    Tensor s = NpyFiles.fromBytes(npy(1, "{'descr': '|S3', 'fortran_order': False, 'shape': (2,), }",
        bytes('a', 'b', 0, 'x', 0, 'y')), "s");
    assertEquals(List.of("ab", "x\u0000y"), s.toStringList(), "only trailing NULs are padding");
    Tensor u = NpyFiles.fromBytes(npy(1, "{'descr': '>U1', 'fortran_order': False, 'shape': (1, 2), }",
        be32(0x263A, 'q')), "u");
    assertEquals(List.of("\u263A", "q"), u.toStringList());
    assertArrayEquals(new long[] {1, 2}, u.shape());
  }

  @Test
  void readsVersions2And3() {
    Tensor v2 = NpyFiles.fromBytes(npy(2, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }",
        bytes(1, 2, 255)), "x");
    assertArrayEquals(new int[] {1, 2, 255}, v2.toIntArray());
    Tensor v3 = NpyFiles.fromBytes(npy(3, "{\"descr\": \"|b1\", \"fortran_order\": False, \"shape\": (2,)}",
        bytes(1, 0)), "x");
    assertArrayEquals(new boolean[] {true, false}, v3.toBooleanArray());
  }

  @Test
  void readsHeadersInAnyKeyOrderAndOldLongs() {
    Tensor t = NpyFiles.fromBytes(npy(1, "{'shape': (2L, 1L), 'fortran_order': False, 'descr': '<i8'}",
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(-5).array()), "x");
    assertArrayEquals(new long[] {5, -5}, t.toLongArray());
    assertArrayEquals(new long[] {2, 1}, t.shape());
  }

  @Test
  void refusesFortranOrderClearly() {
    byte[] f = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFiles.fromBytes(f, "x"));
    assertTrue(e.getMessage().contains("Fortran"), e.getMessage());
    assertTrue(e.getMessage().contains("ascontiguousarray"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"'<c8', complex", "'|O', object", "'<M8', datetime", "'<f16', long double", "'|V4', void",
      "'<i3', element size", "'<q8', unknown kind"})
  void refusesDtypesWithoutATensorTypeByName(String descr, String reason) {
    byte[] f = npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFiles.fromBytes(f, "x"));
    assertTrue(e.getMessage().contains(descr) && e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void refusesStructuredDtypesBadMagicFutureVersionsAndShortData() {
    byte[] structured = npy(1, "{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }",
        new byte[8]);
    assertMessage(structured, "structured");
    byte[] notNpy = "PK\u0003\u0004 this is a zip".getBytes(StandardCharsets.ISO_8859_1);
    assertMessage(notNpy, "not a .npy file");
    byte[] future = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
    future[6] = 4;
    assertMessage(future, "version 4.0");
    byte[] shortData = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[8]);
    assertMessage(shortData, "needs 12 bytes");
    byte[] missingKey = npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4]);
    assertMessage(missingKey, "no 'fortran_order'");
    byte[] garbled = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,, }", new byte[4]);
    assertMessage(garbled, "malformed");
  }

  @Test
  void aHeaderNestedDeeperThanTheLimitIsRefusedNotAStackOverflow() {
    // Found by NpyFilesFuzzTest: the header's recursive parser had no depth limit.
    String deep = "{'descr': '<f4', 'fortran_order': False, 'shape': " + "(".repeat(100_000) + "), }";
    assertMessage(npy(2, deep, new byte[0]), "nested deeper than 64 levels");
    String sixtyFive = "{'descr': '<f4', 'fortran_order': False, 'shape': " + "(".repeat(64) + ")".repeat(64) + ", }";
    assertMessage(npy(2, sixtyFive, new byte[0]), "nested deeper than 64 levels");
  }

  private static void assertMessage(byte[] file, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFiles.fromBytes(file, "x"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static String headerOf(Tensor t) {
    byte[] npy = NpyFiles.toBytes(t);
    return new String(npy, 10, NpyFixtures.dataOffset(npy) - 10, StandardCharsets.ISO_8859_1);
  }

  private static byte[] raw(Tensor t) {
    ByteBuffer data = t.data();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }
}
