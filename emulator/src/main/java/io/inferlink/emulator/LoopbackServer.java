package io.inferlink.emulator;

import java.time.Duration;

/**
 * A server of the emulator, listening on 127.0.0.1 only, so that nothing outside this machine can
 * ever reach it; on an ephemeral port, unless a standalone emulator asks for a fixed one. Ours share
 * one lifecycle, {@link AbstractLoopbackServer}. Implementations must be thread-safe: {@link #close()}
 * may come from any thread, including the server's own lifetime timer.
 */
public interface LoopbackServer extends AutoCloseable {
  /** The only address emulator servers bind to. */
  String HOST = "127.0.0.1";
  /** How long a server runs at most unless told otherwise. */
  Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
  /** The largest request a server accepts unless told otherwise: room for multi-MiB tensors, as JSON too. */
  int DEFAULT_MAX_REQUEST_BYTES = 256 * 1024 * 1024;

  /**
   * Binds 127.0.0.1 on a port the system picks and starts serving; starting a running server does
   * nothing.
   *
   * @return this server, running
   * @throws java.io.UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when the server was already closed
   */
  LoopbackServer start();

  /**
   * Like {@link #start()}, on 127.0.0.1 and the given port (0 lets the system pick one), for a
   * standalone emulator that clients find on a known port. Servers that cannot choose their port
   * refuse any but 0.
   *
   * @param port the port to bind, 1 to 65535, or 0 for one the system picks
   * @return this server, running
   * @throws java.io.UncheckedIOException when the port cannot be bound (in use, say)
   * @throws IllegalArgumentException when the port is outside 0..65535, or the server cannot choose
   */
  default LoopbackServer start(int port) {
    if (port != 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " cannot listen on a chosen port");
    }
    return start();
  }

  /**
   * The port the server listens on.
   *
   * @return the bound port
   * @throws IllegalStateException before {@link #start()}
   */
  int port();

  /**
   * True between {@link #start()} and {@link #close()} (or the end of its lifetime).
   *
   * @return true while the server is serving
   */
  boolean isRunning();

  /** Stops serving and ends the server's threads. Idempotent; never throws. */
  @Override
  void close();
}
