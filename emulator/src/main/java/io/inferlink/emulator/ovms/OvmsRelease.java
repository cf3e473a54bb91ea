package io.inferlink.emulator.ovms;

/**
 * Which OpenVINO Model Server the emulator plays, told apart by the APIs it serves (PROTOCOLS.md
 * §4.1). Immutable and thread-safe.
 */
public enum OvmsRelease {
  /** 2026.2 and earlier: the TF Serving API (REST and gRPC) next to the KServe API. */
  V2026_2("2026.2.0", true),
  /**
   * 2026.3 and later: the KServe API only. TF Serving's gRPC services are gone (UNIMPLEMENTED), and
   * {@code /v1/models} paths answer OpenAI-style model lists instead of TF Serving documents.
   */
  V2026_3("2026.3.0", false);

  private final String version;
  private final boolean tfServingApi;

  OvmsRelease(String version, boolean tfServingApi) {
    this.version = version;
    this.tfServingApi = tfServingApi;
  }

  /**
   * The version string server metadata reports.
   *
   * @return the version, e.g. {@code "2026.2.0"}
   */
  public String version() {
    return version;
  }

  /**
   * Whether this release still serves the TF Serving API.
   *
   * @return true when the release serves the TF Serving API besides KServe's
   */
  public boolean hasTfServingApi() {
    return tfServingApi;
  }
}
