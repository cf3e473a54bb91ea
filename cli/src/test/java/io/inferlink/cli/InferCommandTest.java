package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.npy.NpyFiles;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code infer} against the emulator: the documented JSON, the table, and every kind of failure. */
class InferCommandTest {
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
  void printsTheStableJsonDocument() {
    for (String scheme : new String[] {"tfserving+http", "tfserving+grpc", "kserve-v2+http", "kserve-v2+grpc"}) {
      CliRun r = CliRun.run("infer", "-e", emulator.endpoint(scheme), "--model", "add_one",
          "--input", "x=[[1,2],[3,4.5]]:FP32", "--output", "json");
      assertEquals(0, r.code(), r.toString());
      JsonNode doc = r.json();
      assertEquals("add_one", doc.get("model").asText(), scheme);
      assertTrue(doc.has("version") && doc.has("id"), r.out());
      JsonNode y = doc.get("outputs").get(0);
      assertEquals("y", y.get("name").asText());
      assertEquals("FP32", y.get("dtype").asText());
      assertEquals("[2,2]", y.get("shape").toString());
      assertEquals("[2.0,3.0,4.0,5.5]", y.get("data").toString(), scheme);
      assertEquals(1, r.out().lines().count(), "one line, for scripts");
    }
  }

  @Test
  void jsonKeepsEveryTypeExactAndMarksSpecialValues() {
    CliRun r = CliRun.run("infer", "-e", emulator.endpoint("kserve-v2+grpc"), "-m", "identity", "-o", "json",
        "-i", "x_uint64=[18446744073709551615, 0]:UINT64", "-i", "x_bool=[true,false]", "-i", "x_bytes=\"héllo\"",
        "-i", "x_fp64=[\"NaN\", \"-Infinity\", 0.1]:FP64", "-i", "x_int8=-5:INT8", "-i", "x_fp16=[1.5]:FP16");
    assertEquals(0, r.code(), r.toString());
    JsonNode outputs = r.json().get("outputs");
    assertEquals("[18446744073709551615,0]", outputs.get(0).get("data").toString());
    assertEquals("[true,false]", outputs.get(1).get("data").toString());
    assertEquals("[\"héllo\"]", outputs.get(2).get("data").toString());
    assertEquals("[1]", outputs.get(2).get("shape").toString());
    assertEquals("[\"NaN\",\"-Infinity\",0.1]", outputs.get(3).get("data").toString());
    assertEquals("INT8", outputs.get(4).get("dtype").asText());
    assertEquals("[]", outputs.get(4).get("shape").toString(), "a lone number is a scalar");
    assertEquals("[-5]", outputs.get(4).get("data").toString());
    assertEquals("[1.5]", outputs.get(5).get("data").toString());
  }

  @Test
  void printsATableForPeople() {
    CliRun r = CliRun.run("infer", "-e", emulator.endpoint("kserve-v2+http"), "-m", "classifier",
        "-i", "x=[[5.1,3.5,1.4,0.2]]");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("label   BYTES  [1]     [setosa]"), r.out());
    assertTrue(r.out().contains("scores  FP32   [1, 3]"), r.out());
  }

  @Test
  void readsNpyAndRawFilesAndSavesOutputsAsNpy(@TempDir Path dir) throws Exception {
    NpyFiles.write(Tensor.ofFloats("whatever", new float[] {1, 2, 3}, 3), dir.resolve("x.npy"));
    Files.write(dir.resolve("blob.bin"), new byte[] {0, (byte) 0xFF, 7});
    Path out = dir.resolve("out");
    CliRun r = CliRun.run("infer", "-e", emulator.endpoint("kserve-v2+http"), "-m", "identity", "-o", "json",
        "-i", "x=@" + dir.resolve("x.npy"), "-i", "x_bytes=@" + dir.resolve("blob.bin") + ":BYTES", "--save", out.toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode outputs = r.json().get("outputs");
    assertEquals("[1.0,2.0,3.0]", outputs.get(0).get("data").toString());
    assertEquals("{\"b64\":\"AP8H\"}", outputs.get(1).get("data").get(0).toString(), "binary BYTES go as base64");
    assertEquals(Tensor.ofFloats("x", new float[] {1, 2, 3}, 3), NpyFiles.read(out.resolve("x.npy"), "x"));
    assertTrue(r.err().contains("saved x to"), r.err());
  }

  @Test
  void anUnknownModelFailsWithOneClearLine() {
    String endpoint = emulator.endpoint("kserve-v2+grpc");
    CliRun r = CliRun.run("infer", "-e", endpoint, "-m", "no_such_model", "-i", "x=[1]:FP32");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    String line = r.err().lines().findFirst().orElseThrow();
    assertTrue(line.startsWith("error: infer on model 'no_such_model' at " + endpoint + " failed: "), line);
    assertTrue(line.contains("NOT_FOUND"), line);
    assertTrue(line.contains("check the model name"), line);
    assertEquals("", r.out());
  }

  @Test
  void aShapeErrorIsTheServersRefusal() {
    CliRun r = CliRun.run("infer", "-e", emulator.endpoint("tfserving+grpc"), "-m", "classifier",
        "-i", "x=[[1,2,3]]:FP32", "-o", "json");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(r.err().contains("INVALID_ARGUMENT"), r.err());
    assertTrue(r.err().contains("check the inputs' names, dtypes and shapes"), r.err());
    assertEquals("", r.out(), "no half-written JSON on a failure");
  }

  @Test
  void aRefusedConnectionSaysWhereAndWhatToDo() {
    String endpoint = "kserve-v2+http://127.0.0.1:" + EmulatorFixture.closedPort();
    CliRun r = CliRun.run("infer", "-e", endpoint, "-m", "add_one", "-i", "x=[1]:FP32", "--timeout", "5s");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(r.err().contains("at " + endpoint + " failed"), r.err());
    assertTrue(r.err().contains("UNAVAILABLE"), r.err());
    assertTrue(r.err().contains("is the server running"), r.err());
  }

  @Test
  void credentialsNeverReachTheOutputEvenVerbose() {
    String endpoint = "kserve-v2+http://admin:hunter2-pass@127.0.0.1:" + EmulatorFixture.closedPort() + "?api-token=tok-123456";
    CliRun r = CliRun.run("infer", "-e", endpoint, "-m", "add_one", "-i", "x=[1]:FP32", "--verbose",
        "--bearer", "s3cr3t-bearer-token", "--header", "x-api-key: key-abcdef");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    for (String secret : new String[] {"hunter2-pass", "admin:", "tok-123456", "s3cr3t-bearer-token", "key-abcdef"}) {
      assertFalse(r.err().contains(secret) || r.out().contains(secret), secret + " leaked:\n" + r);
    }
    assertTrue(r.err().contains("caused by"), "verbose adds the cause chain:\n" + r.err());
  }

  @Test
  void credentialsAServerEchoesInItsErrorAreMaskedOnEveryProtocol() {
    for (String protocol : new String[] {"tfserving+http", "tfserving+grpc", "kserve-v2+http", "kserve-v2+grpc"}) {
      for (String credential : new String[] {"--bearer=echoed-bearer-4f1c", "--basic=kit-user:echoed-pass-7d2a"}) {
        CliRun r = CliRun.run("infer", "-e", emulator.endpoint(protocol), "-m", "fail", "-i", "code=[7]:INT32", "-v",
            credential, "--header", "x-inferlink-kit-echo-headers: 1", "--header", "x-api-key: echoed-key-93be",
            "--header", "x-team: echo-visible");
        assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
        assertTrue(r.err().contains("echo-visible"), protocol + ": the server should echo the headers:\n" + r);
        String basic = java.util.Base64.getEncoder().encodeToString(
            "kit-user:echoed-pass-7d2a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String secret : new String[] {"echoed-bearer-4f1c", "echoed-pass-7d2a", basic, "echoed-key-93be"}) {
          assertFalse(r.err().contains(secret) || r.out().contains(secret), protocol + ": " + secret + " leaked:\n" + r);
        }
      }
    }
  }

  @Test
  void anUnknownLabelIsTheSameFailureOverRestAndGrpcAndItsHintNamesLabels() {
    String[] lines = new String[2];
    String[] protocols = {"tfserving+http", "tfserving+grpc"};
    for (int i = 0; i < 2; i++) {
      CliRun r = CliRun.run("infer", "-e", emulator.endpoint(protocols[i]), "-m", "versioned@nolabel", "-i", "x=[1]:FP32");
      assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
      lines[i] = r.err().lines().findFirst().orElseThrow();
      assertTrue(lines[i].contains("Unrecognized servable version label: nolabel"), lines[i]);
      assertTrue(lines[i].contains("[NOT_FOUND"), lines[i]);
      assertTrue(lines[i].endsWith("check the model name, version or label (NAME, NAME:VERSION or NAME@LABEL)"), lines[i]);
    }
  }

  @Test
  void aWrongBasePathSaysSoInsteadOfBlamingTheModel() {
    String endpoint = emulator.endpoint("tfserving+http") + "/serving";
    CliRun r = CliRun.run("infer", "-e", endpoint, "-m", "add_one", "-i", "x=[[1]]:FP32");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    String line = r.err().lines().findFirst().orElseThrow();
    assertTrue(line.contains("/serving/v1/models/add_one") && line.contains("answered HTTP 404 with"), line);
    assertTrue(line.contains("is the endpoint's base path (or port) right?"), line);
    assertFalse(line.contains("check the model name"), line);
  }

  @Test
  void commandLineMistakesAreUsageErrors() {
    String endpoint = emulator.endpoint("kserve-v2+http");
    assertEquals(ExitCodes.USAGE, CliRun.run("infer", "-e", endpoint, "-m", "add_one", "-i", "x=[1,[2]]").code());
    assertEquals(ExitCodes.USAGE, CliRun.run("infer", "-e", endpoint, "-m", "add_one", "-i", "x=300:UINT8").code());
    assertEquals(ExitCodes.USAGE, CliRun.run("infer", "-e", endpoint, "-m", "add_one").code());
    assertEquals(ExitCodes.USAGE, CliRun.run("infer", "-e", "not an endpoint", "-m", "m", "-i", "x=1").code());
    assertEquals(ExitCodes.USAGE, CliRun.run("infer", "-e", endpoint, "--no-such-option").code());
    CliRun missingFile = CliRun.run("infer", "-e", endpoint, "-m", "m", "-i", "x=@/no/such/file.npy");
    assertEquals(ExitCodes.USAGE, missingFile.code());
    assertTrue(missingFile.err().contains("no such file: /no/such/file.npy"), missingFile.err());
  }

  @Test
  void anUnknownSchemeNamesTheArtifacts() {
    CliRun r = CliRun.run("infer", "-e", "torchserve+http://127.0.0.1:8080", "-m", "m", "-i", "x=1");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: connecting at torchserve+http://127.0.0.1:8080 failed:"), r.err());
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command : new String[] {"demo", "infer", "metadata", "ready", "health", "batch", "parity", "emulator"}) {
      CliRun r = CliRun.run(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().startsWith("Usage: inferlink " + command), r.out());
    }
    CliRun bare = CliRun.run();
    assertEquals(ExitCodes.USAGE, bare.code());
    assertTrue(bare.err().contains("Exit codes: 0 ok, 1 failure, 2 usage"), bare.err());
  }
}
