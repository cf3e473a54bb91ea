package io.inferlink.realservers;

/** {@link TritonV2GrpcIT}'s checks again with {@code ?contents=typed}: typed {@code InferTensorContents} instead of raw contents. */
class TritonV2GrpcTypedIT extends TritonV2GrpcIT {
  @Override
  protected String endpoint() {
    return super.endpoint() + "?contents=typed";
  }
}
