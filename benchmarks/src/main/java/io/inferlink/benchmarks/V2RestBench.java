package io.inferlink.benchmarks;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.kserve.KServeOptions;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Open Inference Protocol REST infer of an FP32 image (batch) through an identity model: Inferlink with
 * the binary tensor extension vs Inferlink with JSON vs a raw Apache HttpClient POST of the same binary
 * request pre-encoded (the transport's ceiling: no encoding, no decoding).
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class V2RestBench {
  @Param({Payloads.IMAGE, Payloads.BATCH})
  public String shape;

  private Tensor tensor;
  private InferenceClient binary;
  private InferenceClient json;
  private CloseableHttpAsyncClient raw;
  private String url;
  private byte[] preEncoded;
  private String headerLength;

  @Setup
  public void setUp() {
    tensor = Payloads.tensor(shape);
    int port = BenchTargets.oipHttpPort();
    binary = BenchClients.v2Rest(port, KServeOptions.Binary.ALWAYS);
    json = BenchClients.v2Rest(port, KServeOptions.Binary.NEVER);
    raw = BenchClients.rawHttp();
    url = "http://" + BenchTargets.HOST + ":" + port + "/v2/models/" + Payloads.MODEL + "/infer";
    byte[] header = ("{\"parameters\":{\"binary_data_output\":true},\"inputs\":[{\"name\":\"" + Payloads.TENSOR
        + "\",\"shape\":" + java.util.Arrays.toString(tensor.shape()).replace(" ", "")
        + ",\"datatype\":\"FP32\",\"parameters\":{\"binary_data_size\":" + tensor.byteSize() + "}}]}")
        .getBytes(StandardCharsets.UTF_8);
    preEncoded = new byte[header.length + tensor.byteSize()];
    System.arraycopy(header, 0, preEncoded, 0, header.length);
    tensor.data().get(preEncoded, header.length, tensor.byteSize());
    headerLength = Integer.toString(header.length);
  }

  @TearDown
  public void tearDown() {
    binary.close();
    json.close();
    BenchClients.close(raw);
  }

  @Benchmark
  public FloatBuffer inferlink_binary() {
    return binary.infer(request()).output(Payloads.TENSOR).asFloatBuffer();
  }

  @Benchmark
  public FloatBuffer inferlink_json() {
    return json.infer(request()).output(Payloads.TENSOR).asFloatBuffer();
  }

  @Benchmark
  public byte[] raw_http() throws ExecutionException, InterruptedException {
    return RawHttp.post(raw, url, preEncoded, ContentType.APPLICATION_OCTET_STREAM,
        "Inference-Header-Content-Length", headerLength);
  }

  private InferenceRequest request() {
    return InferenceRequest.builder(Payloads.MODEL).input(tensor).build();
  }
}
