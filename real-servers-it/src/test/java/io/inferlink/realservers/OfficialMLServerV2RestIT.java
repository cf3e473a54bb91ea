package io.inferlink.realservers;

/**
 * {@link MLServerV2RestIT} (the same kit, gaps and settings) against the official image
 * {@code seldonio/mlserver} ({@code mlserver_models}) on Docker's bridge
 * network: the opt-in run of {@link OfficialImages}.
 */
@OfficialImages
class OfficialMLServerV2RestIT extends MLServerV2RestIT {
  @Override
  RealPeers peers() {
    return RealPeers.officialImages();
  }
}
