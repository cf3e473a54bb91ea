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
 * Issue 17: an identity call of 1 MiB of FP32 ({@link CompressionPayloads}) over V2 REST (binary tensors)
 * and V2 gRPC, with {@code compression} {@code none} or {@code gzip}, against the echo servers (which
 * inflate gzip requests and compress the answer of a call that asked for it, as Triton does). Throughput
 * here; the bytes each call puts on the wire are measured by {@link CompressionWireBytes}.
 */
@Warmup(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompressionBench {
  @Param({CompressionPayloads.ZEROS, CompressionPayloads.RAMP, CompressionPayloads.RANDOM})
  public String tensor;

  @Param({"none", "gzip"})
  public String compression;

  private InferenceRequest request;
  private InferenceClient rest;
  private InferenceClient grpc;

  @Setup
  public void setUp() {
    Tensor t = CompressionPayloads.tensor(tensor);
    request = InferenceRequest.builder(Payloads.MODEL).input(t).build();
    rest = BenchClients.inferlink("kserve-v2+http", BenchTargets.oipHttpPort(), BenchClients.options()
        .option(KServeOptions.BINARY, KServeOptions.Binary.ALWAYS).compression(compression).build());
    grpc = BenchClients.inferlink("kserve-v2+grpc", BenchTargets.oipGrpcPort(),
        BenchClients.options().compression(compression).build());
  }

  @TearDown
  public void tearDown() {
    rest.close();
    grpc.close();
  }

  @Benchmark
  public FloatBuffer v2_rest_binary() {
    return rest.infer(request).output(Payloads.TENSOR).asFloatBuffer();
  }

  @Benchmark
  public FloatBuffer v2_grpc() {
    return grpc.infer(request).output(Payloads.TENSOR).asFloatBuffer();
  }
}
