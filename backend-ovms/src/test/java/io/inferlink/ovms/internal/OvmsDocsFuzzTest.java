package io.inferlink.ovms.internal;

import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.testkit.KitModels;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * OVMS's own document readers on mutated and random answers: the configuration status
 * ({@link OvmsJsonDocs#configStatus}), the {@code /v1/models} probe and the Prometheus text of
 * {@code /metrics} ({@link OvmsExtension#metrics}); only an {@link io.inferlink.InferenceException} may
 * come out (the probe answers true or false and never throws). Seeds are the OVMS emulator's answers
 * after a few inferences, plus metrics lines with labels, escapes, timestamps and special values.
 */
class OvmsDocsFuzzTest {
  private static final List<String> VOCABULARY = List.of("model_version_status", "version", "state", "status",
      "error_code", "error_message", "object", "data", "id");
  private static List<byte[]> configSeeds;
  private static List<byte[]> metricsSeeds;

  @Provide
  Arbitrary<byte[]> configAnswers() {
    collect();
    return Mutations.json(configSeeds, VOCABULARY);
  }

  @Provide
  Arbitrary<byte[]> metricsAnswers() {
    collect();
    return Mutations.json(metricsSeeds, List.of());
  }

  @Property
  void configStatus(@ForAll("configAnswers") byte[] body, @ForAll long split) {
    HttpResult http = answer(body, split);
    DecoderEscapes.onlyInferenceExceptions("OVMS configuration status reader", body,
        () -> OvmsJsonDocs.configStatus(http, "fuzz"));
    try {
      OvmsJsonDocs.isOpenAiModelList(http);
    } catch (Throwable t) {
      throw new AssertionError("the /v1/models probe threw for " + DecoderEscapes.describe(body), t);
    }
  }

  @Property
  void metrics(@ForAll("metricsAnswers") byte[] body, @ForAll long split) {
    DecoderEscapes.onlyInferenceExceptions("OVMS Prometheus text reader", body,
        () -> OvmsExtension.metrics(answer(body, split), "fuzz"));
  }

  private static HttpResult answer(byte[] body, long split) {
    return HttpResult.of(200, Map.of(), ByteChunks.of(Mutations.chunks(body, new Random(split))));
  }

  private static synchronized void collect() {
    if (configSeeds != null) {
      return;
    }
    List<byte[]> config = new ArrayList<>();
    List<byte[]> metrics = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    try (Emulator emulator = Emulator.builder().frontend(ovms.rest()).build().start()) {
      String base = "http://127.0.0.1:" + emulator.port(OvmsFrontends.REST_PROTOCOL);
      String infer = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1.5]}]}";
      for (int i = 0; i < 3; i++) {
        send(http, HttpRequest.newBuilder(URI.create(base + "/v2/models/" + KitModels.IDENTITY + "/infer"))
            .POST(HttpRequest.BodyPublishers.ofString(infer)));
        send(http, HttpRequest.newBuilder(URI.create(base + "/v2/models/nosuchmodel/infer"))
            .POST(HttpRequest.BodyPublishers.ofString(infer)));
      }
      config.add(send(http, HttpRequest.newBuilder(URI.create(base + "/v1/config")).GET()));
      config.add(send(http, HttpRequest.newBuilder(URI.create(base + "/v1/models")).GET()));
      metrics.add(send(http, HttpRequest.newBuilder(URI.create(base + "/metrics")).GET()));
    }
    config.add(utf8("{\"m\": {\"model_version_status\": [{\"version\": \"1\", \"state\": \"AVAILABLE\", \"status\": "
        + "{\"error_code\": \"OK\", \"error_message\": \"\"}}]}}"));
    config.add(utf8("{\"object\": \"list\", \"data\": [{\"id\": \"m\", \"object\": \"model\"}]}"));
    metrics.add(utf8("# HELP ovms_requests_success Number of successful requests.\n# TYPE ovms_requests_success counter\n"
        + "ovms_requests_success{api=\"KServe\",interface=\"REST\",method=\"ModelInfer\",name=\"m\",version=\"1\"} 12\n"
        + "ovms_request_time_us_bucket{name=\"m\",le=\"+Inf\",path=\"a\\\\b\\\"c\\nd\"} 3 1700000000000\n"
        + "ovms_current_requests NaN\nweird_metric -Inf\n  \nx:y 1.5e3\n"));
    configSeeds = List.copyOf(config);
    metricsSeeds = List.copyOf(metrics);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
