package io.inferlink.realservers;

/**
 * {@link MLServerV2GrpcIT} (the same kit, gaps and settings) against the official image
 * {@code seldonio/mlserver} ({@code mlserver_models}) on Docker's bridge
 * network: the opt-in run of {@link OfficialImages}.
 */
@OfficialImages
class OfficialMLServerV2GrpcIT extends MLServerV2GrpcIT {
  @Override
  RealPeers peers() {
    return RealPeers.officialImages();
  }
}
