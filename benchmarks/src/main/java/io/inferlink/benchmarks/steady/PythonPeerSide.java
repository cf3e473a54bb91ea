package io.inferlink.benchmarks.steady;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Python {@code tritonclient} against the real peer, one case ({@code --transport}, {@code --in-flight})
 * per fork: {@code benchmarks/peer_tritonclient.py} in its own process, stopped by PID if it overruns.
 */
final class PythonPeerSide implements Side {
  private final String python;
  private final Path script;
  private final String httpAddress;
  private final String grpcAddress;
  private final String transport;
  private final int inFlight;
  private final JmhSide.Iterations iterations;
  private final Path logs;

  PythonPeerSide(String python, Path script, String httpAddress, String grpcAddress, String transport, int inFlight,
      JmhSide.Iterations iterations, Path logs) {
    this.python = python;
    this.script = script;
    this.httpAddress = httpAddress;
    this.grpcAddress = grpcAddress;
    this.transport = transport;
    this.inFlight = inFlight;
    this.iterations = iterations;
    this.logs = logs;
  }

  @Override
  public String label() {
    return "tritonclient." + transport;
  }

  @Override
  public Measured measure(int fork) throws Exception {
    String name = "tritonclient-" + transport + "-inFlight=" + inFlight + "-fork" + fork;
    Path out = logs.resolve(name + ".json");
    Process p = new ProcessBuilder(List.of(python, script.toString(), "--http", httpAddress, "--grpc", grpcAddress,
        "--transport", transport, "--in-flight", Integer.toString(inFlight),
        "--warmup-seconds", seconds(iterations.warmups() * iterations.warmupMillis()),
        "--iterations", Integer.toString(iterations.measurements()),
        "--seconds", seconds(iterations.measurementMillis()), "--out", out.toString()))
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile())
        .start();
    long limit = (long) (iterations.seconds() + 120);
    if (!p.waitFor(limit, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException(name + " did not finish in " + limit + " s (see " + name + ".log)");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(name + " failed with exit code " + p.exitValue() + " (see " + name + ".log)");
    }
    JsonNode result = new ObjectMapper().readTree(out.toFile());
    return new Measured(result.path("score").asDouble(Double.NaN), Double.NaN, Double.NaN, Double.NaN);
  }

  private static String seconds(long millis) {
    return Double.toString(millis / 1000.0);
  }
}
