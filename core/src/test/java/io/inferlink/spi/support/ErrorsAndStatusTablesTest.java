package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.AuthenticationException;
import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.ServerException;
import io.inferlink.UnavailableException;
import io.inferlink.UnsupportedFeatureException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ErrorCode}, {@link Errors}, {@link HttpStatusTable}, {@link GrpcStatusTable} and exception messages. */
class ErrorsAndStatusTablesTest {

  /** The class each code stands for, written out here rather than read from the code under test. */
  private static final Map<ErrorCode, Class<? extends InferenceException>> EXPECTED_CLASS = new EnumMap<>(ErrorCode.class);

  static {
    EXPECTED_CLASS.put(ErrorCode.OK, InferenceException.class);
    EXPECTED_CLASS.put(ErrorCode.CANCELLED, InferenceException.class);
    EXPECTED_CLASS.put(ErrorCode.UNKNOWN, ServerException.class);
    EXPECTED_CLASS.put(ErrorCode.INVALID_ARGUMENT, InvalidRequestException.class);
    EXPECTED_CLASS.put(ErrorCode.DEADLINE_EXCEEDED, DeadlineExceededException.class);
    EXPECTED_CLASS.put(ErrorCode.NOT_FOUND, ModelNotFoundException.class);
    EXPECTED_CLASS.put(ErrorCode.ALREADY_EXISTS, InvalidRequestException.class);
    EXPECTED_CLASS.put(ErrorCode.PERMISSION_DENIED, AuthenticationException.class);
    EXPECTED_CLASS.put(ErrorCode.RESOURCE_EXHAUSTED, ResourceExhaustedException.class);
    EXPECTED_CLASS.put(ErrorCode.FAILED_PRECONDITION, InvalidRequestException.class);
    EXPECTED_CLASS.put(ErrorCode.ABORTED, ServerException.class);
    EXPECTED_CLASS.put(ErrorCode.OUT_OF_RANGE, InvalidRequestException.class);
    EXPECTED_CLASS.put(ErrorCode.UNIMPLEMENTED, UnsupportedFeatureException.class);
    EXPECTED_CLASS.put(ErrorCode.INTERNAL, ServerException.class);
    EXPECTED_CLASS.put(ErrorCode.UNAVAILABLE, UnavailableException.class);
    EXPECTED_CLASS.put(ErrorCode.DATA_LOSS, ServerException.class);
    EXPECTED_CLASS.put(ErrorCode.UNAUTHENTICATED, AuthenticationException.class);
  }

  private static final Set<ErrorCode> RETRYABLE = EnumSet.of(ErrorCode.UNAVAILABLE, ErrorCode.RESOURCE_EXHAUSTED,
      ErrorCode.ABORTED, ErrorCode.DEADLINE_EXCEEDED);

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  private static void assertLacks(String haystack, String... needles) {
    for (String n : needles) {
      assertFalse(haystack.contains(n), () -> "did not expect '" + n + "' in: " + haystack);
    }
  }

  @Nested
  class Codes {
    @ParameterizedTest
    @CsvSource({"OK,0", "CANCELLED,1", "UNKNOWN,2", "INVALID_ARGUMENT,3", "DEADLINE_EXCEEDED,4", "NOT_FOUND,5",
        "ALREADY_EXISTS,6", "PERMISSION_DENIED,7", "RESOURCE_EXHAUSTED,8", "FAILED_PRECONDITION,9", "ABORTED,10",
        "OUT_OF_RANGE,11", "UNIMPLEMENTED,12", "INTERNAL,13", "UNAVAILABLE,14", "DATA_LOSS,15",
        "UNAUTHENTICATED,16"})
    void grpcNumbersAreTheWireValues(ErrorCode code, int number) {
      assertEquals(number, code.grpcCode());
      assertSame(code, ErrorCode.fromGrpcCode(number));
      assertSame(code, GrpcStatusTable.toErrorCode(number));
    }

    @Test
    void tableAboveCoversEveryCode() {
      assertEquals(EnumSet.allOf(ErrorCode.class), EXPECTED_CLASS.keySet());
      assertEquals(17, ErrorCode.values().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 17, 99, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void numbersGrpcDoesNotDefineAreUnknown(int number) {
      assertSame(ErrorCode.UNKNOWN, ErrorCode.fromGrpcCode(number));
      assertSame(ErrorCode.UNKNOWN, GrpcStatusTable.toErrorCode(number));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void retryableExactlyForUnavailableResourceExhaustedAbortedAndDeadline(ErrorCode code) {
      assertEquals(RETRYABLE.contains(code), code.isRetryable(), code::name);
    }
  }

  @Nested
  class ErrorsFactory {
    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void createGivesTheDocumentedSubclass(ErrorCode code) {
      InferenceException e = Errors.create(new InferenceException.Details(code).message("m"));
      assertEquals(EXPECTED_CLASS.get(code), e.getClass());
      assertSame(code, e.code());
      assertEquals(RETRYABLE.contains(code), e.isRetryable());
    }

    @Test
    void shorthandKeepsMessageProviderAndCause() {
      IOException cause = new IOException("reset");
      InferenceException e = Errors.create(ErrorCode.UNAVAILABLE, "connection lost", "kserve-v2-grpc", cause);
      assertEquals(UnavailableException.class, e.getClass());
      assertEquals("kserve-v2-grpc", e.provider());
      assertSame(cause, e.getCause());
      assertEquals(0, e.httpStatus());
      assertEquals(-1, e.grpcStatus());
      assertNull(e.serverMessage());
      assertEquals("connection lost [UNAVAILABLE, provider kserve-v2-grpc]", e.getMessage());
    }

    @Test
    void wrapKeepsAnInferenceExceptionIdentical() {
      InferenceException e = new ModelNotFoundException("no model");
      assertSame(e, Errors.wrap(e, "p"));
    }

    @Test
    void wrapLooksThroughFutureWrappers() {
      InferenceException e = new UnavailableException("down");
      assertSame(e, Errors.wrap(new CompletionException(e), "p"));
      assertSame(e, Errors.wrap(new ExecutionException(e), "p"));
      assertSame(e, Errors.wrap(new ExecutionException(new CompletionException(e)), "p"));
      assertSame(e, Errors.wrap(new CompletionException(new ExecutionException(e)), "p"));
    }

    @Test
    void wrapTurnsOtherFailuresIntoUnknownKeepingTheCause() {
      IOException io = new IOException("broken pipe");
      InferenceException e = Errors.wrap(new CompletionException(io), "tfserving-rest");
      assertSame(ErrorCode.UNKNOWN, e.code());
      assertEquals(ServerException.class, e.getClass());
      assertSame(io, e.getCause());
      assertEquals("tfserving-rest", e.provider());
      assertContains(e.getMessage(), "broken pipe", "IOException", "UNKNOWN");
      assertFalse(e.isRetryable());
    }

    @Test
    void wrapOfAnEmptyWrapperKeepsTheWrapper() {
      CompletionException empty = new CompletionException("nothing inside", null);
      InferenceException e = Errors.wrap(empty, null);
      assertSame(empty, e.getCause());
      assertSame(ErrorCode.UNKNOWN, e.code());
    }

    @Test
    void unwrapFutureExceptionStripsOnlyFutureWrappers() {
      IllegalStateException inner = new IllegalStateException("x");
      assertSame(inner, Errors.unwrapFutureException(new CompletionException(new ExecutionException(inner))));
      RuntimeException other = new RuntimeException(inner);
      assertSame(other, Errors.unwrapFutureException(other));
    }
  }

  @Nested
  class Http {
    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
      "400, INVALID_ARGUMENT", "401, UNAUTHENTICATED", "403, PERMISSION_DENIED", "404, NOT_FOUND",
      "405, UNIMPLEMENTED", "406, INVALID_ARGUMENT", "408, DEADLINE_EXCEEDED", "409, ABORTED",
      "412, FAILED_PRECONDITION", "413, RESOURCE_EXHAUSTED", "415, INVALID_ARGUMENT", "422, INVALID_ARGUMENT",
      "429, RESOURCE_EXHAUSTED", "499, CANCELLED", "500, INTERNAL", "501, UNIMPLEMENTED", "502, UNAVAILABLE",
      "503, UNAVAILABLE", "504, DEADLINE_EXCEEDED",
      // other 4xx: the request cannot succeed as it is
      "402, FAILED_PRECONDITION", "410, FAILED_PRECONDITION", "411, FAILED_PRECONDITION",
      "418, FAILED_PRECONDITION", "451, FAILED_PRECONDITION",
      // other 5xx and anything unusual
      "505, UNKNOWN", "507, UNKNOWN", "511, UNKNOWN", "599, UNKNOWN", "100, UNKNOWN", "301, UNKNOWN",
      "304, UNKNOWN", "0, UNKNOWN", "600, UNKNOWN",
      // success
      "200, OK", "201, OK", "204, OK", "299, OK",
    })
    void statusToCode(int status, ErrorCode code) {
      assertSame(code, HttpStatusTable.toErrorCode(status));
    }

    @ParameterizedTest(name = "{0} -> HTTP {1}")
    @CsvSource({"OK, 200", "CANCELLED, 499", "UNKNOWN, 500", "INVALID_ARGUMENT, 400", "DEADLINE_EXCEEDED, 504",
        "NOT_FOUND, 404", "ALREADY_EXISTS, 400", "PERMISSION_DENIED, 403", "RESOURCE_EXHAUSTED, 429",
        "FAILED_PRECONDITION, 412", "ABORTED, 409", "OUT_OF_RANGE, 400", "UNIMPLEMENTED, 501", "INTERNAL, 500",
        "UNAVAILABLE, 503", "DATA_LOSS, 500", "UNAUTHENTICATED, 401"})
    void codeToStatus(ErrorCode code, int status) {
      assertEquals(status, HttpStatusTable.toHttpStatus(code));
    }

    @Test
    void toHttpStatusInvertsToErrorCodeForTheCodesItProduces() {
      Set<ErrorCode> produced = EnumSet.noneOf(ErrorCode.class);
      for (int status = 100; status < 600; status++) {
        produced.add(HttpStatusTable.toErrorCode(status));
      }
      assertTrue(produced.contains(ErrorCode.UNKNOWN));
      for (ErrorCode c : produced) {
        ErrorCode back = HttpStatusTable.toErrorCode(HttpStatusTable.toHttpStatus(c));
        if (c == ErrorCode.UNKNOWN) {
          // Documented exception: no standard status means "unknown"; 500 reads back as INTERNAL.
          assertSame(ErrorCode.INTERNAL, back);
        } else {
          assertSame(c, back, c::name);
        }
      }
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void exceptionClassAndRetryabilitySurviveARoundTripThroughHttp(ErrorCode code) {
      ErrorCode back = HttpStatusTable.toErrorCode(HttpStatusTable.toHttpStatus(code));
      assertEquals(EXPECTED_CLASS.get(code), EXPECTED_CLASS.get(back), code::name);
      assertEquals(code.isRetryable(), back.isRetryable(), code::name);
    }

    @ParameterizedTest
    @CsvSource({"404, io.inferlink.ModelNotFoundException", "400, io.inferlink.InvalidRequestException",
        "401, io.inferlink.AuthenticationException", "403, io.inferlink.AuthenticationException",
        "429, io.inferlink.ResourceExhaustedException", "503, io.inferlink.UnavailableException",
        "504, io.inferlink.DeadlineExceededException", "501, io.inferlink.UnsupportedFeatureException",
        "500, io.inferlink.ServerException", "499, io.inferlink.InferenceException"})
    void toExceptionGivesTheMatchingClass(int status, String className) {
      assertEquals(className, HttpStatusTable.toException(status, "x", "p").getClass().getName());
    }

    @Test
    void toExceptionKeepsServerMessageStatusAndProvider() {
      InferenceException e = HttpStatusTable.toException(404, "Model 'resnet' is not found", "kserve-v2-rest");
      assertEquals(ModelNotFoundException.class, e.getClass());
      assertSame(ErrorCode.NOT_FOUND, e.code());
      assertEquals(404, e.httpStatus());
      assertEquals(-1, e.grpcStatus());
      assertEquals("kserve-v2-rest", e.provider());
      assertEquals("Model 'resnet' is not found", e.serverMessage());
      assertEquals("server answered HTTP 404: Model 'resnet' is not found [NOT_FOUND, HTTP 404, provider kserve-v2-rest]",
          e.getMessage());
    }

    @Test
    void successStatusPassedAsAFailureBecomesUnknown() {
      InferenceException e = HttpStatusTable.toException(200, "odd", "p");
      assertSame(ErrorCode.UNKNOWN, e.code());
      assertEquals(200, e.httpStatus());
    }

    @Test
    void nullServerMessageIsAllowed() {
      InferenceException e = HttpStatusTable.toException(503, null, "p");
      assertNull(e.serverMessage());
      assertEquals("server answered HTTP 503 [UNAVAILABLE, HTTP 503, provider p]", e.getMessage());
    }

    @Test
    void credentialsInServerTextAreRedacted() {
      InferenceException e = HttpStatusTable.toException(401,
          "rejected Authorization: Bearer abc.def for https://u:p@h/v2/models/m?token=x&model=m", "p");
      assertLacks(e.serverMessage(), "abc.def", "u:p", "token=x");
      assertLacks(e.getMessage(), "abc.def", "u:p", "token=x");
      assertContains(e.serverMessage(), "Bearer ***", "https://***@h/v2/models/m", "token=***", "model=m");
    }

    @ParameterizedTest
    @ValueSource(strings = {
      "Invalid bearer token abc.def",
      "invalid token Bearer abc.def",
      "Basic abc.def rejected",
      "see https://user:p@abc.def@host/x",
      "url was https://h/x?access_token=abc.def&y=1",
      "api_key=abc.def; retry later",
      "header X-Api-Key abc.def",
    })
    void commonSecretShapesAreRedacted(String text) {
      assertLacks(HttpStatusTable.toException(401, text, "p").serverMessage(), "abc.def");
    }

    @Test
    void longServerMessageIsTruncatedWithANote() {
      String body = "e".repeat(5000);
      InferenceException e = HttpStatusTable.toException(500, body, "p");
      assertTrue(e.serverMessage().startsWith("e".repeat(InferenceException.MAX_SERVER_MESSAGE_CHARS)));
      assertFalse(e.serverMessage().startsWith("e".repeat(InferenceException.MAX_SERVER_MESSAGE_CHARS + 1)));
      assertContains(e.serverMessage(), "truncated", "5000");
      assertTrue(e.getMessage().length() < 2300, () -> "message length " + e.getMessage().length());
    }

    @Test
    void messageOfExactlyTheLimitIsKeptWhole() {
      String body = "e".repeat(InferenceException.MAX_SERVER_MESSAGE_CHARS);
      assertEquals(body, HttpStatusTable.toException(500, body, "p").serverMessage());
    }

    @Test
    void redactionHappensBeforeTruncation() {
      String body = "x".repeat(2040) + " Bearer SECRETSECRETSECRET and more";
      InferenceException e = HttpStatusTable.toException(401, body, "p");
      assertLacks(e.serverMessage(), "SEC");
    }
  }

  @Nested
  class Grpc {
    @ParameterizedTest
    @CsvSource({"0, UNKNOWN", "1, CANCELLED", "2, UNKNOWN", "3, INVALID_ARGUMENT", "4, DEADLINE_EXCEEDED",
        "5, NOT_FOUND", "6, ALREADY_EXISTS", "7, PERMISSION_DENIED", "8, RESOURCE_EXHAUSTED",
        "9, FAILED_PRECONDITION", "10, ABORTED", "11, OUT_OF_RANGE", "12, UNIMPLEMENTED", "13, INTERNAL",
        "14, UNAVAILABLE", "15, DATA_LOSS", "16, UNAUTHENTICATED", "99, UNKNOWN", "-5, UNKNOWN"})
    void toExceptionForEveryStatusNumber(int number, ErrorCode expected) {
      RuntimeException cause = new RuntimeException("transport");
      InferenceException e = GrpcStatusTable.toException(number, "model says no", "kserve-v2-grpc", cause);
      assertSame(expected, e.code());
      assertEquals(EXPECTED_CLASS.get(expected), e.getClass());
      assertEquals(number, e.grpcStatus());
      assertEquals(0, e.httpStatus());
      assertEquals("kserve-v2-grpc", e.provider());
      assertEquals("model says no", e.serverMessage());
      assertSame(cause, e.getCause());
      assertContains(e.getMessage(), "model says no", "[" + expected, "provider kserve-v2-grpc", "gRPC ");
    }

    @Test
    void messageNamesTheGrpcStatus() {
      InferenceException e = GrpcStatusTable.toException(5, "model m not found", "p", null);
      assertEquals("server answered gRPC status NOT_FOUND: model m not found [NOT_FOUND, gRPC NOT_FOUND, provider p]",
          e.getMessage());
    }

    @Test
    void descriptionIsRedactedAndMayBeNull() {
      assertLacks(GrpcStatusTable.toException(16, "token Bearer abc.def expired", "p", null).serverMessage(), "abc.def");
      assertNull(GrpcStatusTable.toException(14, null, "p", null).serverMessage());
    }

    @Test
    void longDescriptionIsTruncated() {
      InferenceException e = GrpcStatusTable.toException(13, "d".repeat(3000), "p", null);
      assertContains(e.serverMessage(), "truncated", "3000");
      assertFalse(e.serverMessage().contains("d".repeat(InferenceException.MAX_SERVER_MESSAGE_CHARS + 1)));
    }
  }

  @Nested
  class MessageFormat {
    @Test
    void everyPartAppearsInTheMessage() {
      InferenceException e = new InferenceException(new InferenceException.Details(ErrorCode.NOT_FOUND)
          .message("model 'm' not found").serverMessage("no such model").httpStatus(404).provider("kserve-v2-rest"));
      assertEquals("model 'm' not found: no such model [NOT_FOUND, HTTP 404, provider kserve-v2-rest]", e.getMessage());
    }

    @Test
    void grpcStatusIsShownByName() {
      InferenceException e = new InferenceException(new InferenceException.Details(ErrorCode.UNAVAILABLE)
          .message("call failed").grpcStatus(14).provider("p"));
      assertEquals("call failed [UNAVAILABLE, gRPC UNAVAILABLE, provider p]", e.getMessage());
    }

    @Test
    void codeNameStandsInForAMissingMessage() {
      assertEquals("resource exhausted [RESOURCE_EXHAUSTED]",
          new InferenceException(new InferenceException.Details(ErrorCode.RESOURCE_EXHAUSTED)).getMessage());
    }

    @Test
    void serverMessageAlreadyInOurMessageIsNotRepeated() {
      InferenceException e = new InferenceException(new InferenceException.Details(ErrorCode.INTERNAL)
          .message("server said: out of memory").serverMessage("out of memory"));
      assertEquals("server said: out of memory [INTERNAL]", e.getMessage());
    }

    @Test
    void emptyServerMessageAddsNothing() {
      assertEquals("boom [INTERNAL]",
          new InferenceException(new InferenceException.Details(ErrorCode.INTERNAL).message("boom").serverMessage(""))
              .getMessage());
    }

    @Test
    void convenienceConstructors() {
      IOException cause = new IOException("x");
      InferenceException a = new InferenceException(ErrorCode.CANCELLED, "stopped");
      InferenceException b = new InferenceException(ErrorCode.CANCELLED, "stopped", cause);
      assertEquals("stopped [CANCELLED]", a.getMessage());
      assertNull(a.getCause());
      assertSame(cause, b.getCause());
      assertSame(ErrorCode.CANCELLED, b.code());
      assertNull(a.provider());
    }

    @Test
    void subclassConstructorsUseTheirOwnCode() {
      assertSame(ErrorCode.INVALID_ARGUMENT, new InvalidRequestException("x").code());
      assertSame(ErrorCode.NOT_FOUND, new ModelNotFoundException("x").code());
      assertSame(ErrorCode.UNAUTHENTICATED, new AuthenticationException("x").code());
      assertSame(ErrorCode.UNAVAILABLE, new UnavailableException("x").code());
      assertSame(ErrorCode.RESOURCE_EXHAUSTED, new ResourceExhaustedException("x").code());
      assertSame(ErrorCode.DEADLINE_EXCEEDED, new DeadlineExceededException("x").code());
      assertSame(ErrorCode.UNIMPLEMENTED, new UnsupportedFeatureException("x").code());
      assertSame(ErrorCode.INTERNAL, new ServerException("x").code());
      assertSame(ErrorCode.FAILED_PRECONDITION, new io.inferlink.ProviderConfigurationException("x").code());
    }

    @Test
    void deliveryIsWhatTheCreatorSaidElseAnsweredWithAStatusElseUnspecified() {
      assertSame(InferenceException.Delivery.ANSWERED, HttpStatusTable.toException(503, "busy", "p").delivery());
      assertSame(InferenceException.Delivery.ANSWERED, GrpcStatusTable.toException(14, "busy", "p", null).delivery());
      assertSame(InferenceException.Delivery.UNSPECIFIED, new UnavailableException("x").delivery());
      assertSame(InferenceException.Delivery.OUTCOME_UNKNOWN, Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
          .grpcStatus(14).delivery(InferenceException.Delivery.OUTCOME_UNKNOWN)).delivery());
      assertSame(InferenceException.Delivery.NOT_SENT, Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
          .delivery(InferenceException.Delivery.NOT_SENT)).delivery());
    }

    @Test
    void detailsNeedACode() {
      org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
          () -> new InferenceException.Details(null));
    }
  }
}
