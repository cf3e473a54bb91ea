package io.inferlink.realservers;

import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;

/**
 * The portability kit against {@code kserve-v2+http} and the real MLServer 1.7.1 of {@code realservers/}.
 * MLServer 1.7.1 has no binary tensor data extension (its {@code /v2} lists no extensions, and a binary
 * body fails FastAPI's JSON validation), so the client runs with {@code binary=never}: FP16 and BF16
 * are then refused before sending. Its JSON parser also refuses NaN and infinities
 * ({@code JSON decode error}), which then cannot be sent at all.
 */
class MLServerV2RestIT extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return peers().endpoint("mlserver", "kserve-v2+http") + "?binary=never";
  }

  /** Where the servers run: {@code realservers/}'s (containers or processes); the official images' in a subclass. */
  RealPeers peers() {
    return RealPeers.get();
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v2-rest";
  }

  @Override
  protected boolean hostsScriptedFailures() {
    return true; // fail and sleep exist; no observer, so the server-side checks of cancellation are skipped
  }

  @Override
  protected ServerGaps serverGaps() {
    return ServerGaps.builder().noNonFiniteFloats().build();
  }
}
