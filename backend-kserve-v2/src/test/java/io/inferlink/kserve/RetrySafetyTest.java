package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.testkit.KitModels;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@link RetryPolicy} over both transports never sends again a request the server may have run
 * (reset after the whole request went out, or a deadline after sending) unless it is idempotent, and
 * always retries one that never left (connection refused). Attempts are counted by the headers
 * supplier, which every attempt asks once.
 */
class RetrySafetyTest {
  private static final RetryPolicy THREE_QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new OipGrpcFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static InferenceRequest.Builder identity() {
    return InferenceRequest.builder(KitModels.IDENTITY)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {1f}, 1));
  }

  private static InferenceRequest.Builder sleep(long millis) {
    return InferenceRequest.builder(KitModels.SLEEP)
        .input(Tensor.ofLongs(KitModels.SLEEP_TENSOR, new long[] {millis}, 1)).timeout(Duration.ofMillis(300));
  }

  /** Runs {@code request} once through a client with {@link #THREE_QUICK}; the failure and the attempts made. */
  private static Result call(String endpoint, InferenceRequest request) {
    return call(endpoint, request, false);
  }

  /**
   * As {@link #call(String, InferenceRequest)}; with {@code connectFirst}, a readiness call first opens
   * the connection, so that a short deadline runs out after sending rather than while connecting.
   */
  private static Result call(String endpoint, InferenceRequest request, boolean connectFirst) {
    AtomicInteger attempts = new AtomicInteger();
    ClientOptions options = ClientOptions.builder().retryPolicy(THREE_QUICK)
        .headersSupplier(() -> {
          attempts.incrementAndGet();
          return Map.of();
        }).build();
    try (InferenceClient client = InferenceClient.create(endpoint, options)) {
      if (connectFirst) {
        client.serverReady();
        attempts.set(0);
      }
      InferenceException e = assertThrows(InferenceException.class, () -> client.infer(request));
      return new Result(e, attempts.get());
    }
  }

  private record Result(InferenceException failure, int attempts) {}

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  // ------------------------------------------------------------------ REST

  @Test
  void restResetAfterTheWholeRequestIsNotRetriedUnlessTheRequestIsIdempotent() throws Exception {
    try (ResettingServer server = new ResettingServer()) {
      String endpoint = "kserve-v2+http://127.0.0.1:" + server.port();
      Result plain = call(endpoint, identity().build());
      assertInstanceOf(UnavailableException.class, plain.failure());
      assertEquals(Delivery.OUTCOME_UNKNOWN, plain.failure().delivery(), plain.failure().toString());
      assertEquals(1, plain.attempts(), "the server may have run it");
      assertEquals(1, server.awaitRequests(1));

      Result idempotent = call(endpoint, identity().idempotent(true).build());
      assertEquals(3, idempotent.attempts());
      // Each attempt is also sent once more on a fresh connection by the transport itself.
      assertEquals(1 + 3 * 2, server.awaitRequests(7));
    }
  }

  @Test
  void restConnectionRefusedIsRetried() throws Exception {
    Result r = call("kserve-v2+http://127.0.0.1:" + closedPort(), identity().build());
    assertInstanceOf(UnavailableException.class, r.failure());
    assertEquals(Delivery.NOT_SENT, r.failure().delivery(), r.failure().toString());
    assertEquals(3, r.attempts());
  }

  // ------------------------------------------------------------------ gRPC

  @Test
  void grpcDeadlineAfterSendingEndsTheCallWithTheTransportsFailureIdempotentOrNot() {
    String endpoint = emulator.endpoint("kserve-v2+grpc");
    Result plain = call(endpoint, sleep(5_000).build(), true);
    assertInstanceOf(DeadlineExceededException.class, plain.failure());
    assertEquals(Delivery.OUTCOME_UNKNOWN, plain.failure().delivery(), plain.failure().toString());
    assertEquals(1, plain.attempts());

    // The timeout bounds the whole call: once it ran out there is no time for a retry, even a safe one, and the
    // call ends with the RPC's own deadline failure (not a "deadline passed before attempt 2" of ours).
    Result idempotent = call(endpoint, sleep(5_000).idempotent(true).build(), true);
    assertInstanceOf(DeadlineExceededException.class, idempotent.failure());
    assertEquals(Delivery.OUTCOME_UNKNOWN, idempotent.failure().delivery(), idempotent.failure().toString());
    assertEquals(1, idempotent.attempts());
  }

  @Test
  void grpcConnectionRefusedIsRetried() throws Exception {
    Result r = call("kserve-v2+grpc://127.0.0.1:" + closedPort(), identity().build());
    assertInstanceOf(UnavailableException.class, r.failure());
    assertEquals(Delivery.NOT_SENT, r.failure().delivery(), r.failure().toString());
    assertEquals(3, r.attempts());
  }

  /** Reads each whole HTTP request, counts it, and resets the connection without answering. */
  private static final class ResettingServer implements AutoCloseable {
    private static final Pattern LENGTH = Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)");
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    private final AtomicInteger requests = new AtomicInteger();

    ResettingServer() throws IOException {
      Thread t = new Thread(this::serve, "resetting-server");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    /** The requests counted once {@code expected} arrived or a second passed. */
    int awaitRequests(int expected) throws InterruptedException {
      for (int i = 0; i < 100 && requests.get() < expected; i++) {
        Thread.sleep(10);
      }
      Thread.sleep(100); // and none beyond
      return requests.get();
    }

    private void serve() {
      while (!listener.isClosed()) {
        try (Socket s = listener.accept()) {
          InputStream in = s.getInputStream();
          StringBuilder head = new StringBuilder();
          while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
              throw new IOException("closed inside the head");
            }
            head.append((char) c);
          }
          Matcher m = LENGTH.matcher(head);
          in.readNBytes(m.find() ? Integer.parseInt(m.group(1)) : 0);
          requests.incrementAndGet();
          s.setSoLinger(true, 0); // a reset, as when the server dies with the request taken
        } catch (IOException e) {
          // the next connection
        }
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
