package io.inferlink.emulator;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** The threads a test started, and the wait for them to end after a close. */
public final class NewThreads {
  /**
   * How long the set must stay empty to count as settled: grpc-java's shared pools and Netty's
   * {@code globalEventExecutor} end about a second after their last task, and the last close may hand them
   * one more task just after the set first looked empty.
   */
  private static final Duration QUIET = Duration.ofMillis(1500);

  private NewThreads() {
  }

  /** Threads alive now that were not in {@code before}. */
  public static Set<Thread> since(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
        .collect(Collectors.toSet());
  }

  /**
   * Waits up to {@code limit} for the threads started since {@code before} to end and stay ended for a
   * short quiet period; answers the names of those still alive when it gives up (empty when settled).
   */
  public static Set<String> awaitNoneSince(Set<Thread> before, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long quietSince = -1;
    while (System.nanoTime() < deadline) {
      if (since(before).isEmpty()) {
        if (quietSince < 0) {
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
          return Set.of();
        }
      } else {
        quietSince = -1;
      }
      Thread.sleep(50);
    }
    return since(before).stream().map(Thread::getName).collect(Collectors.toSet());
  }
}
