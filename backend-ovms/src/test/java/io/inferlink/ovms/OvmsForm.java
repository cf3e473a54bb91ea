package io.inferlink.ovms;

/** The four ways to reach OVMS: its two APIs, each over REST and gRPC. */
enum OvmsForm {
  KSERVE_REST("ovms+http", ""),
  KSERVE_GRPC("ovms+grpc", ""),
  TFS_REST("ovms+http", "?api=tfs"),
  TFS_GRPC("ovms+grpc", "?api=tfs");

  final String scheme;
  final String query;

  OvmsForm(String scheme, String query) {
    this.scheme = scheme;
    this.query = query;
  }

  boolean grpc() {
    return scheme.endsWith("grpc");
  }

  boolean tfs() {
    return !query.isEmpty();
  }
}
