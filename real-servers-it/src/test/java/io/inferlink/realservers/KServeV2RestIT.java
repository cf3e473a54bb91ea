package io.inferlink.realservers;

import io.inferlink.DataType;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;

/**
 * The portability kit against {@code kserve-v2+http} and the real KServe 0.21.0 model server of {@code realservers/}.
 * Gaps (realservers/README.md): every {@code /versions/<v>} path answers 501; no BF16 in numpy; a
 * zero-size tensor over REST fails inside KServe with 500 ({@code TypeError : sequence item 1: expected a
 * bytes-like object, NoneType found}).
 */
class KServeV2RestIT extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return peers().endpoint("kserve", "kserve-v2+http");
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
    return ServerGaps.builder().singleVersion().without(DataType.BF16).noZeroSize().build();
  }
}
