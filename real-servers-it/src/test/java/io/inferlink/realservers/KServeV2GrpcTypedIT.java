package io.inferlink.realservers;

/** {@link KServeV2GrpcIT}'s checks again with {@code ?contents=typed}: typed {@code InferTensorContents} instead of raw contents. */
class KServeV2GrpcTypedIT extends KServeV2GrpcIT {
  @Override
  protected String endpoint() {
    return super.endpoint() + "?contents=typed";
  }
}
