package io.inferlink.emulator;

import io.inferlink.ServerMetadata;
import java.time.Duration;
import java.util.Objects;

/**
 * What an {@link Emulator} gives each {@link ProtocolFrontend}: the models to serve, where to report
 * calls, what the server says about itself, and how long its servers may live. Immutable and
 * thread-safe.
 *
 * @param script the models
 * @param recorder where every call's headers and cancellation are reported
 * @param server the server name and version that metadata endpoints answer
 * @param maxLifetime how long a server runs at most before it stops itself
 * @param overload the emulator's overload switch, which every server of it obeys
 */
public record FrontendContext(ModelScript script, CallRecorder recorder, ServerMetadata server, Duration maxLifetime,
    Overload overload) {
  /**
   * Checks that nothing is missing.
   *
   * @param script the models
   * @param recorder where every call's headers and cancellation are reported
   * @param server the server name and version that metadata endpoints answer
   * @param maxLifetime how long a server runs at most before it stops itself
   * @param overload the emulator's overload switch, which every server of it obeys
   * @throws NullPointerException when any of them is null
   */
  public FrontendContext {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    Objects.requireNonNull(overload, "overload");
  }

  /**
   * A context whose servers are never overloaded (a switch nobody holds).
   *
   * @param script the models
   * @param recorder where every call's headers and cancellation are reported
   * @param server the server name and version that metadata endpoints answer
   * @param maxLifetime how long a server runs at most before it stops itself
   */
  public FrontendContext(ModelScript script, CallRecorder recorder, ServerMetadata server, Duration maxLifetime) {
    this(script, recorder, server, maxLifetime, new Overload());
  }
}
