package io.inferlink.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The heap view spans exactly the tensor's bytes where there is an array, and is absent where there is none. */
class BackingArraysTest {

  private static byte[] bytesOf(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @Test
  void copyingFactoryTensorsHaveTheirArray() {
    Tensor t = Tensor.ofFloats("x", new float[] {1f, -2.5f, 3f}, 3);
    ByteBuffer heap = BackingArrays.heapView(t);
    assertNotNull(heap);
    assertEquals(12, heap.remaining());
    assertArrayEquals(bytesOf(t.data()), bytesOf(heap));
  }

  @Test
  void wrappedWritableHeapBufferIsSeenAtItsOffset() {
    byte[] memory = new byte[20];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = (byte) i;
    }
    ByteBuffer window = ByteBuffer.wrap(memory, 6, 8); // position 6, 8 bytes
    Tensor t = Tensor.wrap("x", DataType.INT32, window, 2);
    ByteBuffer heap = BackingArrays.heapView(t);
    assertSame(memory, heap.array());
    assertEquals(6, heap.arrayOffset() + heap.position());
    assertArrayEquals(new byte[] {6, 7, 8, 9, 10, 11, 12, 13}, bytesOf(heap));
  }

  @Test
  void sliceWithArrayOffsetAndRenamedTensorKeepTheSameBytes() {
    byte[] memory = {9, 9, 1, 0, 0, 0, 2, 0, 0, 0};
    ByteBuffer slice = ByteBuffer.wrap(memory).position(2).slice(); // arrayOffset 2, position 0
    Tensor renamed = Tensor.wrap("x", DataType.INT32, slice, 2).withName("y");
    ByteBuffer heap = BackingArrays.heapView(renamed);
    assertSame(memory, heap.array());
    assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0}, bytesOf(heap));
  }

  @Test
  void readOnlyAndDirectMemoryHaveNone() {
    ByteBuffer readOnly = ByteBuffer.wrap(new byte[8]).asReadOnlyBuffer();
    assertNull(BackingArrays.heapView(Tensor.wrap("x", DataType.INT32, readOnly, 2)));
    ByteBuffer direct = ByteBuffer.allocateDirect(8);
    assertNull(BackingArrays.heapView(Tensor.wrap("x", DataType.INT32, direct, 2)));
  }

  @Test
  void emptyTensorHasAnEmptyView() {
    ByteBuffer heap = BackingArrays.heapView(Tensor.ofFloats("x", new float[0], 0));
    assertEquals(0, heap.remaining());
  }

  @Test
  void onlyTensorInstallsTheViews() {
    Tensor.ofFloats("x", new float[] {1f}, 1); // Tensor's initializer has run
    assertThrows(IllegalStateException.class, () -> BackingArrays.install(t -> null));
  }
}
