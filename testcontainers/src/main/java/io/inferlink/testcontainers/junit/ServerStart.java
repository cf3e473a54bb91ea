package io.inferlink.testcontainers.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One start of a matrix server in one class run, and its stop; thread-safe (starts once, waited for by all). */
final class ServerStart {
  private final ServerEntry entry;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  ServerStart(ServerEntry entry) {
    this.entry = entry;
  }

  /** Starts the server on this thread; called once. */
  void run() {
    try {
      entry.server().start();
      done.complete(null);
    } catch (RuntimeException | Error e) {
      // Errors too: a container class missing from the class path is a NoClassDefFoundError, and the
      // runs waiting for this server must see it rather than wait for ever.
      done.completeExceptionally(e);
    }
  }

  /** Starts the server on a thread of its own; called once. */
  void runInBackground() {
    Thread thread = new Thread(this::run, "inferlink-matrix-start-" + entry.name());
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the start; null when the server started, else a fresh exception for one run to throw. */
  RuntimeException failure() {
    try {
      done.join();
      return null;
    } catch (CompletionException e) {
      return MatrixServerException.startFailed(entry.name(), e.getCause());
    }
  }

  /** Waits for the start, then stops the server, even one that failed to start (it may be half made). */
  void stop() {
    boolean started = failure() == null;
    try {
      entry.server().stop();
    } catch (RuntimeException | Error e) {
      if (started) {
        throw MatrixServerException.stopFailed(entry.name(), e);
      }
      // After a failed start every run of this server has already failed with the start's error; a
      // second error from tidying up would only hide it.
    }
  }
}
