package io.inferlink.realservers;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;

/**
 * The portability kit against {@code kserve-v2+grpc} and the real MLServer 1.7.1 of {@code realservers/}.
 * Gaps: no BF16 ({@code 'BF16' is not a valid Datatype}); {@code ModelReady} of an unknown model fails
 * with UNKNOWN instead of answering false; MLServer turns errors into gRPC codes through their HTTP
 * status and knows only 400, 404 and 500 (everything else is UNKNOWN).
 */
class MLServerV2GrpcIT extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return peers().endpoint("mlserver", "kserve-v2+grpc");
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
    return ServerGaps.builder().without(DataType.BF16).unknownModelReadyFails()
        .failureCodes(MLServerV2GrpcIT::throughMlserverStatus).build();
  }

  /** The code a gRPC client sees: MLServer maps the error's HTTP status, and only 400, 404 and 500. */
  private static ErrorCode throughMlserverStatus(ErrorCode code) {
    switch (io.inferlink.spi.support.HttpStatusTable.toHttpStatus(code)) {
      case 400: return ErrorCode.INVALID_ARGUMENT;
      case 404: return ErrorCode.NOT_FOUND;
      case 500: return ErrorCode.INTERNAL;
      default: return ErrorCode.UNKNOWN;
    }
  }
}
