package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.npy.NpyFiles;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch}: JSONL and .npy folders, failed items recorded while the run goes on, progress lines. */
class BatchCommandTest {
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
  void aFailingItemIsRecordedAndTheRunGoesOn(@TempDir Path dir) throws IOException {
    Path jsonl = dir.resolve("requests.jsonl");
    Files.writeString(jsonl, String.join("\n",
        "{\"id\": \"first\", \"inputs\": {\"x\": {\"dtype\": \"FP32\", \"shape\": [2], \"data\": [1, 2]}}}",
        "{\"x\": {\"dtype\": \"INT64\", \"data\": [1]}}",
        "",
        "this is not json",
        "{\"x\": {\"dtype\": \"FP32\", \"data\": [[10], [20]]}}") + "\n", StandardCharsets.UTF_8);
    Path results = dir.resolve("results.jsonl");
    CliRun r = CliRun.run("batch", "-e", emulator.endpoint("kserve-v2+grpc"), "-m", "add_one", "--jsonl", jsonl.toString(),
        "--concurrency", "2", "--out", results.toString());
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    List<JsonNode> lines = byIndex(results);
    assertEquals(4, lines.size());
    assertEquals("first", lines.get(0).get("id").asText());
    assertTrue(lines.get(0).get("ok").asBoolean());
    assertEquals("[2.0,3.0]", lines.get(0).get("outputs").get(0).get("data").toString());
    assertFalse(lines.get(1).get("ok").asBoolean());
    assertEquals("INVALID_ARGUMENT", lines.get(1).get("error").get("code").asText());
    assertTrue(lines.get(1).get("error").get("message").asText().contains("must be FP32"), lines.get(1).toString());
    assertEquals("line-4", lines.get(2).get("id").asText(), "blank lines are skipped but counted");
    assertEquals("BAD_INPUT", lines.get(2).get("error").get("code").asText());
    assertTrue(lines.get(3).get("ok").asBoolean(), "the run went on after the failures");
    assertEquals("[2,1]", lines.get(3).get("outputs").get(0).get("shape").toString());
    assertTrue(r.err().contains("batch: 4 items, 2 ok, 2 failed"), r.err());
    assertEquals("", r.out(), "results went to --out");
  }

  @Test
  void aFolderOfNpyFilesGoesToTheModelsOnlyInput(@TempDir Path dir) {
    for (int i = 0; i < 6; i++) {
      NpyFiles.write(Tensor.ofFloats("x", new float[] {i, i, i, i}, 1, 4), dir.resolve("flower-" + i + ".npy"));
    }
    CliRun r = CliRun.run("batch", "-e", emulator.endpoint("tfserving+http"), "-m", "classifier",
        "--npy-dir", dir.toString(), "-c", "3");
    assertEquals(0, r.code(), r.toString());
    List<JsonNode> lines = r.out().lines().map(CliRun::parse).sorted(Comparator.comparingLong(n -> n.get("index").asLong())).toList();
    assertEquals(6, lines.size());
    assertEquals("flower-0.npy", lines.get(0).get("id").asText());
    assertTrue(lines.stream().allMatch(l -> l.get("ok").asBoolean()), r.out());
    assertEquals("label", lines.get(5).get("outputs").get(0).get("name").asText());
  }

  @Test
  void printsPlainProgressLinesWhenNotOnATerminal(@TempDir Path dir) throws IOException {
    Path jsonl = dir.resolve("sleepy.jsonl");
    Files.writeString(jsonl, "{\"millis\": {\"dtype\": \"INT64\", \"data\": [400]}}\n".repeat(3), StandardCharsets.UTF_8);
    CliRun r = CliRun.run("batch", "-e", emulator.endpoint("kserve-v2+http"), "-m", "sleep", "--jsonl", jsonl.toString(),
        "-c", "1", "--progress-every", "300ms");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().lines().anyMatch(l -> l.matches("batch: \\d/3 +\\d+% .* items/s +ETA .*")), r.err());
    assertFalse(r.err().contains("\r"), "no redrawing outside a terminal");
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun r = CliRun.run("batch", "-e", emulator.endpoint("kserve-v2+http"), "-m", "add_one", "--jsonl", "/no/such.jsonl");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    CliRun both = CliRun.run("batch", "-e", emulator.endpoint("kserve-v2+http"), "-m", "add_one");
    assertEquals(ExitCodes.USAGE, both.code(), "a source is required");
  }

  private static List<JsonNode> byIndex(Path results) {
    try {
      return Files.readAllLines(results).stream().map(CliRun::parse)
          .sorted(Comparator.comparingLong(n -> n.get("index").asLong())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
