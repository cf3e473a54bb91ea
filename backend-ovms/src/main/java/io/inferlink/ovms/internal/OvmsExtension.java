package io.inferlink.ovms.internal;

import io.inferlink.InferenceClient;
import io.inferlink.ovms.ConfigReload;
import io.inferlink.ovms.MetricSample;
import io.inferlink.ovms.Ovms;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.transport.http.internal.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link Ovms} over OVMS's REST endpoints, each call through the client's pipeline. Thread-safe. */
final class OvmsExtension implements Ovms {
  private final AbstractInferenceClient client;
  private final OvmsRest rest;
  private final String provider;

  OvmsExtension(AbstractInferenceClient client, OvmsRest rest, String provider) {
    this.client = client;
    this.rest = rest;
    this.provider = provider;
  }

  @Override
  public CompletableFuture<Map<String, List<ModelVersionStatus>>> configStatusAsync() {
    return client.callExtension("config.status", true,
        () -> rest.get("/v1/config", http -> OvmsJsonDocs.configStatus(http, provider)));
  }

  @Override
  public CompletableFuture<ConfigReload> reloadConfigAsync() {
    // 201: something was reloaded; 200: nothing needed it (or the server runs a single model).
    return client.callExtension("config.reload", false, () -> rest.post("/v1/config/reload",
        http -> new ConfigReload(http.status() == 201, OvmsJsonDocs.configStatus(http, provider))));
  }

  @Override
  public CompletableFuture<List<MetricSample>> metricsAsync() {
    return client.callExtension("metrics", true, () -> rest.get("/metrics", http -> metrics(http, provider)));
  }

  /** The samples of a {@code /metrics} answer; one that is not Prometheus text is a malformed answer. */
  static List<MetricSample> metrics(HttpResult http, String provider) {
    try {
      return List.copyOf(PrometheusText.parse(new String(http.body().toByteArray(), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw OvmsJsonDocs.malformed(http, "the metrics are not Prometheus text: " + e.getMessage(), provider, e);
    }
  }

  @Override
  public InferenceClient client() {
    return client;
  }
}
