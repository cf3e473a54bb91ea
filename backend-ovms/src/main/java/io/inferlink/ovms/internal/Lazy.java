package io.inferlink.ovms.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A resource made on first use (a second connection pool only some clients need) and closed with
 * its owner. Thread-safe; after {@link #close()}, {@link #get()} fails with IllegalStateException.
 *
 * @param <T> the resource type
 */
final class Lazy<T> {
  private final Supplier<T> factory;
  private final Consumer<T> closer;
  private final String what;
  private T value;
  private boolean closed;

  Lazy(String what, Supplier<T> factory, Consumer<T> closer) {
    this.what = what;
    this.factory = factory;
    this.closer = closer;
  }

  synchronized T get() {
    if (closed) {
      throw new IllegalStateException(what + " is closed");
    }
    if (value == null) {
      value = factory.get();
    }
    return value;
  }

  /** Closes the resource if it was made; idempotent. */
  void close() {
    T made;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      made = value;
    }
    if (made != null) {
      closer.accept(made);
    }
  }
}
