package io.inferlink.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one lifecycle of the emulator's loopback servers, HTTP and gRPC alike: {@link #start(int)}
 * binds 127.0.0.1 (on a port the system picks, or a chosen one) and arms the maximum lifetime, after
 * which the server closes itself; {@link #close()} runs once, from any thread, the lifetime timer's
 * included. A subclass only opens its transport on an address and releases it again. Threads are
 * named {@code inferlink-emulator-<name>...}. Thread-safe.
 *
 * @param <S> the concrete server, which {@link #start} returns
 */
public abstract class AbstractLoopbackServer<S extends AbstractLoopbackServer<S>> implements LoopbackServer {
  /** 127.0.0.1, the only address the servers bind. */
  static final InetAddress LOOPBACK = loopback();

  private final String name;
  private final Duration maxLifetime;
  private ScheduledThreadPoolExecutor lifetimeTimer;
  private volatile Thread lifetimeThread;
  private boolean started;
  private boolean closed;

  AbstractLoopbackServer(LoopbackServerBuilder<?> settings) {
    this.name = settings.name();
    this.maxLifetime = settings.maxLifetime();
  }

  /**
   * Opens the transport on this address, naming its threads with this prefix; called once, under the
   * server's lock. When it fails it releases whatever it made before throwing.
   *
   * @throws IOException when the address cannot be bound
   */
  abstract void open(InetSocketAddress address, String threadPrefix) throws IOException;

  /** The port the open transport listens on. */
  abstract int boundPort();

  /**
   * Stops serving and ends every thread of the transport, waiting a few seconds at most; called once,
   * after {@link #open} succeeded, outside the server's lock.
   */
  abstract void release();

  @Override
  public S start() {
    return start(0);
  }

  @Override
  public final synchronized S start(int port) {
    LoopbackPorts.check(port);
    if (closed) {
      throw new IllegalStateException("server '" + name + "' was closed");
    }
    if (!started) {
      try {
        open(new InetSocketAddress(LOOPBACK, port), threadPrefix());
      } catch (IOException e) {
        throw new UncheckedIOException("server '" + name + "' could not bind " + HOST + ":" + port, e);
      }
      ThreadFactory named = DaemonThreads.named(threadPrefix() + "-lifetime");
      lifetimeTimer = new ScheduledThreadPoolExecutor(1, r -> lifetimeThread = named.newThread(r));
      lifetimeTimer.setRemoveOnCancelPolicy(true);
      lifetimeTimer.schedule(this::close, maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
      started = true;
    }
    return self();
  }

  @Override
  public final synchronized int port() {
    if (!started) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    return boundPort();
  }

  @Override
  public final synchronized boolean isRunning() {
    return started && !closed;
  }

  @Override
  public final void close() {
    ScheduledThreadPoolExecutor timer;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (!started) {
        return;
      }
      timer = lifetimeTimer;
    }
    release();
    timer.shutdownNow();
    // When the lifetime ran out, this is the timer's own thread, which ends once close() returns.
    if (Thread.currentThread() != lifetimeThread) {
      awaitQuietly(timer);
    }
  }

  /** The name the server was built with. */
  final String name() {
    return name;
  }

  /** True once {@link #close()} began. */
  final synchronized boolean isClosing() {
    return closed;
  }

  private String threadPrefix() {
    return "inferlink-emulator-" + name;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Waits for a pool the server shut down, a few seconds at most; keeps the interrupt if one comes. */
  static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
