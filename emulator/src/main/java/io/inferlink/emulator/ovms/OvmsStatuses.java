package io.inferlink.emulator.ovms;

import io.inferlink.ErrorCode;
import io.inferlink.spi.support.HttpStatusTable;

/**
 * The HTTP status OVMS's REST API answers for a model's failure, by the code of its gRPC twin
 * (PROTOCOLS.md §4.7, {@code http_server.cpp}). Where OVMS has no status for a code the shared table
 * answers, so the kit's scripted failures still arrive as their code. Stateless.
 */
final class OvmsStatuses {
  private OvmsStatuses() {}

  static int httpStatus(ErrorCode code) {
    switch (code) {
      case INVALID_ARGUMENT:
        return 400;
      case NOT_FOUND:
        return 404;
      // RESHAPE_ERROR, CANNOT_COMPILE_MODEL_INTO_TARGET_DEVICE, JSON_INVALID.
      case FAILED_PRECONDITION:
        return 412;
      // PIPELINE_DEMULTIPLEXER_NO_RESULTS: a "success" without content, ABORTED over gRPC.
      case ABORTED:
        return 204;
      // SERVER_NOT_READY; a version still loading is 404 instead, see OvmsError.notLoadedYet.
      case UNAVAILABLE:
        return 503;
      case INTERNAL:
      case UNKNOWN:
        return 500;
      default:
        return HttpStatusTable.toHttpStatus(code);
    }
  }
}
