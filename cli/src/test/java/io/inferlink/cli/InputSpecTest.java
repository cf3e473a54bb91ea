package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.NpyFiles;
import io.inferlink.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --input grammar, one form at a time. */
class InputSpecTest {
  private static final Path HERE = Path.of(".");

  @Test
  void jsonLiteralsTakeTheirShapeFromNestingAndTypeFromLeaves() {
    Tensor ints = InputSpec.parse("x=[[1,2],[3,4]]", HERE);
    assertEquals(DataType.INT64, ints.dtype());
    assertArrayEquals(new long[] {2, 2}, ints.shape());
    assertEquals(DataType.FP32, InputSpec.parse("x=[1, 2.5]", HERE).dtype());
    assertEquals(DataType.BOOL, InputSpec.parse("x=[true]", HERE).dtype());
    Tensor scalar = InputSpec.parse("x=7", HERE);
    assertEquals(0, scalar.rank());
    assertArrayEquals(new long[] {0}, InputSpec.parse("x=[]:FP32", HERE).shape());
    assertArrayEquals(new long[] {2, 0}, InputSpec.parse("x=[[],[]]:FP32", HERE).shape());
  }

  @Test
  void aDtypeSuffixConvertsExactlyOrRefuses() {
    Tensor fp16 = InputSpec.parse("x=[[1,2]]:fp16", HERE);
    assertEquals(DataType.FP16, fp16.dtype());
    assertArrayEquals(new float[] {1, 2}, fp16.toFloatArray());
    assertArrayEquals(new int[] {255}, InputSpec.parse("x=[255]:UINT8", HERE).toIntArray());
    assertArrayEquals(new long[] {-1L}, InputSpec.parse("x=[18446744073709551615]:UINT64", HERE).toLongArray());
    assertArrayEquals(new int[] {1000}, InputSpec.parse("x=[1e3]:INT32", HERE).toIntArray());
    assertTrue(Double.isNaN(InputSpec.parse("x=NaN:FP64", HERE).toDoubleArray()[0]));
    assertMessage("x=[256]:UINT8", "outside UINT8 (0..255)");
    assertMessage("x=[1.5]:INT32", "1.5 is not a INT32 value");
    assertMessage("x=[\"a\"]:FP32", "\"a\" is not a FP32 value");
    assertMessage("x=[[1],[2,3]]", "ragged at [1]");
    assertMessage("x=[]", "needs a dtype");
    assertMessage("x=hello:INT8", "is text, not a INT8 value");
    assertMessage("x=[1,2", "not valid JSON");
    assertMessage("novalue", "not NAME=VALUE");
  }

  @Test
  void stringsAreOneBytesElement() {
    for (String spec : new String[] {"s=\"hello world\"", "s=hello world", "s=hello world:BYTES", "s=[\"hello world\"]"}) {
      Tensor t = InputSpec.parse(spec, HERE);
      assertEquals(DataType.BYTES, t.dtype(), spec);
      assertArrayEquals(new long[] {1}, t.shape(), spec);
      assertEquals(List.of("hello world"), t.toStringList(), spec);
    }
    assertEquals(List.of("12:30"), InputSpec.parse("t=12:30", HERE).toStringList(), "':30' is no dtype");
    assertArrayEquals(new byte[] {0, (byte) 0xFF}, InputSpec.parse("b={\"b64\":\"AP8=\"}", HERE).toBytesList().get(0));
  }

  @Test
  void theOutputsTensorFormReadsBack() {
    Tensor t = InputSpec.parse("x={\"dtype\":\"INT16\",\"shape\":[2,1],\"data\":[3,4]}", HERE);
    assertEquals(DataType.INT16, t.dtype());
    assertArrayEquals(new long[] {2, 1}, t.shape());
    assertMessage("x={\"dtype\":\"INT16\",\"shape\":[3],\"data\":[3,4]}", "needs 3 elements");
  }

  @Test
  void filesAreNpyOrRawBytes(@TempDir Path dir) throws Exception {
    NpyFiles.write(Tensor.ofInts("ignored", new int[] {1, 2}, 2), dir.resolve("a.npy"));
    Files.write(dir.resolve("a.bin"), new byte[] {1, 2, 3});
    Tensor npy = InputSpec.parse("x=@a.npy", dir);
    assertEquals("x", npy.name());
    assertArrayEquals(new int[] {1, 2}, npy.toIntArray());
    Tensor raw = InputSpec.parse("x=@a.bin:BYTES", dir);
    assertArrayEquals(new byte[] {1, 2, 3}, raw.toBytesList().get(0));
    assertMessage("x=@" + dir.resolve("a.bin"), "is not a .npy file; write @");
    assertMessage("x=@" + dir.resolve("a.npy") + ":FP32", "a .npy file carries its own dtype");
  }

  private static void assertMessage(String spec, String expected) {
    UsageError e = assertThrows(UsageError.class, () -> InputSpec.parse(spec, HERE));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void literalsNestDeeperThanTheOneJsonLimitNever() {
    int limit = io.inferlink.spi.JsonLimits.MAX_NESTING_DEPTH;
    assertEquals(limit, InputSpec.parse("x=" + "[".repeat(limit) + "1" + "]".repeat(limit), HERE).rank());
    String deeper = "x=" + "[".repeat(limit + 1) + "1" + "]".repeat(limit + 1);
    UsageError e = assertThrows(UsageError.class, () -> InputSpec.parse(deeper, HERE));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }
}
