package io.inferlink.transport.grpc.internal;

import io.grpc.CallOptions;
import io.inferlink.spi.support.SecretScrubber;

/**
 * Carries the secrets one call sent from {@link HeadersInterceptor}, which computes the call's
 * headers (its supplier runs once per call), to {@link GrpcCalls}, which builds the call's exception:
 * a slot in the call's {@link CallOptions}. Written once before the call starts and read after it
 * ends; thread-safe.
 */
final class SentSecrets {
  static final CallOptions.Key<SentSecrets> KEY = CallOptions.Key.create("inferlink-sent-secrets");

  private volatile SecretScrubber scrubber = SecretScrubber.NONE;

  /** The call options with a fresh slot. */
  static CallOptions attach(CallOptions options, SentSecrets slot) {
    return options.withOption(KEY, slot);
  }

  /** Records the scrubber of the call's headers, when the call has a slot. */
  static void record(CallOptions options, SecretScrubber scrubber) {
    SentSecrets slot = options.getOption(KEY);
    if (slot != null) {
      slot.scrubber = scrubber;
    }
  }

  /** The call's scrubber; {@link SecretScrubber#NONE} when no headers were sent. */
  SecretScrubber scrubber() {
    return scrubber;
  }
}
