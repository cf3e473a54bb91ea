package io.inferlink.benchmarks;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.kserve.KServeOptions;
import java.nio.FloatBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
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
 * served by PyTriton ({@code realservers/pytriton_models.py}) over V2 REST binary and V2 gRPC, with
 * 1 call in flight (sync {@code infer}, one thread) or 16 ({@code inferAsync} from one JMH thread, a
 * semaphore keeping the window full as {@link AsyncThroughputBench} does; the score is then completed
 * calls per second, since each loop body waits for one slot to free). {@code
 * benchmarks/peer_tritonclient.py} measures Python {@code tritonclient} the same way (its sync
 * clients at 1, their {@code async_infer} at 16). The ports come from {@value #HTTP} and {@value #GRPC}; not part of the smoke test.
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

  @Param({"1", "16"})
  public int inFlight;

  private InferenceClient client;
  private Tensor tensor;
  private InferenceRequest request;
  private Semaphore window;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

  @Setup
  public void setUp() {
    long[] image = Payloads.shape(Payloads.IMAGE);
    long[] shape = {1, image[0], image[1], image[2], image[3]};
    tensor = Tensor.ofFloats(INPUT, Payloads.floats(image), shape);
    client = transport.equals("http")
        ? BenchClients.inferlink("kserve-v2+http", port(HTTP),
            BenchClients.options().option(KServeOptions.BINARY, KServeOptions.Binary.ALWAYS).build())
        : BenchClients.inferlink("kserve-v2+grpc", port(GRPC), BenchClients.options().build());
    // The async loop reuses one request (immutable), as a careful user issuing many would.
    request = InferenceRequest.builder(Payloads.MODEL).input(tensor).requestOutputs(INPUT).build();
    window = new Semaphore(inFlight);
  }

  private static int port(String property) {
    String v = System.getProperty(property);
    if (v == null) {
      throw new IllegalStateException("PeerBench needs -D" + property + " (benchmarks/run starts PyTriton)");
    }
    return Integer.parseInt(v);
  }

  /** Lets the window drain so no call of this iteration runs into the next, and fails on any failed call. */
  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!window.tryAcquire(inFlight, 2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("calls still in flight after 2 minutes");
    }
    window.release(inFlight);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " calls failed", firstFailure.get());
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public FloatBuffer inferlink() throws InterruptedException {
    if (inFlight == 1) {
      return client.infer(InferenceRequest.builder(Payloads.MODEL).input(tensor).requestOutputs(INPUT).build())
          .output(INPUT).asFloatBuffer();
    }
    window.acquire();
    client.inferAsync(request).whenComplete((response, error) -> {
      Throwable failure = error != null ? error
          : response.output(INPUT).asFloatBuffer().remaining() == tensor.elementCount() ? null
          : new IllegalStateException("answer of the wrong size");
      if (failure != null && failures.getAndIncrement() == 0) {
        firstFailure.set(failure);
      }
      window.release();
    });
    return null;
  }
}
