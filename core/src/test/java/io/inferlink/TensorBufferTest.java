package io.inferlink;

import static io.inferlink.TensorFactoriesTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The buffer behind a tensor: read-only views, zero-copy wrapping, equality and toString. */
class TensorBufferTest {

  @Test
  void dataIsAReadOnlyLittleEndianDuplicateAtPositionZero() {
    Tensor t = Tensor.ofInts("x", new int[] {1, 2, 3}, 3);
    ByteBuffer a = t.data();
    assertTrue(a.isReadOnly());
    assertEquals(ByteOrder.LITTLE_ENDIAN, a.order());
    assertEquals(0, a.position());
    assertEquals(12, a.remaining());
    assertThrows(ReadOnlyBufferException.class, () -> a.put(0, (byte) 9));
    a.position(8);
    ByteBuffer b = t.data();
    assertEquals(0, b.position(), "moving one duplicate does not move the next");
    assertEquals(1, b.getInt());
    assertEquals(3, a.getInt());
    assertEquals(0, t.data().position());
    assertArrayEquals(new int[] {1, 2, 3}, t.toIntArray(), "reads do not depend on callers' positions");
  }

  @Test
  void typedViewsAreReadOnlyAndFresh() {
    Tensor t = Tensor.ofFloats("x", new float[] {1, 2}, 2);
    FloatBuffer view = t.asFloatBuffer();
    assertTrue(view.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> view.put(0, 5f));
    view.get();
    assertEquals(0, t.asFloatBuffer().position());
    assertEquals(1f, t.asFloatBuffer().get());
    assertTrue(Tensor.ofLongs("x", new long[1]).asLongBuffer().isReadOnly());
    assertTrue(Tensor.ofInts("x", new int[1]).asIntBuffer().isReadOnly());
    assertTrue(Tensor.ofInt16("x", new short[1]).asShortBuffer().isReadOnly());
    assertTrue(Tensor.ofDoubles("x", new double[1]).asDoubleBuffer().isReadOnly());
  }

  /**
   * wrap() is zero-copy by design: the tensor views the caller's memory, so later writes to it
   * show through. This test pins that contract down; callers must not mutate wrapped memory.
   */
  @Test
  void wrapOfADirectBufferIsZeroCopy() {
    ByteBuffer direct = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    direct.putFloat(0, 1f).putFloat(4, 2f);
    Tensor t = Tensor.wrap("x", DataType.FP32, direct, 2);
    assertTrue(t.data().isDirect(), "no copy into the heap");
    direct.putFloat(0, 9f);
    assertEquals(9f, t.toFloatArray()[0]);
    Tensor renamed = t.withName("y");
    direct.putFloat(4, 7f);
    assertEquals(7f, renamed.asFloatBuffer().get(1), "withName shares the buffer");
    assertEquals("y", renamed.name());
    assertEquals("x", t.name());
  }

  @Test
  void wrapOfAHeapBufferSharesTheBackingArray() {
    byte[] backing = new byte[8];
    Tensor t = Tensor.wrap("x", DataType.INT32, ByteBuffer.wrap(backing), 2);
    backing[4] = 5;
    assertArrayEquals(new int[] {0, 5}, t.toIntArray());
    Tensor copy = Tensor.ofInts("x", new int[] {0, 5}, 2);
    backing[4] = 6;
    assertEquals(5, copy.toIntArray()[1], "factories do copy");
  }

  /** Every protocol sends a wrapped BOOL tensor's bytes as they are, so they must already be 0 or 1. */
  @Test
  void wrappedBoolBytesOtherThanZeroOrOneBecomeOneInACanonicalCopy() {
    byte[] backing = bytes(0, 2, 0xFF, 1, 0x80);
    ByteBuffer caller = ByteBuffer.wrap(backing);
    caller.position(0);
    Tensor t = Tensor.wrap("b", DataType.BOOL, caller, 5);
    byte[] sent = new byte[5];
    t.data().get(sent);
    assertArrayEquals(bytes(0, 1, 1, 1, 1), sent, "the bytes any encoder sends");
    assertArrayEquals(bytes(0, 1, 1, 1, 1), t.toByteArray());
    assertEquals(Tensor.ofBooleans("b", new boolean[] {false, true, true, true, true}, 5), t);
    assertArrayEquals(bytes(0, 2, 0xFF, 1, 0x80), backing, "the caller's memory is left alone");
    assertEquals(0, caller.position());
  }

  @Test
  void wrappedCanonicalBoolBytesStayZeroCopy() {
    byte[] backing = bytes(0, 1, 1);
    Tensor t = Tensor.wrap("b", DataType.BOOL, ByteBuffer.wrap(backing), 3);
    backing[0] = 1;
    assertArrayEquals(bytes(1, 1, 1), t.toByteArray(), "a view, not a copy");
    ByteBuffer direct = ByteBuffer.allocateDirect(2).put(bytes(1, 0)).flip();
    assertTrue(Tensor.wrap("d", DataType.BOOL, direct, 2).data().isDirect());
  }

  @Test
  void wrapViewsPositionToLimitAndLeavesTheCallerBufferAlone() {
    ByteBuffer buf = ByteBuffer.wrap(bytes(0xAA, 0xAA, 1, 0, 2, 0, 0xBB));
    buf.position(2).limit(6);
    Tensor t = Tensor.wrap("x", DataType.INT16, buf, 2);
    assertArrayEquals(new short[] {1, 2}, t.toShortArray());
    assertEquals(2, buf.position());
    assertEquals(6, buf.limit());
    assertEquals(4, t.byteSize());
  }

  @Test
  void wrapReadsLittleEndianWhateverTheCallerBufferOrder() {
    ByteBuffer big = ByteBuffer.wrap(bytes(0, 0, 0x80, 0x3F)).order(ByteOrder.BIG_ENDIAN);
    assertEquals(1f, Tensor.wrap("x", DataType.FP32, big, 1).toFloatArray()[0]);
  }

  @Test
  void wrapOfAReadOnlyBufferWorks() {
    ByteBuffer ro = ByteBuffer.wrap(bytes(1, 2)).asReadOnlyBuffer();
    assertArrayEquals(bytes(1, 2), Tensor.wrap("x", DataType.UINT8, ro, 2).toByteArray());
  }

  @Test
  void wrapRejectsTheWrongByteCount() {
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("x", DataType.FP32, ByteBuffer.allocate(20), 2, 3));
    assertEquals("tensor 'x': FP32 shape [2, 3] needs 24 bytes but the buffer holds 20", few.getMessage());
    IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("x", DataType.INT64, ByteBuffer.allocate(9), 1));
    assertTrue(many.getMessage().contains("needs 8 bytes but the buffer holds 9"), many.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("x", DataType.FP16, ByteBuffer.allocate(1)));
  }

  @Test
  void equalsAndHashCodeCoverNameTypeShapeAndBytes() {
    Tensor a = Tensor.ofFloats("x", new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    ByteBuffer direct = ByteBuffer.allocateDirect(24).order(ByteOrder.LITTLE_ENDIAN);
    direct.asFloatBuffer().put(new float[] {1, 2, 3, 4, 5, 6});
    Tensor b = Tensor.wrap("x", DataType.FP32, direct, 2, 3);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a, a.withName("x"));

    assertNotEquals(a, a.withName("y"));
    assertNotEquals(a, Tensor.ofFloats("x", new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
    assertNotEquals(a, Tensor.ofFloats("x", new float[] {1, 2, 3, 4, 5, 6}, 6));
    assertNotEquals(a, Tensor.ofFloats("x", new float[] {1, 2, 3, 4, 5, 7}, 2, 3));
    assertNotEquals(Tensor.ofInts("x", new int[] {-1}), Tensor.ofUint32("x", new int[] {-1}),
        "same bytes, different type");
    assertNotEquals(a, null);
    assertNotEquals(a, "x");
  }

  @Test
  void toStringDescribesWithoutTheData() {
    Tensor t = Tensor.ofFloats("x", new float[6], 2, 3);
    assertEquals("Tensor{name=x, dtype=FP32, shape=[2, 3], bytes=24}", t.toString());
    assertEquals("Tensor{name=s, dtype=BYTES, shape=[], bytes=7}",
        Tensor.ofStrings("s", new String[] {"abc"}).toString());
    Tensor big = Tensor.ofDoubles("big", new double[1_000_000], 1000, 1000);
    assertTrue(big.toString().length() < 80, big.toString());
  }

  @Test
  void concurrentReadersSeeTheSameData() throws Exception {
    float[] values = new float[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Tensor t = Tensor.ofFloats("x", values, values.length);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> {
          ByteBuffer d = t.data();
          d.position(d.limit()); // a careless reader must not disturb the others
          return t.toFloatArray();
        }));
      }
      for (Future<float[]> r : results) {
        assertArrayEquals(values, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
