package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.spi.Endpoint;
import org.junit.jupiter.api.Test;

class HttpTargetTest {
  @Test
  void fromEndpointWithDefaultPortAndBasePath() {
    HttpTarget t = HttpTarget.of(Endpoint.parse("tfserving+https://models.example.com/serving/v1"), 8501);
    assertTrue(t.secure());
    assertEquals("models.example.com", t.host());
    assertEquals(8501, t.port());
    assertEquals("/serving/v1", t.basePath());
    assertEquals("https://models.example.com:8501/serving/v1/v1/models/m", t.uri("/v1/models/m"));
  }

  @Test
  void explicitPortAndPlainHttp() {
    HttpTarget t = HttpTarget.of(Endpoint.parse("kserve-v2+http://localhost:9000"), 8080);
    assertFalse(t.secure());
    assertEquals("http://localhost:9000/v2/health/live", t.uri("/v2/health/live"));
    assertEquals("http://localhost:9000", t.toString());
  }

  @Test
  void ipv6IsBracketed() {
    HttpTarget t = HttpTarget.of(Endpoint.parse("tfserving+http://[::1]:8501"), 1);
    assertEquals("::1", t.host());
    assertEquals("http://[::1]:8501/x", t.uri("/x"));
  }

  @Test
  void badPartsAreRefused() {
    HttpTarget t = new HttpTarget(false, "h", 80, "");
    assertThrows(IllegalArgumentException.class, () -> t.uri("x"));
    assertThrows(IllegalArgumentException.class, () -> new HttpTarget(false, "", 80, ""));
    assertThrows(IllegalArgumentException.class, () -> new HttpTarget(false, "h", 0, ""));
    assertThrows(IllegalArgumentException.class, () -> new HttpTarget(false, "h", 65536, ""));
    assertThrows(IllegalArgumentException.class, () -> new HttpTarget(false, "h", 80, "base"));
    assertThrows(IllegalArgumentException.class, () -> new HttpTarget(false, "h", 80, "/base/"));
  }
}
