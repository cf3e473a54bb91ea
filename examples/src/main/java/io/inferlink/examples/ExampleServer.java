package io.inferlink.examples;

import io.inferlink.ClientOptions;
import io.inferlink.emulator.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where an example sends its calls: the server that {@code INFERLINK_ENDPOINT} and the other
 * {@code INFERLINK_*} variables configure (read by {@link ClientOptions#fromEnvironment(Map)}), or,
 * when no endpoint is configured, an emulator the example starts on 127.0.0.1 with the frontends it
 * needs and stops in {@link #close()}. The emulator hosts the kit's models ({@code identity},
 * {@code add_one}, {@code classifier}, {@code versioned}...), so an example pointed at a real server
 * needs models of the same names and contracts ({@link io.inferlink.emulator.KitContract}, documented
 * in the kit's {@code KitModels}). Not thread-safe; one per example run.
 */
public final class ExampleServer implements AutoCloseable {
  /** An example's emulator stops itself after this long even if nobody closes it. */
  static final Duration EMULATOR_LIFETIME = Duration.ofMinutes(10);

  private final ClientOptions configured;
  private final Emulator emulator; // null when a server is configured

  private ExampleServer(ClientOptions configured, Emulator emulator) {
    this.configured = configured;
    this.emulator = emulator;
  }

  /**
   * Reads the configuration; when it names no endpoint, starts an emulator with the frontends that
   * {@code frontends} adds.
   */
  public static ExampleServer fromEnvironment(Map<String, String> environment, Consumer<Emulator.Builder> frontends) {
    ClientOptions options = ClientOptions.fromEnvironment(environment);
    if (options.endpoint() != null) {
      return new ExampleServer(options, null);
    }
    Emulator.Builder builder = Emulator.builder().maxLifetime(EMULATOR_LIFETIME);
    frontends.accept(builder);
    return new ExampleServer(options, builder.build().start());
  }

  /** True when the example runs against the emulator it started. */
  public boolean isEmulated() {
    return emulator != null;
  }

  /**
   * The emulator.
   *
   * @throws IllegalStateException when a server is configured instead
   */
  public Emulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("a server is configured: there is no emulator");
    }
    return emulator;
  }

  /** The options from the environment (without an endpoint, the defaults for the emulator). */
  public ClientOptions options() {
    return configured;
  }

  /**
   * The endpoints to run against: the configured one, or the emulator's endpoint for each of
   * {@code emulatedSchemes}.
   */
  public List<String> endpoints(String... emulatedSchemes) {
    if (emulator == null) {
      return List.of(configured.endpoint());
    }
    return List.of(emulatedSchemes).stream().map(emulator::endpoint).toList();
  }

  /** The configured endpoint, or the emulator's for {@code emulatedScheme}. */
  public String endpoint(String emulatedScheme) {
    return emulator == null ? configured.endpoint() : emulator.endpoint(Objects.requireNonNull(emulatedScheme));
  }

  /** Stops the emulator, if the example started one. */
  @Override
  public void close() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
