package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that hangs up during {@code sleep} cancels the model call, and the recorder sees it. */
class OipRestCancellationTest {
  private static OipRestHttp http;
  private static int port;

  @BeforeAll
  static void start() {
    http = new OipRestHttp();
    port = http.emulator().port(OipRestFrontend.PROTOCOL);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static String sleep(long millis) {
    return "{\"inputs\": [{\"name\": \"millis\", \"datatype\": \"INT64\", \"shape\": [1], \"data\": [" + millis + "]}]}";
  }

  @Test
  void hangingUpDuringSleepCancelsTheCall() throws Exception {
    long start = System.nanoTime();
    try (RawHttp client = new RawHttp(port)) {
      client.send(RawHttp.request("POST", "/v2/models/sleep/infer", sleep(30_000), KitContract.CALL_ID_HEADER + ": oip-rest-cancel-1"));
      assertTrue(http.emulator().recorder().awaitModelCall("oip-rest-cancel-1", Duration.ofSeconds(5)));
      assertFalse(http.emulator().recorder().awaitCancelled("oip-rest-cancel-1", Duration.ofMillis(200)), "cancelled before the hang-up");
    }
    assertTrue(http.emulator().recorder().awaitCancelled("oip-rest-cancel-1", Duration.ofSeconds(5)), "the server did not see the hang-up");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "the 30 s sleep was not cut short");
  }

  @Test
  void hangingUpAfterTheAnswerCancelsNothing() throws Exception {
    try (RawHttp client = new RawHttp(port)) {
      client.send(RawHttp.request("POST", "/v2/models/sleep/infer", sleep(10), KitContract.CALL_ID_HEADER + ": oip-rest-cancel-2"));
      RawHttp.Response r = client.read();
      assertEquals(200, r.status());
      assertTrue(r.body().contains("\"data\":[10]"), r.body());
    }
    assertFalse(http.emulator().recorder().awaitCancelled("oip-rest-cancel-2", Duration.ofMillis(500)));
  }
}
