package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code metadata}, {@code ready} and {@code health} against the emulator, with their exit codes. */
class ServerChecksTest {
  static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = EmulatorFixture.allProtocols();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void modelMetadataAsJson() {
    CliRun r = CliRun.run("metadata", "-e", emulator.endpoint("kserve-v2+grpc"), "--model", "classifier", "-o", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode doc = r.json();
    assertEquals("classifier", doc.get("name").asText());
    assertEquals("[\"1\"]", doc.get("versions").toString());
    assertEquals("{\"name\":\"x\",\"dtype\":\"FP32\",\"shape\":[-1,4]}", doc.get("inputs").get(0).toString());
    assertEquals("label", doc.get("outputs").get(0).get("name").asText());
  }

  @Test
  void serverMetadataAsATable() {
    CliRun r = CliRun.run("metadata", "-e", emulator.endpoint("kserve-v2+http"));
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("server inferlink-emulator version 0.1.0"), r.out());
  }

  @Test
  void metadataOfAnUnknownModelFails() {
    CliRun r = CliRun.run("metadata", "-e", emulator.endpoint("tfserving+http"), "--model", "nope");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: metadata of model 'nope' at " + emulator.endpoint("tfserving+http")), r.err());
  }

  @Test
  void readinessOfServerAndModels() {
    String endpoint = emulator.endpoint("kserve-v2+http");
    CliRun server = CliRun.run("ready", "-e", endpoint, "-o", "json");
    assertEquals(0, server.code(), server.toString());
    assertEquals("{\"endpoint\":\"" + endpoint + "\",\"model\":null,\"ready\":true}", server.out().strip());
    CliRun model = CliRun.run("ready", "-e", emulator.endpoint("tfserving+grpc"), "--model", "versioned@canary");
    assertEquals(0, model.code(), model.toString());
    assertTrue(model.out().startsWith("model versioned@canary is ready"), model.out());
    CliRun unknown = CliRun.run("ready", "-e", endpoint, "--model", "nope", "-o", "json");
    assertEquals(ExitCodes.NOT_READY, unknown.code(), unknown.toString());
    assertEquals(false, unknown.json().get("ready").asBoolean());
  }

  @Test
  void healthOnTfServingPrintsTheDocumentedNullsAndExitsZero() {
    for (String protocol : new String[] {"tfserving+http", "tfserving+grpc"}) {
      String endpoint = emulator.endpoint(protocol);
      CliRun json = CliRun.run("health", "-e", endpoint, "-o", "json");
      assertEquals(0, json.code(), json.toString());
      assertEquals("{\"endpoint\":\"" + endpoint + "\",\"live\":null,\"ready\":null}", json.out().strip());
      assertTrue(json.err().contains("-m MODEL"), "a note says what to ask instead: " + json.err());
      CliRun table = CliRun.run("health", "-e", endpoint);
      assertEquals(0, table.code(), table.toString());
      assertTrue(table.out().startsWith("live: unknown (the protocol has no such check), ready: unknown"), table.out());
    }
  }

  @Test
  void serverReadinessAndMetadataOnTfServingSayToAskAboutAModel() {
    for (String protocol : new String[] {"tfserving+http", "tfserving+grpc"}) {
      String endpoint = emulator.endpoint(protocol);
      CliRun ready = CliRun.run("ready", "-e", endpoint);
      assertEquals(ExitCodes.USAGE, ready.code(), ready.toString());
      assertTrue(ready.err().contains("'inferlink ready -e " + endpoint + " -m MODEL'"), ready.err());
      CliRun metadata = CliRun.run("metadata", "-e", endpoint);
      assertEquals(ExitCodes.USAGE, metadata.code(), metadata.toString());
      assertTrue(metadata.err().contains("'inferlink metadata -e " + endpoint + " -m MODEL'"), metadata.err());
    }
  }

  @Test
  void healthAsksBothAndSaysWhatAProtocolLacks() {
    CliRun grpc = CliRun.run("health", "-e", emulator.endpoint("kserve-v2+grpc"), "-o", "json");
    assertEquals(0, grpc.code(), grpc.toString());
    assertEquals(true, grpc.json().get("live").asBoolean());
    assertEquals(true, grpc.json().get("ready").asBoolean());
    CliRun v1 = CliRun.run("health", "-e", emulator.endpoint("kserve-v1+http"));
    assertEquals(0, v1.code(), v1.toString());
    assertTrue(v1.out().contains("unknown"), v1.out());
    CliRun down = CliRun.run("health", "-e", "kserve-v2+grpc://127.0.0.1:" + EmulatorFixture.closedPort(), "--timeout", "5s");
    assertEquals(ExitCodes.FAILURE, down.code(), down.toString());
    assertTrue(down.err().startsWith("error: health check at kserve-v2+grpc://127.0.0.1:"), down.err());
  }
}
