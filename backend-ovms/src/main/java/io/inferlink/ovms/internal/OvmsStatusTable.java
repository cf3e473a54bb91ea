package io.inferlink.ovms.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.HttpStatusTable;
import io.inferlink.spi.support.Redaction;
import io.inferlink.spi.support.RetryAfter;
import java.util.Locale;

/**
 * The one place OVMS's statuses are read (PROTOCOLS.md §4.7). It is core's {@link HttpStatusTable}
 * (and, over gRPC, core's table unchanged: OVMS's gRPC codes mean what they say) except where OVMS
 * gives an HTTP status another meaning:
 *
 * <ul>
 *   <li>404 also means MODEL_VERSION_NOT_LOADED_YET (its gRPC twin is UNAVAILABLE): the version
 *       exists and is still loading, which is worth retrying, not a missing model. Only OVMS's
 *       message tells the two 404s apart.</li>
 *   <li>204 is PIPELINE_DEMULTIPLEXER_NO_RESULTS (gRPC ABORTED): an inference that produced nothing,
 *       which for a caller expecting outputs is a failure, not a success without a body.</li>
 * </ul>
 *
 * 406 (a known path with another method: REST_UNSUPPORTED_METHOD), 412 (reshape, compile or JSON
 * errors: FAILED_PRECONDITION) and 200/201 (reload) already mean in core's table what OVMS means.
 * Stateless and thread-safe.
 */
final class OvmsStatusTable {
  /** How every "not loaded yet" message of OVMS ends, for models and pipelines alike. */
  private static final String NOT_LOADED_YET = "not loaded yet";

  private OvmsStatusTable() {}

  /** The error code of an HTTP answer from OVMS; 2xx other than 204 is {@link ErrorCode#OK}. */
  static ErrorCode toErrorCode(int httpStatus, String serverMessage) {
    if (httpStatus == 404 && isNotLoadedYet(serverMessage)) {
      return ErrorCode.UNAVAILABLE;
    }
    if (httpStatus == 204) {
      return ErrorCode.ABORTED;
    }
    return HttpStatusTable.toErrorCode(httpStatus);
  }

  /** Whether OVMS's message says the model (or pipeline) version exists but is still loading. */
  static boolean isNotLoadedYet(String serverMessage) {
    return serverMessage != null && serverMessage.toLowerCase(Locale.ROOT).contains(NOT_LOADED_YET);
  }

  /** Builds the exception for a failed HTTP answer of OVMS's own endpoints. */
  static InferenceException toException(int httpStatus, String serverMessage, String provider) {
    return toException(httpStatus, serverMessage, provider, null);
  }

  /** As {@link #toException(int, String, String)}, with the answer's {@code Retry-After} ({@code null}: none). */
  static InferenceException toException(int httpStatus, String serverMessage, String provider, RetryAfter retryAfter) {
    ErrorCode code = toErrorCode(httpStatus, serverMessage);
    InferenceException.Details d = new InferenceException.Details(code == ErrorCode.OK ? ErrorCode.UNKNOWN : code)
        .message(describe(httpStatus, code))
        .httpStatus(httpStatus)
        .provider(provider)
        .serverMessage(Redaction.redactText(serverMessage));
    return Errors.create(retryAfter == null ? d : retryAfter.applyTo(d));
  }

  /** Our words for an answer whose meaning this table changes; the plain form otherwise. */
  static String describe(int httpStatus, ErrorCode code) {
    if (httpStatus == 404 && code == ErrorCode.UNAVAILABLE) {
      return "server answered HTTP 404: the model version is still loading; try again later";
    }
    if (httpStatus == 204) {
      return "server answered HTTP 204 without outputs: the pipeline's demultiplexer produced no results";
    }
    return "server answered HTTP " + httpStatus;
  }
}
