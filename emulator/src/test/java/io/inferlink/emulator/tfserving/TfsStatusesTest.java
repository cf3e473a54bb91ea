package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripted failures answered with TF's code → HTTP table (PROTOCOLS.md §1.9), and what the recorder sees. */
class TfsStatusesTest {
  private static Emulator emulator;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void everyCodeGetsTheStatusOfTfsTable() {
    Map<ErrorCode, Integer> table = new LinkedHashMap<>();
    table.put(ErrorCode.CANCELLED, 499);
    table.put(ErrorCode.UNKNOWN, 500);
    table.put(ErrorCode.INVALID_ARGUMENT, 400);
    table.put(ErrorCode.DEADLINE_EXCEEDED, 504);
    table.put(ErrorCode.NOT_FOUND, 404);
    table.put(ErrorCode.ALREADY_EXISTS, 409);
    table.put(ErrorCode.PERMISSION_DENIED, 403);
    table.put(ErrorCode.RESOURCE_EXHAUSTED, 429);
    table.put(ErrorCode.FAILED_PRECONDITION, 400);
    table.put(ErrorCode.ABORTED, 409);
    table.put(ErrorCode.OUT_OF_RANGE, 400);
    table.put(ErrorCode.UNIMPLEMENTED, 501);
    table.put(ErrorCode.INTERNAL, 500);
    table.put(ErrorCode.UNAVAILABLE, 503);
    table.put(ErrorCode.DATA_LOSS, 500);
    table.put(ErrorCode.UNAUTHENTICATED, 401);
    assertEquals(16, table.size());
    table.forEach((code, status) -> {
      TfsClient.Reply reply = tfs.post("/v1/models/fail:predict", "{\"inputs\": [" + code.grpcCode() + "]}");
      assertEquals(status, reply.status(), code + ": " + reply.body());
      assertEquals(KitContract.FAIL_MESSAGE_PREFIX + code.name(), reply.error());
    });
  }

  @Test
  void codeZeroSucceeds() {
    assertEquals(TfsClient.expected("{'outputs': [0]}"), tfs.post("/v1/models/fail:predict", "{\"inputs\": [0]}").json());
  }

  @Test
  void errorBodiesAreTfsPrettyPrintedObjects() {
    assertEquals("{\n    \"error\": \"Servable not found for request: Latest(nope)\"\n}",
        tfs.post("/v1/models/nope:predict", "{\"inputs\": [1]}").body());
  }

  @Test
  void headersIncludingHostAreRecordedForEveryRequest() {
    int port = emulator.port(TfServingRestFrontend.PROTOCOL);
    tfs.send("POST", "/v1/models/add_one:predict", "{\"inputs\": [1.0]}",
        Map.of(KitContract.CALL_ID_HEADER, "tfs-host-1", "X-Custom", "v1"));
    Map<String, String> seen = emulator.recorder().headersOfCall("tfs-host-1", Duration.ofSeconds(5)).orElseThrow();
    assertEquals("127.0.0.1:" + port, seen.get("host"));
    assertEquals("v1", seen.get("x-custom"));
    tfs.send("GET", "/v1/models/add_one/metadata", null, Map.of(KitContract.CALL_ID_HEADER, "tfs-host-2"));
    assertTrue(emulator.recorder().headersOfCall("tfs-host-2", Duration.ofSeconds(5)).isPresent());
    // Even a request TF refuses was seen by the server.
    tfs.send("POST", "/v1/models/nope:predict", "", Map.of(KitContract.CALL_ID_HEADER, "tfs-host-3"));
    assertTrue(emulator.recorder().headersOfCall("tfs-host-3", Duration.ofSeconds(5)).isPresent());
  }
}
