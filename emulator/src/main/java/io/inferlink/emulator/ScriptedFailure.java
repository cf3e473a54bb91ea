package io.inferlink.emulator;

import io.inferlink.ErrorCode;
import io.inferlink.spi.support.HttpStatusTable;
import java.util.Objects;

/**
 * A scripted model's failure: the status code a server would answer and its message. Frontends map
 * it to their protocol's status and send the message as the server's error text. Immutable and
 * thread-safe.
 */
public final class ScriptedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The status code the server answers with; serialized with the message. */
  private final ErrorCode code;

  /**
   * A failure with this code and server message.
   *
   * @param code the status code the server answers with
   * @param message the server's error text, which clients see
   */
  public ScriptedFailure(ErrorCode code, String message) {
    // No stack trace: this is an expected answer, not a bug, and it is thrown for every failing call.
    super(Objects.requireNonNull(message, "message"), null, false, false);
    if (Objects.requireNonNull(code, "code") == ErrorCode.OK) {
      throw new IllegalArgumentException("a failure cannot have code OK");
    }
    this.code = code;
  }

  /**
   * INVALID_ARGUMENT with this message.
   *
   * @param message the server's error text
   * @return a new failure with {@link ErrorCode#INVALID_ARGUMENT}
   */
  public static ScriptedFailure invalidArgument(String message) {
    return new ScriptedFailure(ErrorCode.INVALID_ARGUMENT, message);
  }

  /**
   * NOT_FOUND with this message.
   *
   * @param message the server's error text
   * @return a new failure with {@link ErrorCode#NOT_FOUND}
   */
  public static ScriptedFailure notFound(String message) {
    return new ScriptedFailure(ErrorCode.NOT_FOUND, message);
  }

  /**
   * The status code.
   *
   * @return the code, never null
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * The HTTP status a REST frontend answers for this failure.
   *
   * @return the HTTP status, e.g. 400 for INVALID_ARGUMENT
   */
  public int httpStatus() {
    return HttpStatusTable.toHttpStatus(code);
  }

  /**
   * The gRPC status number a gRPC frontend answers for this failure.
   *
   * @return the gRPC status code number, e.g. 3 for INVALID_ARGUMENT
   */
  public int grpcCode() {
    return code.grpcCode();
  }
}
