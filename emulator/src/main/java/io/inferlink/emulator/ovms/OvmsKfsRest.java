package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;
import io.inferlink.emulator.ResolvedModel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OVMS's KServe REST API (PROTOCOLS.md §4.3, §4.5) in front of the emulator's Open Inference
 * Protocol route: OVMS's paths and resolution (version 0 is the latest; a version still loading
 * answers 404 to ready, metadata and infer); inputs of exactly the model's datatype, no BF16, FP16
 * only as binary data, pictures for an image model only as binary data; health with an empty 200;
 * server metadata without extensions; platform {@code OpenVINO} and an {@code rt_info} in model
 * metadata; and binary answers labelled {@code application/json}, as OVMS's HTTP layer labels them.
 * Thread-safe.
 */
final class OvmsKfsRest {
  private static final Pattern MODEL = Pattern.compile("/v2/models/([^/]+)(?:/versions/([0-9]+))?(?:/(ready|infer))?/?");
  private static final String HEADER_LENGTH = "inference-header-content-length";

  private final HttpRoute kfs;
  private final OvmsModels models;
  private final OvmsMetrics metrics;
  private final OvmsRelease release;

  OvmsKfsRest(HttpRoute kfs, OvmsModels models, OvmsMetrics metrics, OvmsRelease release) {
    this.kfs = kfs;
    this.models = models;
    this.metrics = metrics;
    this.release = release;
  }

  HttpReply handle(HttpCall http) throws Exception {
    String path = http.rawPath();
    if (path.equals("/v2") || path.equals("/v2/")) {
      OvmsPaths.requireMethod(http.method(), "GET");
      ObjectNode doc = OvmsJson.object();
      doc.put("name", OvmsFrontends.SERVER_NAME);
      doc.put("version", release.version());
      return OvmsJson.ok(doc); // "extensions" is left out when empty, as proto3 JSON printing does
    }
    if (path.equals("/v2/health/live") || path.equals("/v2/health/ready")) {
      OvmsPaths.requireMethod(http.method(), "GET");
      return HttpReply.empty(200);
    }
    Matcher m = MODEL.matcher(path);
    if (!m.matches()) {
      throw OvmsError.invalidUrl();
    }
    String kind = m.group(3) == null ? "" : m.group(3);
    OvmsPaths.requireMethod(http.method(), kind.equals("infer") ? "POST" : "GET");
    String name = OvmsPaths.decode(m.group(1));
    ResolvedModel target = models.resolve(name, m.group(2), true);
    String forwarded = "/v2/models/" + m.group(1) + "/versions/" + target.version();
    switch (kind) {
      case "ready":
        return HttpReply.empty(200);
      case "":
        HttpReply reply = kfs.handle(http.withPath(forwarded));
        if (reply.status() != 200) {
          return reply;
        }
        ObjectNode doc = OvmsJson.parse(reply.body(), reply.body().length);
        doc.put("platform", OvmsFrontends.PLATFORM);
        // OVMS adds the IR model's runtime information; clients must read past it.
        doc.putObject("rt_info").putObject("model_info").put("resize_type", "standard");
        return OvmsJson.ok(doc);
      default:
        checkInputs(http, target);
        return infer(http.withPath(forwarded + "/infer"), target);
    }
  }

  private HttpReply infer(HttpCall http, ResolvedModel target) throws Exception {
    OvmsMetrics.Series series = new OvmsMetrics.Series("KServe", "REST", "ModelInfer", target.name(), target.version());
    long start = System.nanoTime();
    Runnable done = metrics.started(target.name());
    boolean ok = false;
    try {
      HttpReply reply = kfs.handle(http);
      ok = reply.status() == 200;
      return jsonLabelled(reply);
    } finally {
      done.run();
      metrics.record(series, ok, (System.nanoTime() - start) / 1000);
    }
  }

  /** OVMS's HTTP layer sets {@code application/json} on every answer, binary ones included. */
  private static HttpReply jsonLabelled(HttpReply reply) {
    boolean binary = reply.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(HEADER_LENGTH));
    return binary ? new HttpReply(reply.status(), OvmsJson.JSON, reply.body(), reply.headers()) : reply;
  }

  /** What OVMS refuses before running anything (kfs_utils.cpp, rest_parser.cpp). */
  private static void checkInputs(HttpCall http, ResolvedModel target) {
    byte[] body = http.body();
    int length = body.length;
    String given = http.header(HEADER_LENGTH).orElse(null);
    if (given != null) {
      try {
        length = Integer.parseInt(given.trim());
      } catch (NumberFormatException e) {
        throw OvmsError.invalid("Inference-Header-Content-Length is not a number");
      }
      if (length < 0 || length > body.length) {
        throw OvmsError.invalid("Inference-Header-Content-Length header exceeds actual payload length");
      }
    }
    ObjectNode doc = OvmsJson.parse(body, length);
    for (JsonNode input : doc.path("inputs")) {
      String datatype = input.path("datatype").asText();
      boolean binary = input.path("parameters").has("binary_data_size");
      if (datatype.equals("BF16")) {
        throw OvmsError.invalid(OvmsError.INVALID_PRECISION + ": BF16 is not supported");
      }
      if (datatype.equals("FP16") && !binary) {
        throw OvmsError.invalid("FP16 input '" + input.path("name").asText() + "' can only be sent as binary data");
      }
      if (target.model() instanceof OvmsImageModel && !binary) {
        throw OvmsError.invalid("Binary input '" + input.path("name").asText() + "' must be sent as binary data");
      }
      OvmsPrecision.check(target, input.path("name").asText(), datatype);
    }
  }
}
