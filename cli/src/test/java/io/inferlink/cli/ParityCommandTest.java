package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code parity} across protocols of one emulator (all alike) and against a tweaked one (not alike). */
class ParityCommandTest {
  static Emulator emulator;
  static Emulator tweaked;

  @BeforeAll
  static void start() {
    emulator = EmulatorFixture.allProtocols();
    // add_one that adds 1.001: what a server with a subtly different model would answer.
    TensorSpec x = new TensorSpec("x", DataType.FP32, new long[] {-1, -1});
    TensorSpec y = new TensorSpec("y", DataType.FP32, new long[] {-1, -1});
    ScriptedModel offByAHair = ScriptedModel.of("add_one", List.of(x), List.of(y), call -> {
      Tensor in = call.inputs().get("x");
      float[] v = in.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        v[i] += 1.001f;
      }
      return List.of(Tensor.ofFloats("y", v, in.shape()));
    });
    tweaked = EmulatorFixture.allProtocols(ModelScript.builder().add(offByAHair).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
    tweaked.close();
  }

  @Test
  void everyProtocolGivesTheSameAnswer() {
    CliRun r = CliRun.run("parity", "-m", "classifier", "-i", "x=[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]:FP32",
        "-e", emulator.endpoint("kserve-v2+grpc"), "-e", emulator.endpoint("kserve-v2+http"),
        "-e", emulator.endpoint("tfserving+grpc"), "-e", emulator.endpoint("tfserving+http"), "-o", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode doc = r.json();
    assertTrue(doc.get("match").asBoolean());
    assertEquals(4, doc.get("servers").size());
    assertEquals(6, doc.get("comparisons").size(), "2 outputs x 3 servers against the baseline");
    assertEquals(0.0, doc.get("comparisons").get(1).get("max_abs_diff").asDouble());
    assertTrue(doc.get("comparisons").get(0).get("max_abs_diff").isNull(), "BYTES have no numeric difference");
  }

  @Test
  void aTweakedServerIsAMismatchUnlessTheToleranceCoversIt() {
    String[] common = {"parity", "-m", "add_one", "-i", "x=[[1,2]]:FP32",
        "-e", emulator.endpoint("tfserving+http"), "-e", tweaked.endpoint("kserve-v2+grpc")};
    CliRun exact = CliRun.run(concat(common, "-o", "json"));
    assertEquals(ExitCodes.MISMATCH, exact.code(), exact.toString());
    JsonNode c = exact.json().get("comparisons").get(0);
    assertFalse(c.get("match").asBoolean());
    assertTrue(c.get("dtype_equal").asBoolean());
    assertTrue(c.get("shape_equal").asBoolean());
    assertEquals(0.001, c.get("max_abs_diff").asDouble(), 1e-6);
    assertEquals(2, c.get("mismatches").asInt());
    assertTrue(c.get("first_mismatch").asText().startsWith("at [0, 0]: 2.001 vs 2.0"), c.toString());

    CliRun table = CliRun.run(common);
    assertEquals(ExitCodes.MISMATCH, table.code());
    assertTrue(table.out().contains("MISMATCH"), table.out());
    assertTrue(table.out().contains("1 of 1 output comparisons did not match"), table.out());

    assertEquals(0, CliRun.run(concat(common, "--tolerance", "0.01")).code());
    assertEquals(0, CliRun.run(concat(common, "--rtol", "0.001")).code());
  }

  @Test
  void anUnreachableServerIsAFailureNotAMismatch() {
    String down = "kserve-v2+http://127.0.0.1:" + EmulatorFixture.closedPort();
    CliRun r = CliRun.run("parity", "-m", "add_one", "-i", "x=[[1]]:FP32", "--timeout", "5s",
        "-e", emulator.endpoint("kserve-v2+http"), "-e", down);
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(r.out().contains("FAILED"), r.out());
    assertTrue(r.out().contains("1 of 2 calls failed"), r.out());
  }

  @Test
  void needsTwoEndpoints() {
    CliRun r = CliRun.run("parity", "-m", "add_one", "-i", "x=[[1]]:FP32", "-e", emulator.endpoint("kserve-v2+http"));
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("at least two --endpoint"), r.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
