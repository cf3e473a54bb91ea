package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.int64Val;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the recorder sees of gRPC calls: their metadata, and cancellations by the client or its deadline. */
class TfsGrpcCallsTest {
  private static Emulator emulator;
  private static TfsGrpcClient client;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
    client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  @Test
  void metadataIsRecordedWithLowerCaseNames() {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("X-Inferlink-Kit-Call", Metadata.ASCII_STRING_MARSHALLER), "grpc-headers-1");
    metadata.put(Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer t0k");
    metadata.put(Metadata.Key.of("x-multi", Metadata.ASCII_STRING_MARSHALLER), "a");
    metadata.put(Metadata.Key.of("x-multi", Metadata.ASCII_STRING_MARSHALLER), "b");
    metadata.put(Metadata.Key.of("x-raw-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2, (byte) 0xFF});
    client.predict.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .predict(predict(spec("sleep"), "millis", int64Val(0, 1)));
    Map<String, String> seen = emulator.recorder().headersOfCall("grpc-headers-1", Duration.ofSeconds(5)).orElseThrow();
    assertEquals("Bearer t0k", seen.get("authorization"));
    assertEquals("a, b", seen.get("x-multi"));
    assertEquals("AQL/", seen.get("x-raw-bin"));
    assertTrue(emulator.recorder().awaitModelCall("grpc-headers-1", Duration.ZERO), "the model call was tracked");
  }

  @Test
  void callsThatFailBeforeTheModelAreRecordedToo() {
    long before = emulator.recorder().recordedCalls();
    assertThrows(StatusRuntimeException.class, () -> client.predictWith(Map.of(KitContract.CALL_ID_HEADER, "grpc-headers-2"))
        .predict(predict(spec("nope"), "x", int64Val(0, 1))));
    assertTrue(emulator.recorder().headersOfCall("grpc-headers-2", Duration.ofSeconds(5)).isPresent());
    assertFalse(emulator.recorder().awaitModelCall("grpc-headers-2", Duration.ZERO), "no model ran");
    assertTrue(emulator.recorder().recordedCalls() > before);
  }

  @Test
  void aClientCancelDuringSleepCancelsTheModelCall() throws Exception {
    long start = System.nanoTime();
    ListenableFuture<PredictResponse> pending = futureStub("grpc-cancel-1").predict(sleep(30_000));
    assertTrue(emulator.recorder().awaitModelCall("grpc-cancel-1", Duration.ofSeconds(5)));
    assertFalse(emulator.recorder().awaitCancelled("grpc-cancel-1", Duration.ofMillis(200)), "cancelled before the client cancelled");
    pending.cancel(true);
    assertTrue(emulator.recorder().awaitCancelled("grpc-cancel-1", Duration.ofSeconds(5)), "the server did not see the cancel");
    assertThrows(CancellationException.class, pending::get);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "the 30 s sleep was not cut short");
  }

  @Test
  void anExpiredDeadlineCancelsTheModelCall() {
    PredictionServiceGrpc.PredictionServiceBlockingStub impatient = client.predictWith(Map.of(KitContract.CALL_ID_HEADER, "grpc-deadline-1"))
        .withDeadlineAfter(300, TimeUnit.MILLISECONDS);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> impatient.predict(sleep(30_000)));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    assertTrue(emulator.recorder().awaitCancelled("grpc-deadline-1", Duration.ofSeconds(5)), "the server did not see the deadline");
  }

  @Test
  void aCallThatCompletedIsNotCancelled() throws Exception {
    PredictResponse r = futureStub("grpc-done-1").predict(sleep(10)).get(10, TimeUnit.SECONDS);
    assertEquals(10L, r.getOutputsOrThrow("millis").getInt64Val(0));
    assertTrue(emulator.recorder().awaitModelCall("grpc-done-1", Duration.ZERO));
    assertFalse(emulator.recorder().awaitCancelled("grpc-done-1", Duration.ofMillis(500)));
  }

  @Test
  void theServerStillAnswersAfterACancel() throws Exception {
    ListenableFuture<PredictResponse> pending = futureStub("grpc-cancel-2").predict(sleep(30_000));
    assertTrue(emulator.recorder().awaitModelCall("grpc-cancel-2", Duration.ofSeconds(5)));
    pending.cancel(true);
    assertTrue(emulator.recorder().awaitCancelled("grpc-cancel-2", Duration.ofSeconds(5)));
    assertEquals(3L, client.predict.predict(sleep(3)).getOutputsOrThrow("millis").getInt64Val(0));
  }

  private static PredictRequest sleep(long millis) {
    return predict(spec(KitContract.SLEEP), KitContract.SLEEP_TENSOR, int64Val(millis, 1));
  }

  private static PredictionServiceGrpc.PredictionServiceFutureStub futureStub(String callId) {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of(KitContract.CALL_ID_HEADER, Metadata.ASCII_STRING_MARSHALLER), callId);
    return PredictionServiceGrpc.newFutureStub(client.channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }
}
