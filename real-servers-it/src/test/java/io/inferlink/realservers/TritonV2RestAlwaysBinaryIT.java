package io.inferlink.realservers;

/** {@link TritonV2RestIT}'s checks again with {@code ?binary=always}: every tensor binary both ways (Triton's own binary tensor data extension). */
class TritonV2RestAlwaysBinaryIT extends TritonV2RestIT {
  @Override
  protected String endpoint() {
    return super.endpoint() + "?binary=always";
  }
}
