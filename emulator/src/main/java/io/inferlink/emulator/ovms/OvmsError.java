package io.inferlink.emulator.ovms;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * An OVMS status as the emulator answers it (PROTOCOLS.md §4.7): the HTTP status, the gRPC code and
 * OVMS's own message. Thrown for every refused request, so it carries no stack trace. Immutable.
 */
final class OvmsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String NAME_MISSING = "Model with requested name is not found";
  static final String VERSION_MISSING = "Model with requested version is not found";
  static final String NOT_LOADED_YET = "Model with requested version is not loaded yet";
  static final String INVALID_URL = "Invalid request URL";
  static final String UNSUPPORTED_METHOD = "Unsupported method";
  static final String REST_NOT_FOUND = "Requested REST resource not found";
  static final String INVALID_PRECISION = "Invalid input precision";
  static final String INVALID_CONTENT_SIZE = "Invalid content size of tensor proto";

  private final int httpStatus;
  private final Status.Code grpcCode;

  OvmsError(int httpStatus, Status.Code grpcCode, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  /** MODEL_NAME_MISSING: 404 / NOT_FOUND. */
  static OvmsError nameMissing() {
    return new OvmsError(404, Status.Code.NOT_FOUND, NAME_MISSING);
  }

  /** MODEL_VERSION_MISSING: 404 / NOT_FOUND. */
  static OvmsError versionMissing() {
    return new OvmsError(404, Status.Code.NOT_FOUND, VERSION_MISSING);
  }

  /** MODEL_VERSION_NOT_LOADED_YET: 404 on REST but UNAVAILABLE on gRPC. */
  static OvmsError notLoadedYet() {
    return new OvmsError(404, Status.Code.UNAVAILABLE, NOT_LOADED_YET);
  }

  /** The INVALID_* family: 400 / INVALID_ARGUMENT. */
  static OvmsError invalid(String message) {
    return new OvmsError(400, Status.Code.INVALID_ARGUMENT, message);
  }

  /** REST_INVALID_URL: 400 (REST only). */
  static OvmsError invalidUrl() {
    return new OvmsError(400, Status.Code.INVALID_ARGUMENT, INVALID_URL);
  }

  /** REST_UNSUPPORTED_METHOD, a known path with another HTTP method: 406 (REST only). */
  static OvmsError unsupportedMethod() {
    return new OvmsError(406, Status.Code.INVALID_ARGUMENT, UNSUPPORTED_METHOD);
  }

  int httpStatus() {
    return httpStatus;
  }

  StatusRuntimeException toGrpc() {
    return Status.fromCode(grpcCode).withDescription(getMessage()).asRuntimeException();
  }
}
