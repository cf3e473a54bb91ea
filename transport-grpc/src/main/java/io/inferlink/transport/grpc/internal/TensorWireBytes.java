package io.inferlink.transport.grpc.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.inferlink.Tensor;
import io.inferlink.internal.wire.BackingArrays;
import java.nio.ByteBuffer;

/**
 * A tensor's bytes as the {@code bytes} field of a request ({@code raw_input_contents},
 * {@code tensor_content}), never copied here: the one place both gRPC backends turn a tensor into
 * wire bytes. Stateless and thread-safe.
 *
 * <p>Why the array: protobuf writes an array-backed {@link ByteString} to grpc-java's frame stream in
 * one piece, but a {@link ByteString} over a read-only or direct buffer (what {@link Tensor#data()}
 * gives) it first copies through its 4 KiB encoder buffer, 4 KiB at a time: one more copy of the
 * payload per call than a raw stub's {@code byte[]}. Tensors built by the copying factories, or
 * wrapped over a writable heap buffer, have an array and go out with the frame copy only; a direct
 * buffer (or a read-only one the caller wrapped) is still viewed and pays that one extra copy.
 */
public final class TensorWireBytes {
  private TensorWireBytes() {}

  /**
   * The tensor's bytes, sharing its memory: protobuf must not see them change, which {@link Tensor}'s
   * immutability promises (for {@link Tensor#wrap} as long as its creator leaves the memory alone).
   */
  public static ByteString of(Tensor t) {
    ByteBuffer heap = BackingArrays.heapView(t);
    if (heap != null) {
      return UnsafeByteOperations.unsafeWrap(heap.array(), heap.arrayOffset() + heap.position(), heap.remaining());
    }
    return UnsafeByteOperations.unsafeWrap(t.data());
  }
}
