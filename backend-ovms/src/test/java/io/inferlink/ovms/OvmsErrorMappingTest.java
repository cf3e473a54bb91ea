package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ServerException;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §4.7 end to end: OVMS answers RESHAPE_ERROR and its kin with 412 / FAILED_PRECONDITION, and
 * PIPELINE_DEMULTIPLEXER_NO_RESULTS with 204 (no body) / ABORTED. A 204 is not a success without
 * outputs: every form fails the call with ABORTED, as the gRPC twin says.
 */
class OvmsErrorMappingTest {
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void preconditionFailuresAre412OrFailedPrecondition(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      InvalidRequestException e = AsyncFailures.failure(InvalidRequestException.class,
          () -> client.inferAsync(fail(ErrorCode.FAILED_PRECONDITION)));
      assertEquals(ErrorCode.FAILED_PRECONDITION, e.code());
      assertStatus(form, e, 412, ErrorCode.FAILED_PRECONDITION);
      assertEquals("ovms-" + (form.grpc() ? "grpc" : "rest"), e.provider());
    }
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void noResultsIs204OrAbortedAndFailsTheCall(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      InferenceException e = AsyncFailures.failure(InferenceException.class,
          () -> client.inferAsync(fail(ErrorCode.ABORTED)));
      assertInstanceOf(ServerException.class, e);
      assertEquals(ErrorCode.ABORTED, e.code());
      assertTrue(e.isRetryable());
      assertStatus(form, e, 204, ErrorCode.ABORTED);
    }
  }

  private static InferenceRequest fail(ErrorCode code) {
    return InferenceRequest.builder(KitModels.FAIL)
        .input(Tensor.ofInts(KitModels.FAIL_TENSOR, new int[] {code.grpcCode()}, 1)).build();
  }

  private static void assertStatus(OvmsForm form, InferenceException e, int http, ErrorCode grpc) {
    if (form.grpc()) {
      assertEquals(grpc.grpcCode(), e.grpcStatus(), e.toString());
    } else {
      assertEquals(http, e.httpStatus(), e.toString());
    }
  }
}
