package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service name, not the gateway's address, is what arrives as Host and :authority. */
class KnativeHostRoutingTest {

  @Test
  void theServerSeesTheServiceNameOverRestAndGrpc() {
    Printed printed = new Printed();
    Map<String, String> seen = KnativeHostRouting.run(Map.of(), printed.out);
    assertEquals(2, seen.size(), printed.text());
    seen.forEach((endpoint, name) -> assertEquals(KnativeHostRouting.SERVICE_HOST, name, endpoint));
    assertEquals(2, printed.text().lines().filter(l -> l.contains("y = [42.0]")).count(), printed.text());
  }
}
