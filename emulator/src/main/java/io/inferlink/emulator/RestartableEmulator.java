package io.inferlink.emulator;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An emulator that a test can kill and bring back on the same ports, as a replica that crashes and is
 * restarted: {@link #kill()} closes the running {@link Emulator} (connections drop, calls in flight
 * fail, new ones are refused), {@link #restart()} builds a fresh one from the same recipe on the ports
 * the first one got, so endpoint strings taken before the kill reach it again. The restarted emulator
 * starts as a new process would: a new call recorder, not overloaded. Thread-safe.
 */
public final class RestartableEmulator implements AutoCloseable {
  /** How long {@link #restart()} keeps trying a port another socket still holds. */
  static final Duration BIND_PATIENCE = Duration.ofSeconds(5);

  private final Supplier<Emulator.Builder> recipe;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private Emulator current;
  private boolean running;
  private boolean closed;

  private RestartableEmulator(Supplier<Emulator.Builder> recipe) {
    this.recipe = recipe;
  }

  /**
   * Builds and starts the first emulator from {@code recipe} (which must give a new builder, with its
   * frontends, on every call) on ephemeral ports, and remembers the ports.
   *
   * @param recipe makes a new emulator builder, with its frontends, on every call
   * @return a new handle whose emulator is running; the caller closes it
   */
  public static RestartableEmulator start(Supplier<Emulator.Builder> recipe) {
    RestartableEmulator replica = new RestartableEmulator(Objects.requireNonNull(recipe, "recipe"));
    Emulator first = recipe.get().build().start();
    for (String protocol : first.protocols()) {
      replica.ports.put(protocol, first.port(protocol));
    }
    replica.current = first;
    replica.running = true;
    return replica;
  }

  /**
   * The emulator running now, or the one last killed.
   *
   * @return the current emulator, running or killed
   */
  public synchronized Emulator current() {
    return current;
  }

  /**
   * True between a start or restart and the next kill.
   *
   * @return true while an emulator is running
   */
  public synchronized boolean isRunning() {
    return running;
  }

  /**
   * The endpoint string for a scheme; the same before a kill and after the restart.
   *
   * @param scheme a client endpoint scheme, e.g. {@code kserve-v2+http}
   * @return the endpoint with the scheme, 127.0.0.1 and the remembered port
   */
  public synchronized String endpoint(String scheme) {
    // From the remembered port: the emulator may be down right now.
    return scheme + "://" + LoopbackServer.HOST + ":" + ports.get(current.protocolServing(scheme));
  }

  /** Stops the running emulator at once, as a crash would. Killing a killed replica does nothing. */
  public synchronized void kill() {
    if (running) {
      current.close();
      running = false;
    }
  }

  /**
   * Starts a new emulator from the recipe on the same ports. Restarting a running replica does nothing.
   *
   * @throws IllegalStateException after {@link #close()}
   * @throws UncheckedIOException when a port stays taken for {@link #BIND_PATIENCE}
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("the replica was closed");
    }
    if (running) {
      return;
    }
    long giveUp = System.nanoTime() + BIND_PATIENCE.toNanos();
    while (true) {
      Emulator.Builder builder = recipe.get();
      ports.forEach(builder::port);
      try {
        current = builder.build().start();
        running = true;
        return;
      } catch (UncheckedIOException e) {
        if (System.nanoTime() > giveUp) {
          throw e;
        }
        pause();
      }
    }
  }

  /** Kills the replica for good. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    kill();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restarting", e);
    }
  }
}
