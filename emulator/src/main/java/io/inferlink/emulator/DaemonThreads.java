package io.inferlink.emulator;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the emulator: daemon threads, so a forgotten server never holds a JVM open. */
final class DaemonThreads {
  private DaemonThreads() {}

  /** Names threads {@code prefix-1}, {@code prefix-2}, ... */
  static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
