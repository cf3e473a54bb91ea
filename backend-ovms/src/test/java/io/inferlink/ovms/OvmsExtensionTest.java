package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.testkit.KitModels;
import io.inferlink.tfserving.ModelVersionStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Ovms}: configuration status and reload (200 vs 201), and the Prometheus metrics, parsed. */
class OvmsExtensionTest {
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void configStatusListsEveryModelsVersions(OvmsForm form) {
    try (InferenceClient client = clientWithRestPort(form)) {
      Ovms ovms = client.unwrap(Ovms.class);
      assertTrue(ovms.client() == client);
      Map<String, List<ModelVersionStatus>> status = ovms.configStatus();
      assertEquals(List.of(2L, 1L), status.get(KitModels.VERSIONED).stream().map(ModelVersionStatus::version).toList());
      assertTrue(status.get(KitModels.ADD_ONE).get(0).isAvailable());
      assertEquals(ModelVersionStatus.State.LOADING, status.get(LoadingModel.NAME).get(0).state());
    }
  }

  @Test
  void reloadTellsWhetherAnythingWasReloaded() {
    try (InferenceClient client = server.client(OvmsForm.KSERVE_REST)) {
      Ovms ovms = client.unwrap(Ovms.class);
      ConfigReload nothing = ovms.reloadConfig();
      assertFalse(nothing.reloaded(), "200: nothing to reload");
      assertTrue(nothing.models().containsKey(KitModels.ADD_ONE));
      server.ovms.markConfigChanged();
      assertTrue(ovms.reloadConfig().reloaded(), "201: the changed configuration was applied");
      assertFalse(ovms.reloadConfigAsync().join().reloaded());
      server.ovms.failNextReload("Config file not found or cannot open.");
      ServerException e = assertThrows(ServerException.class, ovms::reloadConfig);
      assertEquals(500, e.httpStatus());
      assertEquals("Config file not found or cannot open.", e.serverMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void metricsCountThisClientsInferences(OvmsForm form) {
    try (InferenceClient client = clientWithRestPort(form)) {
      InferenceRequest request = InferenceRequest.builder(KitModels.CLASSIFIER)
          .input(Tensor.ofFloats("x", new float[] {1f, 2f, 3f, 4f}, 1, 4)).build();
      String api = form.tfs() ? "TensorFlowServing" : "KServe";
      String iface = form.grpc() ? "gRPC" : "REST";
      String method = form.tfs() ? "Predict" : "ModelInfer";
      double before = successes(client, api, iface, method);
      client.infer(request);
      client.infer(request);
      List<MetricSample> samples = client.unwrap(Ovms.class).metrics();
      assertEquals(before + 2, successes(samples, api, iface, method));
      MetricSample inf = samples.stream().filter(s -> s.name().equals("ovms_request_time_us_bucket")
          && "+Inf".equals(s.label("le")) && api.equals(s.label("api")) && iface.equals(s.label("interface"))
          && KitModels.CLASSIFIER.equals(s.label("name"))).findFirst().orElseThrow();
      assertTrue(inf.value() >= 2, inf.toString());
    }
  }

  /** OVMS serves configuration and metrics over REST only: a gRPC client needs the REST port. */
  @Test
  void grpcClientsWithoutTheRestPortHaveNoExtension() {
    try (InferenceClient client = server.client(OvmsForm.KSERVE_GRPC)) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> client.unwrap(Ovms.class));
      assertTrue(e.getMessage().contains("rest-port"), e.getMessage());
    }
  }

  private InferenceClient clientWithRestPort(OvmsForm form) {
    return form.grpc()
        ? server.client(form, ClientOptions.builder().option(OvmsOptions.REST_PORT, (long) server.restPort()).build())
        : server.client(form);
  }

  private static double successes(InferenceClient client, String api, String iface, String method) {
    return successes(client.unwrap(Ovms.class).metrics(), api, iface, method);
  }

  private static double successes(List<MetricSample> samples, String api, String iface, String method) {
    return samples.stream().filter(s -> s.name().equals("ovms_requests_success") && api.equals(s.label("api"))
        && iface.equals(s.label("interface")) && method.equals(s.label("method"))
        && KitModels.CLASSIFIER.equals(s.label("name")) && "1".equals(s.label("version")))
        .mapToDouble(MetricSample::value).sum();
  }
}
