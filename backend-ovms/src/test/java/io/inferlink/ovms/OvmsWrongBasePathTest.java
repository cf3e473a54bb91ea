package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An ingress at a wrong base path answers 404 with an HTML page: that is a wrong endpoint, not a
 * missing model, on both REST APIs and OVMS's own endpoints (OVMS writes its own 404s as JSON).
 */
class OvmsWrongBasePathTest {
  private static HttpServer ingress;

  @BeforeAll
  static void start() throws Exception {
    ingress = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    ingress.createContext("/", exchange -> {
      byte[] page = "<html><body><h1>404 Not Found</h1>nginx</body></html>".getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(404, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    ingress.start();
  }

  @AfterAll
  static void stop() {
    ingress.stop(0);
  }

  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_REST", "TFS_REST"})
  void aWrongBasePathIsAProviderConfigurationException(OvmsForm form) {
    String endpoint = "ovms+http://127.0.0.1:" + ingress.getAddress().getPort() + "/wrong" + form.query;
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder("resnet").input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      ProviderConfigurationException e = AsyncFailures.failure(ProviderConfigurationException.class,
          () -> client.inferAsync(request));
      assertEquals("ovms-rest", e.provider());
      assertEquals(404, e.httpStatus());
      assertTrue(e.getMessage().contains("/wrong/") && e.getMessage().contains("answered HTTP 404 with an HTML page"),
          e.getMessage());
      ProviderConfigurationException admin = assertThrows(ProviderConfigurationException.class,
          () -> client.unwrap(Ovms.class).configStatus());
      assertTrue(admin.getMessage().contains("/wrong/v1/config answered HTTP 404"), admin.getMessage());
    }
  }
}
