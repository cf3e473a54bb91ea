package io.inferlink.benchmarks;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.kserve.KServeOptions;
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Against a real peer: FP32 {@code [1,3,224,224]} (sent as {@code [1,1,3,224,224]} to the {@code r5}
 * input, the only FP32 input of PyTriton's identity model with a rank that holds it) through Triton
 * served by PyTriton ({@code realservers/pytriton_models.py}), sync, one thread, over V2 REST binary
 * and V2 gRPC. {@code benchmarks/peer_tritonclient.py} measures Python {@code tritonclient} the same
 * way in the same run. The ports come from {@value #HTTP} and {@value #GRPC}; not part of the smoke test.
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 5, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PeerBench {
  /** System property: PyTriton's HTTP port. */
  public static final String HTTP = "inferlink.bench.peer.http";
  /** System property: PyTriton's gRPC port. */
  public static final String GRPC = "inferlink.bench.peer.grpc";
  /** The identity input used. */
  public static final String INPUT = "r5";

  @Param({"http", "grpc"})
  public String transport;

  private InferenceClient client;
  private Tensor tensor;

  @Setup
  public void setUp() {
    long[] image = Payloads.shape(Payloads.IMAGE);
    long[] shape = {1, image[0], image[1], image[2], image[3]};
    tensor = Tensor.ofFloats(INPUT, Payloads.floats(image), shape);
    client = transport.equals("http")
        ? BenchClients.inferlink("kserve-v2+http", port(HTTP),
            BenchClients.options().option(KServeOptions.BINARY, KServeOptions.Binary.ALWAYS).build())
        : BenchClients.inferlink("kserve-v2+grpc", port(GRPC), BenchClients.options().build());
  }

  private static int port(String property) {
    String v = System.getProperty(property);
    if (v == null) {
      throw new IllegalStateException("PeerBench needs -D" + property + " (benchmarks/run starts PyTriton)");
    }
    return Integer.parseInt(v);
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public FloatBuffer inferlink() {
    return client.infer(InferenceRequest.builder(Payloads.MODEL).input(tensor).requestOutputs(INPUT).build())
        .output(INPUT).asFloatBuffer();
  }
}
