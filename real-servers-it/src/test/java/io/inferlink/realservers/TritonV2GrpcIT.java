package io.inferlink.realservers;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;

/**
 * The portability kit against {@code kserve-v2+grpc} and the real Triton 2.51.0 (through PyTriton 0.7.0) of {@code realservers/}.
 * Gaps as for {@link TritonV2RestIT}.
 */
class TritonV2GrpcIT extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return RealPeers.get().endpoint("pytriton", "kserve-v2+grpc");
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
    return ServerGaps.builder().singleVersion().without(DataType.BF16).noScalars().noZeroSize()
        .failureCodes(code -> ErrorCode.INTERNAL).build();
  }
}
