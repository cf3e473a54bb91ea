package io.inferlink.testcontainers.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.lifecycle.Startable;

/**
 * A {@link Startable} that counts its starts and stops and writes them to a shared event log, and can be
 * told to fail either. Its endpoints are fixed strings; nothing listens on them.
 */
final class FakeServer implements Startable {
  /** Everything fakes and fixture tests did, in order. */
  static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
  private static final AtomicInteger STARTING = new AtomicInteger();
  private static final AtomicInteger MOST_STARTING_AT_ONCE = new AtomicInteger();

  private final String name;
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicInteger stops = new AtomicInteger();
  private volatile String startFailure;
  private volatile String stopFailure;
  private volatile CountDownLatch rendezvous;

  FakeServer(String name) {
    this.name = name;
  }

  static void resetLog() {
    EVENTS.clear();
    MOST_STARTING_AT_ONCE.set(0);
  }

  static int mostStartingAtOnce() {
    return MOST_STARTING_AT_ONCE.get();
  }

  void reset() {
    starts.set(0);
    stops.set(0);
    startFailure = null;
    stopFailure = null;
    rendezvous = null;
  }

  FakeServer failingToStart(String message) {
    startFailure = message;
    return this;
  }

  FakeServer failingToStop(String message) {
    stopFailure = message;
    return this;
  }

  /** Makes start() wait (up to 10 s) until every fake holding the same latch is starting too. */
  FakeServer meetingAtStart(CountDownLatch latch) {
    rendezvous = latch;
    return this;
  }

  String grpcEndpoint() {
    return "kserve-v2+grpc://127.0.0.1:" + port(1);
  }

  String httpEndpoint() {
    return "kserve-v2+http://127.0.0.1:" + port(2);
  }

  private int port(int offset) {
    return 20000 + Math.abs(name.hashCode() % 1000) * 10 + offset;
  }

  int starts() {
    return starts.get();
  }

  int stops() {
    return stops.get();
  }

  @Override
  public void start() {
    int now = STARTING.incrementAndGet();
    MOST_STARTING_AT_ONCE.accumulateAndGet(now, Math::max);
    try {
      starts.incrementAndGet();
      EVENTS.add("start " + name);
      CountDownLatch latch = rendezvous;
      if (latch != null) {
        latch.countDown();
        if (!latch.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException(name + " started alone: the others never started beside it");
        }
      } else {
        // Long enough for a second start on another thread to overlap, were there one.
        Thread.sleep(50);
      }
      if (startFailure != null) {
        throw new IllegalStateException(startFailure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      STARTING.decrementAndGet();
    }
  }

  @Override
  public void stop() {
    stops.incrementAndGet();
    EVENTS.add("stop " + name);
    if (stopFailure != null) {
      throw new IllegalStateException(stopFailure);
    }
  }
}
