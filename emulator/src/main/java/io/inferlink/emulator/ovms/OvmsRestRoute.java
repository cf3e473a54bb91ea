package io.inferlink.emulator.ovms;

import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;
import java.nio.charset.StandardCharsets;

/**
 * Every request to an emulated OVMS REST port: {@code /metrics}, {@code /v1/config} and
 * {@code /v1/config/reload} here; {@code /v2...} to the KServe API; other {@code /v1/...} paths to the
 * TF Serving API (or, from 2026.3, to the OpenAI-style model list); anything else 400
 * {@code Invalid request URL}. OVMS errors and model failures become {@code {"error": msg}} with
 * OVMS's statuses. Thread-safe.
 */
final class OvmsRestRoute implements HttpRoute {
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final CallRecorder recorder;
  private final OvmsModels models;
  private final OvmsTfsRest tfs; // null from 2026.3
  private final OvmsKfsRest kfs;
  private final OvmsMetrics metrics;
  private final OvmsConfig config;

  OvmsRestRoute(CallRecorder recorder, OvmsModels models, OvmsTfsRest tfs, OvmsKfsRest kfs, OvmsMetrics metrics,
      OvmsConfig config) {
    this.recorder = recorder;
    this.models = models;
    this.tfs = tfs;
    this.kfs = kfs;
    this.metrics = metrics;
    this.config = config;
  }

  @Override
  public HttpReply handle(HttpCall http) throws Exception {
    recorder.recordHeaders(http.headers());
    try {
      String path = http.rawPath();
      switch (path) {
        case "/metrics":
          OvmsPaths.requireMethod(http.method(), "GET");
          return HttpReply.of(200, PROMETHEUS, metrics.render().getBytes(StandardCharsets.UTF_8));
        case "/v1/config":
          OvmsPaths.requireMethod(http.method(), "GET");
          return config.status(models.script());
        case "/v1/config/reload":
          OvmsPaths.requireMethod(http.method(), "POST");
          return config.reload(models.script());
        default:
          break;
      }
      if (path.equals("/v2") || path.startsWith("/v2/")) {
        return kfs.handle(http);
      }
      if (path.startsWith("/v1/")) {
        return tfs != null ? tfs.handle(http) : OvmsOpenAiModels.answer(http, models.script());
      }
      throw OvmsError.invalidUrl();
    } catch (OvmsError e) {
      return OvmsJson.error(e.httpStatus(), e.getMessage());
    } catch (OvmsScript.ModelFailure f) {
      return OvmsJson.error(OvmsStatuses.httpStatus(f.code()), f.getMessage());
    }
  }
}
