package io.inferlink.realservers;

/** {@link MLServerV2GrpcIT}'s checks again with {@code ?contents=typed}: typed {@code InferTensorContents} instead of raw contents. */
class MLServerV2GrpcTypedIT extends MLServerV2GrpcIT {
  @Override
  protected String endpoint() {
    return super.endpoint() + "?contents=typed";
  }
}
