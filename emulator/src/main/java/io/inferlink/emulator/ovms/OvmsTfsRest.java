package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;
import io.inferlink.emulator.ResolvedModel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OVMS's TF Serving REST API (2026.2 and earlier; PROTOCOLS.md §4.3, §4.4) in front of the
 * emulator's TF Serving route: OVMS's path expressions, its resolution (version 0 is the latest,
 * labels are ignored, a loading version is "not loaded yet"), its messages, 404 for classify and
 * regress, and metadata spelt as OVMS prints it. Thread-safe.
 */
final class OvmsTfsRest {
  private static final String SPEC = "(?:(?:/versions/(\\d+))|(?:/labels/(\\w+)))?";
  private static final Pattern PREDICT = Pattern.compile("/v1/models/([^/:]+)" + SPEC + ":(classify|regress|predict)");
  private static final Pattern GET = Pattern.compile("/v1/models(?:/([^/:]+))?" + SPEC + "(?:/(metadata))?");

  private final HttpRoute tfs;
  private final OvmsModels models;
  private final OvmsMetrics metrics;

  OvmsTfsRest(HttpRoute tfs, OvmsModels models, OvmsMetrics metrics) {
    this.tfs = tfs;
    this.models = models;
    this.metrics = metrics;
  }

  HttpReply handle(HttpCall http) throws Exception {
    Matcher predict = PREDICT.matcher(http.rawPath());
    Matcher get = GET.matcher(http.rawPath());
    if (predict.matches()) {
      OvmsPaths.requireMethod(http.method(), "POST");
      return predict(http, predict);
    }
    if (!get.matches()) {
      throw OvmsError.invalidUrl();
    }
    OvmsPaths.requireMethod(http.method(), "GET");
    if (get.group(1) == null) {
      return tfs.handle(http); // GET /v1/models: TF's own "Missing model name in request."
    }
    String name = OvmsPaths.decode(get.group(1));
    boolean metadata = get.group(4) != null;
    ResolvedModel target = models.resolve(name, get.group(2), metadata);
    if (!metadata) {
      // Status lists every version unless one is named; version 0 and labels name none.
      String version = OvmsModels.isDefault(get.group(2)) ? "" : "/versions/" + target.version();
      return tfs.handle(http.withPath("/v1/models/" + get.group(1) + version));
    }
    HttpReply reply = tfs.handle(http.withPath("/v1/models/" + get.group(1) + "/versions/" + target.version() + "/metadata"));
    if (reply.status() != 200) {
      return reply;
    }
    return OvmsJson.ok(OvmsMetadataJson.camelCase(OvmsJson.parse(reply.body(), reply.body().length)));
  }

  private HttpReply predict(HttpCall http, Matcher m) throws Exception {
    if (!m.group(4).equals("predict")) {
      // The URL expression accepts classify and regress; no handler serves them.
      throw new OvmsError(404, io.grpc.Status.Code.NOT_FOUND, OvmsError.REST_NOT_FOUND);
    }
    String name = OvmsPaths.decode(m.group(1));
    ResolvedModel target = models.resolve(name, m.group(2), true);
    if (target.model() instanceof OvmsImageModel) {
      requireB64Pictures(OvmsJson.parse(http.body(), http.body().length));
    }
    OvmsMetrics.Series series = new OvmsMetrics.Series("TensorFlowServing", "REST", "Predict", name, target.version());
    long start = System.nanoTime();
    Runnable done = metrics.started(name);
    boolean ok = false;
    try {
      HttpReply reply = tfs.handle(http.withPath("/v1/models/" + m.group(1) + "/versions/" + target.version() + ":predict"));
      ok = reply.status() == 200;
      return reply;
    } finally {
      done.run();
      metrics.record(series, ok, (System.nanoTime() - start) / 1000);
    }
  }

  /** OVMS reads pictures for an image model only from {@code {"b64": ...}} values (binary_input_tfs.md). */
  private static void requireB64Pictures(JsonNode doc) {
    JsonNode values = doc.has("instances") ? doc.get("instances") : doc.path("inputs");
    if (values.isObject() && values.has(OvmsImageModel.INPUT)) {
      values = values.get(OvmsImageModel.INPUT);
    }
    if (!values.isArray() || values.isEmpty()) {
      throw OvmsError.invalid("Invalid number of shape dimensions");
    }
    for (JsonNode v : values) {
      JsonNode picture = v.isObject() && v.has(OvmsImageModel.INPUT) ? v.get(OvmsImageModel.INPUT) : v;
      if (!picture.isObject() || !picture.path("b64").isTextual()) {
        throw OvmsError.invalid("Binary input must be sent as {\"b64\": ...}; got " + picture.getNodeType());
      }
    }
  }
}
