package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that hangs up mid-call cancels the model call, and the recorder sees it. */
class TfsCancellationTest {
  private static Emulator emulator;
  private static int port;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
    port = emulator.port(TfServingRestFrontend.PROTOCOL);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void hangingUpDuringSleepCancelsTheCall() throws Exception {
    long start = System.nanoTime();
    try (RawHttp client = new RawHttp(port)) {
      client.send(RawHttp.request("POST", "/v1/models/sleep:predict", "{\"inputs\": [30000]}",
          KitContract.CALL_ID_HEADER + ": tfs-cancel-1"));
      assertTrue(emulator.recorder().headersOfCall("tfs-cancel-1", Duration.ofSeconds(5)).isPresent());
      assertFalse(emulator.recorder().awaitCancelled("tfs-cancel-1", Duration.ofMillis(200)), "cancelled before the hang-up");
    }
    assertTrue(emulator.recorder().awaitCancelled("tfs-cancel-1", Duration.ofSeconds(5)), "the server did not see the hang-up");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "the 30 s sleep was not cut short");
  }

  @Test
  void hangingUpAfterTheAnswerCancelsNothing() throws Exception {
    try (RawHttp client = new RawHttp(port)) {
      client.send(RawHttp.request("POST", "/v1/models/sleep:predict", "{\"inputs\": [10]}",
          KitContract.CALL_ID_HEADER + ": tfs-cancel-2"));
      assertEquals(200, client.read().status());
    }
    assertFalse(emulator.recorder().awaitCancelled("tfs-cancel-2", Duration.ofMillis(500)));
  }

  @Test
  void theServerStillAnswersOthersAfterAHangUp() throws Exception {
    try (RawHttp client = new RawHttp(port)) {
      client.send(RawHttp.request("POST", "/v1/models/sleep:predict", "{\"inputs\": [30000]}",
          KitContract.CALL_ID_HEADER + ": tfs-cancel-3"));
      assertTrue(emulator.recorder().headersOfCall("tfs-cancel-3", Duration.ofSeconds(5)).isPresent());
    }
    assertTrue(emulator.recorder().awaitCancelled("tfs-cancel-3", Duration.ofSeconds(5)));
    try (RawHttp client = new RawHttp(port)) {
      client.send(RawHttp.request("POST", "/v1/models/add_one:predict", "{\"inputs\": [1.0]}"));
      RawHttp.Response r = client.read();
      assertEquals(200, r.status());
      assertEquals("{\"outputs\":[2.0]}", r.body().replaceAll("\\s", ""));
    }
  }
}
