package io.inferlink.testcontainers.junit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers one test class run of a matrix has started, in start order, stopped after the class.
 * Kept per class run rather than in the matrix, so that a class run twice in one JVM starts its
 * servers again. Thread-safe: parallel test methods asking for one server share its one start.
 */
final class MatrixRun {
  private final String ownerId;
  private final Map<ServerEntry, ServerStart> starts = new LinkedHashMap<>();

  /** @param ownerId the unique id of the class whose run this is; only its end stops the servers */
  MatrixRun(String ownerId) {
    this.ownerId = ownerId;
  }

  boolean isOwnedBy(String uniqueId) {
    return ownerId.equals(uniqueId);
  }

  /** The server's start in this run, begun on this thread if it is the first to ask; waits for nothing. */
  ServerStart start(ServerEntry entry) {
    ServerStart start;
    synchronized (this) {
      start = starts.get(entry);
      if (start != null) {
        return start;
      }
      start = new ServerStart(entry);
      starts.put(entry, start);
    }
    // Outside the lock: one slow container must not hold up runs of servers already started.
    start.run();
    return start;
  }

  /** Begins every server not yet started, each on its own thread. */
  void startInBackground(Collection<ServerEntry> entries) {
    List<ServerStart> fresh = new ArrayList<>();
    synchronized (this) {
      for (ServerEntry entry : entries) {
        if (!starts.containsKey(entry)) {
          ServerStart start = new ServerStart(entry);
          starts.put(entry, start);
          fresh.add(start);
        }
      }
    }
    fresh.forEach(ServerStart::runInBackground);
  }

  /**
   * Stops every server this run started, the last started first (a later server may use an earlier one).
   *
   * @throws MatrixServerException for the first server that failed to stop, the others' errors suppressed
   */
  void stopAll() {
    List<ServerStart> toStop;
    synchronized (this) {
      toStop = new ArrayList<>(starts.values());
      starts.clear();
    }
    Collections.reverse(toStop);
    RuntimeException first = null;
    for (ServerStart start : toStop) {
      try {
        start.stop();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
