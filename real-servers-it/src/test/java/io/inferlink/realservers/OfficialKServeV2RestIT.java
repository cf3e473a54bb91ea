package io.inferlink.realservers;

/**
 * {@link KServeV2RestIT} (the same kit, gaps and settings) against the official image
 * {@code kserve/sklearnserver} ({@code kserve_models.py}) on Docker's bridge
 * network: the opt-in run of {@link OfficialImages}.
 */
@OfficialImages
class OfficialKServeV2RestIT extends KServeV2RestIT {
  @Override
  RealPeers peers() {
    return RealPeers.officialImages();
  }
}
