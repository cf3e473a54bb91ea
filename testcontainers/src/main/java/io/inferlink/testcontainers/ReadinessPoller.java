package io.inferlink.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testcontainers.containers.ContainerLaunchException;

/**
 * Polls one readiness URL until it answers as the check wants, the container stops, or the deadline
 * passes. Testcontainers' own HTTP wait asks for mapped ports, which a host-network container has none
 * of; this one takes the URL as it is, so both network modes use the same wait. Thread-safe.
 */
final class ReadinessPoller {
  /** How many lines of the container's log a failure message carries. */
  static final int LOG_TAIL_LINES = 40;

  private final HttpClient http;
  private final Duration interval;

  ReadinessPoller(Duration interval) {
    // HTTP/1.1: no h2c upgrade offer, which some servers' HTTP stacks answer badly.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    this.interval = interval;
  }

  /**
   * Returns once {@code uri} answers 200 with a body {@code check} accepts.
   *
   * @throws ContainerLaunchException when the container stops or {@code deadline} passes first; the
   *     message names the URL, what it last answered and the tail of the container's log
   */
  void await(URI uri, ReadinessCheck check, Instant deadline, BooleanSupplier running, Supplier<String> logs) {
    String last = "no answer yet";
    while (true) {
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && check.acceptsBody().test(answer.body())) {
          return;
        }
        last = "HTTP " + answer.statusCode() + " " + abbreviate(answer.body());
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for GET " + uri);
      }
      if (!running.getAsBoolean()) {
        throw failure("the container stopped before GET " + uri + " answered " + check.expectation()
            + " (last: " + last + ")", logs);
      }
      if (!Instant.now().plus(interval).isBefore(deadline)) {
        throw failure("GET " + uri + " did not answer " + check.expectation() + " before the startup timeout"
            + " (last: " + last + ")", logs);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for GET " + uri);
      }
    }
  }

  private static ContainerLaunchException failure(String what, Supplier<String> logs) {
    String tail;
    try {
      tail = tail(logs.get(), LOG_TAIL_LINES);
    } catch (RuntimeException e) {
      tail = "(the container's log could not be read: " + e.getMessage() + ")";
    }
    return new ContainerLaunchException("model server not ready: " + what + "; last " + LOG_TAIL_LINES
        + " lines of its log:\n" + tail);
  }

  /** The last {@code lines} lines of {@code text}. */
  static String tail(String text, int lines) {
    String[] all = text.split("\n", -1);
    int end = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
    int start = Math.max(0, end - lines);
    return String.join("\n", java.util.Arrays.copyOfRange(all, start, end));
  }

  private static String abbreviate(String body) {
    String flat = body.replaceAll("\\s+", " ").trim();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }
}
