package io.inferlink.transport.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes the daemon threads {@code inferlink-http-N} of one transport and remembers them. Thread-safe. */
final class DaemonThreads implements ThreadFactory {
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(() -> {
      try {
        r.run();
      } finally {
        threads.remove(Thread.currentThread());
      }
    }, "inferlink-http-" + NEXT.getAndIncrement());
    t.setDaemon(true);
    threads.add(t);
    return t;
  }

  /** True when the calling thread is one of ours (then it must not wait for our threads to end). */
  boolean isOwnThread() {
    return threads.contains(Thread.currentThread());
  }
}
