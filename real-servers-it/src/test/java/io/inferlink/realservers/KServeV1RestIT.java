package io.inferlink.realservers;

import io.inferlink.testkit.InferenceClientCompatibilityKit;
import io.inferlink.testkit.ServerGaps;

/**
 * The portability kit against {@code kserve-v1+http} and the real KServe 0.21.0 model server of
 * {@code realservers/}. V1 itself declares few capabilities (no versions, metadata, scalars...), and
 * the kit checks those are refused before sending. Gaps: KServe parses JSON with orjson, which
 * refuses {@code NaN} and {@code Infinity} (400), so non-finite floats cannot travel over V1; the
 * script's {@code fail} and {@code sleep} models answer V2 only.
 */
class KServeV1RestIT extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return RealPeers.get().endpoint("kserve", "kserve-v1+http");
  }

  @Override
  protected String expectedProviderName() {
    return "kserve-v1-rest";
  }

  @Override
  protected ServerGaps serverGaps() {
    return ServerGaps.builder().noNonFiniteFloats().build();
  }
}
