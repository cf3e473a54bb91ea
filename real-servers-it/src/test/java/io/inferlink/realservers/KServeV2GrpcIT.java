package io.inferlink.realservers;

import io.inferlink.DataType;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;

/**
 * The portability kit against {@code kserve-v2+grpc} and the real KServe 0.21.0 model server of {@code realservers/}.
 * Gaps: {@code model_version} is ignored (version "1" is answered by "2"); no BF16 in numpy.
 */
class KServeV2GrpcIT extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return peers().endpoint("kserve", "kserve-v2+grpc");
  }

  /** Where the servers run: {@code realservers/}'s (containers or processes); the official images' in a subclass. */
  RealPeers peers() {
    return RealPeers.get();
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v2-grpc";
  }

  @Override
  protected boolean hostsScriptedFailures() {
    return true; // fail and sleep exist; no observer, so the server-side checks of cancellation are skipped
  }

  @Override
  protected ServerGaps serverGaps() {
    return ServerGaps.builder().singleVersion().without(DataType.BF16).build();
  }
}
