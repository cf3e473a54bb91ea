package io.inferlink.credentials;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that tests move by hand, so expiry needs no waiting. Thread-safe. */
final class FakeClock implements LongSupplier {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  public long getAsLong() {
    return nanos.get();
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
