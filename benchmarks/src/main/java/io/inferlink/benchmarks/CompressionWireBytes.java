package io.inferlink.benchmarks;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.kserve.KServeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bytes one identity call puts on the wire each way, measured through a {@link CountingProxy} in
 * front of the echo servers: the second of two calls on one connection, so connection set-up (TCP,
 * HTTP/2 preface and settings) is not counted. {@link #main} prints issue 17's table; the test
 * {@code CompressionWireBytesTest} checks its shape. Stateless.
 */
public final class CompressionWireBytes {
  /** One call's bytes: client to server, server to client. */
  record Wire(long up, long down) {}

  private CompressionWireBytes() {}

  /** Measures a call of {@code tensor} over {@code scheme} (kserve-v2+http or +grpc) with {@code compression}. */
  static Wire measure(String scheme, String tensor, String compression) {
    int port = scheme.endsWith("grpc") ? BenchTargets.oipGrpcPort() : BenchTargets.oipHttpPort();
    ClientOptions options = BenchClients.options().option(KServeOptions.BINARY, KServeOptions.Binary.ALWAYS)
        .compression(compression).build();
    if (scheme.endsWith("grpc")) {
      options = options.toBuilder().removeOption(KServeOptions.BINARY.name()).build();
    }
    InferenceRequest request = InferenceRequest.builder(Payloads.MODEL).input(CompressionPayloads.tensor(tensor)).build();
    try (CountingProxy proxy = new CountingProxy(port);
        InferenceClient client = BenchClients.inferlink(scheme, proxy.port(), options)) {
      client.infer(request);
      long up = proxy.up();
      long down = proxy.down();
      client.infer(request);
      return new Wire(proxy.up() - up, proxy.down() - down);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the table of issue 17 (markdown) for every scheme, tensor and compression. */
  public static void main(String[] args) {
    System.out.println("| protocol | tensor (1 MiB FP32) | compression | bytes up / call | bytes down / call | up vs none |");
    System.out.println("|---|---|---|---:|---:|---:|");
    for (String scheme : new String[] {"kserve-v2+http", "kserve-v2+grpc"}) {
      for (String tensor : new String[] {CompressionPayloads.ZEROS, CompressionPayloads.RAMP, CompressionPayloads.RANDOM}) {
        Wire none = measure(scheme, tensor, "none");
        Wire gzip = measure(scheme, tensor, "gzip");
        String protocol = scheme.endsWith("grpc") ? "V2 gRPC" : "V2 REST binary";
        System.out.printf("| %s | %s | none | %,d | %,d | 1.000 |%n", protocol, tensor, none.up(), none.down());
        System.out.printf("| %s | %s | gzip | %,d | %,d | %.3f |%n", protocol, tensor, gzip.up(), gzip.down(),
            gzip.up() / (double) none.up());
      }
    }
    System.exit(0); // the in-process echo servers' threads
  }
}
