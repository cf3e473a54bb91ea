package io.inferlink.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.ManagedChannel;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A small {@code [1,4]} FP32 request, synchronous, in sample mode (latency percentiles): Inferlink
 * over V2 gRPC and V2 REST (default options: a tensor this small goes as JSON) vs a raw grpc-java stub
 * and a raw Apache HttpClient POST of the same JSON, pre-encoded. The difference of the p50s is what
 * the library adds per call.
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SmallRequestBench {
  private static final float[] VALUES = {0.25f, 0.5f, 0.75f, 1.0f};

  private Tensor tensor;
  private ByteString raw;
  private InferenceClient grpc;
  private InferenceClient rest;
  private ManagedChannel channel;
  private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;
  private CloseableHttpAsyncClient http;
  private String url;
  private byte[] json;

  @Setup
  public void setUp() {
    tensor = Tensor.ofFloats(Payloads.TENSOR, VALUES, 1, 4);
    raw = UnsafeByteOperations.unsafeWrap(Payloads.littleEndian(VALUES));
    int grpcPort = BenchTargets.oipGrpcPort();
    int httpPort = BenchTargets.oipHttpPort();
    grpc = BenchClients.inferlink("kserve-v2+grpc", grpcPort, BenchClients.options().build());
    rest = BenchClients.inferlink("kserve-v2+http", httpPort, BenchClients.options().build());
    channel = BenchClients.rawChannel(grpcPort);
    stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    http = BenchClients.rawHttp();
    url = "http://" + BenchTargets.HOST + ":" + httpPort + "/v2/models/" + Payloads.MODEL + "/infer";
    json = ("{\"inputs\":[{\"name\":\"" + Payloads.TENSOR + "\",\"shape\":[1,4],\"datatype\":\"FP32\","
        + "\"data\":[0.25,0.5,0.75,1.0]}]}").getBytes(StandardCharsets.UTF_8);
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    grpc.close();
    rest.close();
    BenchClients.close(channel);
    BenchClients.close(http);
  }

  @Benchmark
  public FloatBuffer grpc_inferlink() {
    return grpc.infer(request()).output(Payloads.TENSOR).asFloatBuffer();
  }

  @Benchmark
  public FloatBuffer grpc_raw_stub() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(Payloads.MODEL)
        .addInputs(InferInputTensor.newBuilder().setName(Payloads.TENSOR).setDatatype("FP32").addShape(1).addShape(4))
        .addRawInputContents(raw).build();
    ModelInferResponse response = stub.withDeadlineAfter(2, TimeUnit.MINUTES).modelInfer(request);
    return response.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  @Benchmark
  public FloatBuffer rest_inferlink() {
    return rest.infer(request()).output(Payloads.TENSOR).asFloatBuffer();
  }

  @Benchmark
  public byte[] rest_raw_http() throws ExecutionException, InterruptedException {
    return RawHttp.post(http, url, json, ContentType.APPLICATION_JSON, null, null);
  }

  private InferenceRequest request() {
    return InferenceRequest.builder(Payloads.MODEL).input(tensor).build();
  }
}
