package io.inferlink.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.ManagedChannel;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
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
 * Open Inference Protocol gRPC infer of an FP32 image (batch) through an identity model: Inferlink vs a
 * raw grpc-java stub on the same generated classes with {@code raw_input_contents} (what a careful
 * user writes) vs the stub with typed {@code fp32_contents} (what most tutorials write). Every variant
 * builds its input once from the same {@code float[]} and ends with the answer readable as floats.
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 4, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class V2GrpcBench {
  @Param({Payloads.IMAGE, Payloads.BATCH})
  public String shape;

  private Tensor tensor;
  private List<Long> dims;
  private ByteString raw;
  private InferTensorContents typed;
  private InferenceClient client;
  private ManagedChannel channel;
  private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;

  @Setup
  public void setUp() {
    long[] s = Payloads.shape(shape);
    float[] values = Payloads.floats(s);
    tensor = Tensor.ofFloats(Payloads.TENSOR, values, s);
    dims = java.util.Arrays.stream(s).boxed().toList();
    raw = UnsafeByteOperations.unsafeWrap(Payloads.littleEndian(values));
    InferTensorContents.Builder c = InferTensorContents.newBuilder();
    for (float v : values) {
      c.addFp32Contents(v);
    }
    typed = c.build();
    int port = BenchTargets.oipGrpcPort();
    client = BenchClients.inferlink("kserve-v2+grpc", port, BenchClients.options().build());
    channel = BenchClients.rawChannel(port);
    stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    client.close();
    BenchClients.close(channel);
  }

  @Benchmark
  public FloatBuffer inferlink() {
    return client.infer(InferenceRequest.builder(Payloads.MODEL).input(tensor).build())
        .output(Payloads.TENSOR).asFloatBuffer();
  }

  @Benchmark
  public FloatBuffer raw_stub() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(Payloads.MODEL)
        .addInputs(input()).addRawInputContents(raw).build();
    ModelInferResponse response = stub.withDeadlineAfter(2, TimeUnit.MINUTES).modelInfer(request);
    return response.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  @Benchmark
  public List<Float> typed_stub() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(Payloads.MODEL)
        .addInputs(input().setContents(typed)).build();
    ModelInferResponse response = stub.withDeadlineAfter(2, TimeUnit.MINUTES).modelInfer(request);
    return response.getOutputs(0).getContents().getFp32ContentsList();
  }

  private InferInputTensor.Builder input() {
    return InferInputTensor.newBuilder().setName(Payloads.TENSOR).setDatatype("FP32").addAllShape(dims);
  }
}
