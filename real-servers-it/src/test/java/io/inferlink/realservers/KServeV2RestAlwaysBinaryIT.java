package io.inferlink.realservers;

/** {@link KServeV2RestIT}'s checks again with {@code ?binary=always}: every tensor binary both ways (KServe's implementation of the extension). */
class KServeV2RestAlwaysBinaryIT extends KServeV2RestIT {
  @Override
  protected String endpoint() {
    return super.endpoint() + "?binary=always";
  }
}
