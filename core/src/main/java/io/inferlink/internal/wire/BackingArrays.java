package io.inferlink.internal.wire;

import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * The wire encoders' way to the heap array behind a tensor, which the public API never hands out
 * ({@link Tensor#data()} is read-only, so {@code hasArray()} is false). protobuf writes a {@code byte[]}
 * field to the wire in one piece but copies a read-only buffer through its 4 KiB encoder buffer
 * first; with the array a gRPC request copies the tensor's bytes once (into the transport's frames),
 * as a raw stub does. Exported only to the gRPC transport. Callers must never write to the array.
 */
public final class BackingArrays {
  private static volatile Function<Tensor, ByteBuffer> views;

  private BackingArrays() {}

  /**
   * A writable heap view (never to be written) of exactly the tensor's bytes, between its position
   * and limit, or {@code null} when the tensor's memory is not an accessible array (a direct buffer,
   * or a read-only buffer the caller wrapped).
   *
   * @param tensor the tensor whose bytes a gRPC encoder is about to write
   * @return a view of the tensor's own array, or {@code null} when it has none the encoder may read
   */
  public static ByteBuffer heapView(Tensor tensor) {
    Objects.requireNonNull(tensor, "tensor");
    return views.apply(tensor); // set: Tensor's class initializer ran before this instance existed
  }

  /**
   * Called once, by {@link Tensor}'s class initializer, which alone can read its fields. On the class path this
   * package is reachable by anyone, so the caller is checked too: other code cannot get in first and be handed
   * every tensor.
   *
   * @param tensorViews Tensor's way to a view of its array
   * @throws IllegalStateException when the caller is not {@link Tensor} or the views are already installed
   */
  public static void install(Function<Tensor, ByteBuffer> tensorViews) {
    if (StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass() != Tensor.class
        || views != null) {
      throw new IllegalStateException("BackingArrays is installed by Tensor only");
    }
    views = Objects.requireNonNull(tensorViews, "tensorViews");
  }
}
