package io.inferlink.micrometer;

import io.inferlink.emulator.Emulator;

/**
 * Every protocol the emulator serves, as a client reaches it, and the provider that answers; OVMS over
 * both of its APIs (KServe's by default, TF Serving's with {@code ?api=tfs}) on both ports.
 */
enum ServedProtocol {
  TFSERVING_REST("tfserving+http", "tfserving-rest"),
  TFSERVING_GRPC("tfserving+grpc", "tfserving-grpc"),
  KSERVE_V1_REST("kserve-v1+http", "kserve-v1-rest"),
  KSERVE_V2_REST("kserve-v2+http", "kserve-v2-rest"),
  KSERVE_V2_GRPC("kserve-v2+grpc", "kserve-v2-grpc"),
  OVMS_REST("ovms+http", "ovms-rest"),
  OVMS_GRPC("ovms+grpc", "ovms-grpc"),
  OVMS_TFS_REST("ovms+http", "ovms-rest", "?api=tfs"),
  OVMS_TFS_GRPC("ovms+grpc", "ovms-grpc", "?api=tfs");

  final String scheme;
  final String provider;
  final String query;

  ServedProtocol(String scheme, String provider) {
    this(scheme, provider, "");
  }

  ServedProtocol(String scheme, String provider, String query) {
    this.scheme = scheme;
    this.provider = provider;
    this.query = query;
  }

  String endpoint(Emulator emulator) {
    return emulator.endpoint(scheme) + query;
  }
}
