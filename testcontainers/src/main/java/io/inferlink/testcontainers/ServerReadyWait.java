package io.inferlink.testcontainers;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * The wait every model server container uses by default: each of the server's readiness URLs in turn,
 * within one startup timeout. The URLs are asked for when the wait starts, once the ports are known.
 */
final class ServerReadyWait extends AbstractWaitStrategy {
  private final Supplier<List<Target>> targets;
  private final ReadinessPoller poller = new ReadinessPoller(Duration.ofMillis(250));

  ServerReadyWait(Supplier<List<Target>> targets, Duration startupTimeout) {
    this.targets = targets;
    this.startupTimeout = startupTimeout;
  }

  /** The timeout this wait gives the server (users change it with {@code withStartupTimeout}). */
  Duration startupTimeout() {
    return startupTimeout;
  }

  @Override
  protected void waitUntilReady() {
    Instant deadline = Instant.now().plus(startupTimeout);
    for (Target target : targets.get()) {
      poller.await(target.uri(), target.check(), deadline, waitStrategyTarget::isRunning, waitStrategyTarget::getLogs);
    }
  }

  /** One readiness URL and what it must answer. */
  record Target(URI uri, ReadinessCheck check) {}
}
