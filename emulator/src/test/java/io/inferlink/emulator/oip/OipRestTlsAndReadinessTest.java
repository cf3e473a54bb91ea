package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.emulator.TestCertificates;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** TLS with {@link TestCertificates} (seen from the JDK's HTTP client), and a model that is loaded but not ready. */
class OipRestTlsAndReadinessTest {
  private static final TestCertificates CERTS = TestCertificates.create();
  private static final TestCertificates STRANGER = TestCertificates.create();

  private static HttpClient trusting(TestCertificates ca) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(ca.caCertificatePem())));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }

  @Test
  void tlsServesHttpsUnderTheTlsScheme() throws Exception {
    OipRestFrontend frontend = OipRestFrontend.builder().tls(CERTS).build();
    assertTrue(frontend.isTls());
    assertEquals(Set.of("kserve-v2+https"), frontend.schemes());
    try (Emulator emulator = Emulator.builder().frontend(frontend).build().start()) {
      int port = emulator.port(OipRestFrontend.PROTOCOL);
      assertEquals("kserve-v2+https://127.0.0.1:" + port, emulator.endpoint("kserve-v2+https"));
      HttpRequest live = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/v2/health/live")).build();
      HttpResponse<String> r = trusting(CERTS).send(live, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("{\"live\":true}", r.body());
      assertThrows(java.io.IOException.class, () -> trusting(STRANGER).send(live, HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void aModelThatIsNotReadyAnswers503() {
    TensorSpec x = new TensorSpec("x", DataType.FP32, new long[] {-1});
    ScriptedModel warm = ScriptedModel.of("cold", List.of(x), List.of(x), c -> List.copyOf(c.inputs().values()));
    ScriptedModel cold = new ScriptedModel() {
      @Override
      public String name() {
        return "cold";
      }

      @Override
      public ModelMetadata metadata(String version) {
        return warm.metadata(version);
      }

      @Override
      public boolean isReady(String version) {
        return false;
      }

      @Override
      public List<Tensor> infer(ModelCall call) {
        return warm.infer(call);
      }
    };
    try (Emulator emulator = Emulator.builder().script(ModelScript.builder().add(cold).build())
        .frontend(new OipRestFrontend()).build().start()) {
      OipRestHttp.Answer a = new OipRestHttp(emulator).get("/v2/models/cold/ready");
      assertEquals(503, a.status());
      assertEquals("{\"error\":\"Model cold is not ready\"}", a.json().toString());
      assertEquals(200, new OipRestHttp(emulator).get("/v2/models/cold").status());
    }
  }
}
