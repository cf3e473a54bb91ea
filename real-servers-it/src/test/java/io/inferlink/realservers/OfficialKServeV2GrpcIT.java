package io.inferlink.realservers;

/**
 * {@link KServeV2GrpcIT} (the same kit, gaps and settings) against the official image
 * {@code kserve/sklearnserver} ({@code kserve_models.py}) on Docker's bridge
 * network: the opt-in run of {@link OfficialImages}.
 */
@OfficialImages
class OfficialKServeV2GrpcIT extends KServeV2GrpcIT {
  @Override
  RealPeers peers() {
    return RealPeers.officialImages();
  }
}
