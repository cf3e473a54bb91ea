package io.inferlink.benchmarks;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.kserve.KServeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Asynchronous throughput of one client with 1, 16 or 256 requests in flight (a semaphore keeps the
 * window full; one benchmark thread issues, completions release), FP32 {@code [1,3,224,224]} through
 * the identity model over V2 gRPC and V2 REST (binary). Requests per second is the score; after the
 * trial the JVM's live threads (and how many the client added) and the heap in use after a full GC
 * are appended as one JSON line to the file named by {@value #STATS} (and printed).
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 2, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AsyncThroughputBench {
  /** System property: the JSON-lines file for threads and heap after each trial. */
  public static final String STATS = "inferlink.bench.stats";

  @Param({"grpc", "rest"})
  public String transport;

  @Param({"1", "16", "256"})
  public int inFlight;

  private InferenceClient client;
  private InferenceRequest request;
  private Semaphore window;
  private int threadsBefore;
  private int peakThreads;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

  @Setup
  public void setUp() {
    threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    client = transport.equals("grpc")
        ? BenchClients.inferlink("kserve-v2+grpc", BenchTargets.oipGrpcPort(), BenchClients.options().build())
        : BenchClients.v2Rest(BenchTargets.oipHttpPort(), KServeOptions.Binary.ALWAYS);
    request = InferenceRequest.builder(Payloads.MODEL).input(Payloads.tensor(Payloads.IMAGE)).build();
    window = new Semaphore(inFlight);
  }

  @Benchmark
  public void infer() throws InterruptedException {
    window.acquire();
    client.inferAsync(request).whenComplete((response, error) -> {
      if (error != null && failures.getAndIncrement() == 0) {
        firstFailure.set(error);
      }
      window.release();
    });
  }

  /** Lets the window drain so no call of this iteration runs into the next, and fails on any failed call. */
  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!window.tryAcquire(inFlight, 2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("calls still in flight after 2 minutes");
    }
    peakThreads = Math.max(peakThreads, ManagementFactory.getThreadMXBean().getThreadCount());
    window.release(inFlight);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " calls failed", firstFailure.get());
    }
  }

  @TearDown
  public void tearDown() {
    int alive = ManagementFactory.getThreadMXBean().getThreadCount();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    client.close();
    String line = String.format(java.util.Locale.ROOT,
        "{\"benchmark\":\"%s\",\"transport\":\"%s\",\"inFlight\":%d,\"threadsAlive\":%d,\"threadsBefore\":%d,"
            + "\"clientThreads\":%d,\"peakThreads\":%d,\"heapAfterBytes\":%d}",
        AsyncThroughputBench.class.getName() + ".infer", transport, inFlight, alive, threadsBefore,
        alive - threadsBefore, peakThreads, heap);
    System.out.println("async-stats " + line);
    String file = System.getProperty(STATS);
    if (file != null) {
      try {
        Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
