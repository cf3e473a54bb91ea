package io.inferlink.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which Inferlink artifact serves each well-known scheme, for the "add this artifact" hint. */
final class KnownSchemes {
  private static final Map<String, String> ARTIFACTS = new LinkedHashMap<>();

  static {
    put("backend-tfserving-rest", "tfserving+http", "tfserving+https", "paperspace", "paperspace+https");
    put("backend-tfserving-grpc", "tfserving+grpc", "tfserving+grpcs");
    put("backend-kserve-v2", "kserve-v1+http", "kserve-v1+https", "kserve-v2+http", "kserve-v2+https",
        "kserve-v2+grpc", "kserve-v2+grpcs");
    put("backend-ovms", "ovms+http", "ovms+https", "ovms+grpc", "ovms+grpcs");
  }

  private KnownSchemes() {}

  private static void put(String artifact, String... schemes) {
    for (String s : schemes) {
      ARTIFACTS.put(s, artifact);
    }
  }

  /** The artifact id that provides the scheme, or {@code null} when it is not one of ours. */
  static String artifactFor(String scheme) {
    return ARTIFACTS.get(scheme);
  }
}
