package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emulator}: serves on the chosen port, hosts described models, stops by itself. */
class EmulatorCommandTest {

  @Test
  void servesOnTheChosenPortUntilMaxSeconds(@TempDir Path dir) throws Exception {
    Path models = dir.resolve("models.json");
    Files.writeString(models, "{\"models\": [{\"name\": \"scorer\","
        + " \"inputs\": [{\"name\": \"x\", \"dtype\": \"FP32\", \"shape\": [-1]}],"
        + " \"outputs\": [{\"name\": \"scores\", \"dtype\": \"FP32\", \"shape\": [3], \"data\": [0.1, 0.2, 0.7]},"
        + " {\"name\": \"x\", \"dtype\": \"FP32\", \"shape\": [-1]}]}]}");
    int port = EmulatorFixture.closedPort();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"emulator",
        "--kserve-v2-rest-port", String.valueOf(port), "--models", models.toString(), "--max-seconds", "3"},
        new PrintWriter(out, true), new PrintWriter(err, true), () -> false));
    String endpoint = "kserve-v2+http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString().contains("serving for") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(out.toString().contains("  " + endpoint + "\n"), out + "\n" + err);
    assertTrue(out.toString().contains("models: identity, add_one, classifier, fail, sleep, versioned, scorer"), out.toString());

    CliRun r = CliRun.run("infer", "-e", endpoint, "-m", "scorer", "-i", "x=[5]:FP32", "-o", "json");
    assertEquals(0, r.code(), r.toString());
    assertEquals("[0.1,0.2,0.7]", r.json().get("outputs").get(0).get("data").toString());
    assertEquals("[5.0]", r.json().get("outputs").get(1).get("data").toString(), "an output without data echoes the input");

    assertEquals(0, running.get(15, TimeUnit.SECONDS), err.toString());
    assertTrue(out.toString().endsWith("emulator stopped\n"), out.toString());
    assertEquals(ExitCodes.FAILURE, CliRun.run("ready", "-e", endpoint, "--timeout", "5s").code(), "stopped for real");
  }

  @Test
  void ovmsServesBothApisOnTwoMorePorts() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"emulator",
        "--ovms", "--max-seconds", "15"}, new PrintWriter(out, true), new PrintWriter(err, true), () -> false));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString().contains("serving for") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    for (String scheme : new String[] {"ovms+http", "ovms+grpc"}) {
      String line = out.toString().lines().filter(l -> l.startsWith("  " + scheme + "://127.0.0.1:")).findFirst()
          .orElseThrow(() -> new AssertionError("no " + scheme + " endpoint in:\n" + out + err));
      CliRun r = CliRun.run("ready", "-e", line.trim(), "-m", "classifier");
      assertEquals(0, r.code(), r.toString());
    }
    assertEquals(0, running.get(30, TimeUnit.SECONDS), err.toString());
    assertTrue(out.toString().endsWith("emulator stopped\n"), out.toString());
  }

  @Test
  void aPortInUseFailsCleanly() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRun r = CliRun.run("emulator", "--tfserving-grpc-port", String.valueOf(taken.getLocalPort()), "--max-seconds", "1");
      assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
      assertTrue(r.err().startsWith("error: starting the emulator failed:"), r.err());
      assertTrue(r.err().contains("is the port in use?"), r.err());
    }
  }

  @Test
  void badDescriptionsAndPortsAreUsageErrors(@TempDir Path dir) throws IOException {
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "{\"models\": []}");
    assertEquals(ExitCodes.USAGE, CliRun.run("emulator", "--models", empty.toString(), "--max-seconds", "1").code());
    assertEquals(ExitCodes.USAGE, CliRun.run("emulator", "--kserve-v1-port", "70000", "--max-seconds", "1").code());
  }
}
