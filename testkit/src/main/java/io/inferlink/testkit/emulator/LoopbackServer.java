package io.inferlink.testkit.emulator;

/**
 * A server of the emulator, listening on 127.0.0.1 and an ephemeral port only, so that nothing
 * outside this machine can ever reach it. Implementations must be thread-safe: {@link #close()} may
 * come from any thread, including the server's own lifetime timer.
 */
public interface LoopbackServer extends AutoCloseable {
  /** The only address emulator servers bind to. */
  String HOST = "127.0.0.1";

  /**
   * Binds 127.0.0.1 on a port the system picks and starts serving; starting a running server does
   * nothing.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when the server was already closed
   */
  LoopbackServer start();

  /**
   * The port the server listens on.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  int port();

  /** True between {@link #start()} and {@link #close()} (or the end of its lifetime). */
  boolean isRunning();

  /** Stops serving and ends the server's threads. Idempotent; never throws. */
  @Override
  void close();
}
