package io.inferlink.benchmarks;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.tfserving.rest.internal.TfRestCodecAccess;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.RequestBody;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * TF Serving REST JSON, in memory: Inferlink's streaming codec (tensor buffer to request body, answer
 * body to tensor) vs Jackson databind of the nested Java arrays a databind user holds
 * ({@code float[][][][]}, {@code long[][][][]}, ...), both ways. Cases: {@code fp32} (values in [0, 1)),
 * {@code fp32_nan} (one value in 64 NaN or ±Infinity, written bare as TF Serving does), {@code fp64} (values in
 * [0, 1), 17 digits), {@code int64} (the whole range, beyond double's 53 bits), {@code int32} (the whole range),
 * {@code bool} (random), {@code bytes} (short text strings, e.g. {@code "w4711"}): every element type TF Serving's
 * JSON has. The databind mapper is configured as TF Serving needs (bare NaN both ways), which does not change its
 * speed on plain numbers. The answer decoded is {@code {"outputs": value}}, TF Serving's columnar form for one
 * output, typed by the signature.
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 2, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TfRestCodecBench {
  /** {@code case:shape}. */
  @Param({"fp32:" + Payloads.IMAGE, "fp32:" + Payloads.BATCH, "fp32_nan:" + Payloads.IMAGE, "int64:" + Payloads.IMAGE,
      "fp64:" + Payloads.IMAGE, "int32:" + Payloads.IMAGE, "bool:" + Payloads.IMAGE, "bytes:" + Payloads.IMAGE})
  public String payload;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private InferenceRequest request;
  private Map<String, Map<String, Object>> databindRequest;
  private byte[] answer;
  private List<TensorSpec> signature;
  private Class<?> answerType;

  /** What databind reads an FP32 answer into. */
  public static final class FloatAnswer {
    public float[][][][] outputs;
  }

  /** What databind reads an INT64 answer into. */
  public static final class LongAnswer {
    public long[][][][] outputs;
  }

  /** What databind reads an FP64 answer into. */
  public static final class DoubleAnswer {
    public double[][][][] outputs;
  }

  /** What databind reads an INT32 answer into. */
  public static final class IntAnswer {
    public int[][][][] outputs;
  }

  /** What databind reads a BOOL answer into. */
  public static final class BooleanAnswer {
    public boolean[][][][] outputs;
  }

  /** What databind reads a BYTES (text) answer into. */
  public static final class StringAnswer {
    public String[][][][] outputs;
  }

  @Setup
  public void setUp() throws IOException {
    String[] parts = payload.split(":");
    long[] shape = Payloads.shape(parts[1]);
    Tensor tensor;
    Object nested;
    SplittableRandom random = new SplittableRandom(42);
    int n = Payloads.elements(shape);
    if (parts[0].equals("int64")) {
      long[] values = new long[n];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextLong();
      }
      tensor = Tensor.ofLongs(Payloads.TENSOR, values, shape);
      answerType = LongAnswer.class;
    } else if (parts[0].equals("fp64")) {
      double[] values = new double[n];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextDouble();
      }
      tensor = Tensor.ofDoubles(Payloads.TENSOR, values, shape);
      answerType = DoubleAnswer.class;
    } else if (parts[0].equals("int32")) {
      int[] values = new int[n];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt();
      }
      tensor = Tensor.ofInts(Payloads.TENSOR, values, shape);
      answerType = IntAnswer.class;
    } else if (parts[0].equals("bool")) {
      boolean[] values = new boolean[n];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextBoolean();
      }
      tensor = Tensor.ofBooleans(Payloads.TENSOR, values, shape);
      answerType = BooleanAnswer.class;
    } else if (parts[0].equals("bytes")) {
      String[] values = new String[n];
      for (int i = 0; i < values.length; i++) {
        values[i] = "w" + random.nextInt(100_000);
      }
      tensor = Tensor.ofStrings(Payloads.TENSOR, values, shape);
      answerType = StringAnswer.class;
    } else {
      float[] values = Payloads.floats(shape);
      if (parts[0].equals("fp32_nan")) {
        for (int i = 0; i < values.length; i += 64) {
          values[i] = i % 192 == 0 ? Float.NaN : i % 192 == 64 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        }
      }
      tensor = Tensor.ofFloats(Payloads.TENSOR, values, shape);
      answerType = FloatAnswer.class;
    }
    nested = tensor.toArray();
    request = InferenceRequest.builder(Payloads.MODEL).input(tensor).build();
    databindRequest = Map.of("inputs", Map.of(Payloads.TENSOR, nested));
    answer = MAPPER.writeValueAsBytes(Map.of("outputs", nested));
    signature = List.of(new TensorSpec(Payloads.TENSOR, tensor.dtype(), shape));
    if (tensor.dtype() == DataType.FP32 && !parts[0].startsWith("fp32")) {
      throw new IllegalStateException("unknown case " + parts[0]);
    }
  }

  @Benchmark
  public RequestBody inferlink_encode() {
    return TfRestCodecAccess.encode(request);
  }

  @Benchmark
  public byte[] databind_encode() throws IOException {
    return MAPPER.writeValueAsBytes(databindRequest);
  }

  @Benchmark
  public List<Tensor> inferlink_decode() {
    return TfRestCodecAccess.decode(ByteChunks.ofBytes(answer), signature);
  }

  @Benchmark
  public Object databind_decode() throws IOException {
    return MAPPER.readValue(answer, answerType);
  }

  /** The encoded request, for checks. */
  byte[] databindRequestBytes() throws IOException {
    return MAPPER.writeValueAsBytes(databindRequest);
  }
}
