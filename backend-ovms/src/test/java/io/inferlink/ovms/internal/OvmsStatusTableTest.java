package io.inferlink.ovms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ServerException;
import io.inferlink.UnavailableException;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.GrpcStatusTable;
import io.inferlink.spi.support.HttpStatusTable;
import io.inferlink.spi.support.RetryAfter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OVMS status table of PROTOCOLS.md §4.7, row by row, and how a wrapped client's failure is re-read by it. */
class OvmsStatusTableTest {
  private static final String NOT_LOADED = "Model with requested version is not loaded yet";

  @Test
  void everyRowOfTheTable() {
    assertEquals(ErrorCode.NOT_FOUND, OvmsStatusTable.toErrorCode(404, "Model with requested name is not found"));
    assertEquals(ErrorCode.NOT_FOUND, OvmsStatusTable.toErrorCode(404, "Model with requested version is not found"));
    assertEquals(ErrorCode.UNAVAILABLE, OvmsStatusTable.toErrorCode(404, NOT_LOADED), "MODEL_VERSION_NOT_LOADED_YET");
    assertEquals(ErrorCode.UNAVAILABLE, OvmsStatusTable.toErrorCode(404, "Pipeline is not loaded yet"),
        "PIPELINE_DEFINITION_NOT_LOADED_YET");
    assertEquals(ErrorCode.UNAVAILABLE, OvmsStatusTable.toErrorCode(503, "Server is not ready"), "SERVER_NOT_READY");
    assertEquals(ErrorCode.INVALID_ARGUMENT, OvmsStatusTable.toErrorCode(400, "Invalid input shape"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, OvmsStatusTable.toErrorCode(406, "Unsupported method"), "REST_UNSUPPORTED_METHOD");
    assertEquals(ErrorCode.FAILED_PRECONDITION, OvmsStatusTable.toErrorCode(412, "Reshape error"), "RESHAPE_ERROR and kin");
    assertEquals(ErrorCode.ABORTED, OvmsStatusTable.toErrorCode(204, null), "PIPELINE_DEMULTIPLEXER_NO_RESULTS");
    assertEquals(ErrorCode.OK, OvmsStatusTable.toErrorCode(200, null), "OK_NOT_RELOADED");
    assertEquals(ErrorCode.OK, OvmsStatusTable.toErrorCode(201, null), "OK_RELOADED");
    assertEquals(ErrorCode.INTERNAL, OvmsStatusTable.toErrorCode(500, "Unknown error"));
  }

  @Test
  void itDiffersFromCoresTableOnlyWhereOvmsDoes() {
    for (int status = 200; status < 600; status++) {
      if (status == 204) {
        continue;
      }
      assertEquals(HttpStatusTable.toErrorCode(status), OvmsStatusTable.toErrorCode(status, "Invalid input"), "HTTP " + status);
    }
  }

  @Test
  void exceptionsOfOvmsOwnEndpoints() {
    assertInstanceOf(UnavailableException.class, OvmsStatusTable.toException(404, NOT_LOADED, "ovms-rest"));
    assertInstanceOf(ModelNotFoundException.class, OvmsStatusTable.toException(404, "Model with requested name is not found", "p"));
    assertInstanceOf(InvalidRequestException.class, OvmsStatusTable.toException(412, "Reshape error", "p"));
    InferenceException none = OvmsStatusTable.toException(204, "", "p");
    assertInstanceOf(ServerException.class, none);
    assertTrue(none.isRetryable());
    assertEquals(204, none.httpStatus());
  }

  @Test
  void aWrappedClientsFailureIsReReadAndRenamed() {
    OvmsFailures failures = new OvmsFailures("ovms-rest", null);
    InferenceException kserve = HttpStatusTable.toException(404, NOT_LOADED, "kserve-v2-rest");
    assertInstanceOf(ModelNotFoundException.class, kserve, "core's table alone says missing");
    InferenceException mapped = failures.map(kserve);
    assertInstanceOf(UnavailableException.class, mapped);
    assertEquals("ovms-rest", mapped.provider());
    assertEquals(404, mapped.httpStatus());
    assertEquals(NOT_LOADED, mapped.serverMessage());
    assertTrue(mapped.getMessage().contains("still loading") && mapped.getMessage().contains(NOT_LOADED), mapped.getMessage());
    assertTrue(mapped.getCause() == kserve);

    InferenceException missing = failures.map(HttpStatusTable.toException(404, "Model with requested name is not found", "x"));
    assertInstanceOf(ModelNotFoundException.class, missing);
    assertFalse(missing.getMessage().contains("provider x"), missing.getMessage());
    assertTrue(missing.getMessage().endsWith("provider ovms-rest]"), missing.getMessage());
  }

  @Test
  void whatDecidesRetriesSurvivesTheTranslation() {
    OvmsFailures failures = new OvmsFailures("ovms-grpc", null);
    InferenceException busy = HttpStatusTable.toException(503, "busy", "kserve-v2-rest",
        RetryAfter.waiting(Duration.ofSeconds(4)));
    assertEquals(Optional.of(Duration.ofSeconds(4)), failures.map(busy).retryAfter());
    assertEquals(Optional.of(Duration.ofSeconds(2)), OvmsStatusTable.toException(503, "busy", "ovms-rest",
        RetryAfter.waiting(Duration.ofSeconds(2))).retryAfter());

    InferenceException refused = GrpcStatusTable.toException(14, "shedding", "kserve-v2-grpc", null, null,
        RetryAfter.refused());
    assertFalse(failures.map(refused).isRetryable(), "a server that asked not to be retried is still not retried");

    InferenceException mayHaveRun = Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
        .message("reset after sending").delivery(Delivery.OUTCOME_UNKNOWN));
    assertEquals(Delivery.OUTCOME_UNKNOWN, failures.map(mayHaveRun).delivery(),
        "a non-idempotent call must not be retried because the translation forgot it may have run");
  }
}
