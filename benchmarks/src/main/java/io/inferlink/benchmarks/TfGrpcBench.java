package io.inferlink.benchmarks;

import com.google.protobuf.UnsafeByteOperations;
import io.grpc.ManagedChannel;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.DataType;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
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
 * TF Serving gRPC Predict of an FP32 image (batch) through an identity model: Inferlink (which sends
 * {@code tensor_content}) vs a raw grpc-java stub with {@code tensor_content} (what a careful user
 * writes: the little-endian bytes wrapped once, the answer read as a float view of its bytes) vs the
 * stub with {@code float_val}, the form most TF Serving Java examples use. Every variant builds its
 * input once from the same {@code float[]} and ends with the answer readable as floats.
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 4, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TfGrpcBench {
  @Param({Payloads.IMAGE, Payloads.BATCH})
  public String shape;

  private Tensor tensor;
  private TensorProto content;
  private TensorProto floatVal;
  private InferenceClient client;
  private ManagedChannel channel;
  private PredictionServiceGrpc.PredictionServiceBlockingStub stub;

  @Setup
  public void setUp() {
    long[] s = Payloads.shape(shape);
    float[] values = Payloads.floats(s);
    tensor = Tensor.ofFloats(Payloads.TENSOR, values, s);
    TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
    for (long d : s) {
      dims.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    content = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(dims)
        .setTensorContent(UnsafeByteOperations.unsafeWrap(Payloads.littleEndian(values))).build();
    TensorProto.Builder p = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(dims);
    for (float v : values) {
      p.addFloatVal(v);
    }
    floatVal = p.build();
    int port = BenchTargets.tfGrpcPort();
    client = BenchClients.inferlink("tfserving+grpc", port, BenchClients.options().build());
    channel = BenchClients.rawChannel(port);
    stub = PredictionServiceGrpc.newBlockingStub(channel);
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
    PredictRequest request = PredictRequest.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName(Payloads.MODEL))
        .putInputs(Payloads.TENSOR, content).build();
    PredictResponse response = stub.withDeadlineAfter(2, TimeUnit.MINUTES).predict(request);
    return response.getOutputsOrThrow(Payloads.TENSOR).getTensorContent().asReadOnlyByteBuffer()
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  @Benchmark
  public List<Float> raw_stub_float_val() {
    PredictRequest request = PredictRequest.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName(Payloads.MODEL))
        .putInputs(Payloads.TENSOR, floatVal).build();
    PredictResponse response = stub.withDeadlineAfter(2, TimeUnit.MINUTES).predict(request);
    return response.getOutputsOrThrow(Payloads.TENSOR).getFloatValList();
  }
}
