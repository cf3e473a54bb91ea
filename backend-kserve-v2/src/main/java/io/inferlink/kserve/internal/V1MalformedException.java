package io.inferlink.kserve.internal;

/**
 * A KServe V1 answer that has no tensor form (no {@code predictions} list, ragged rows, rows that mix
 * kinds of values, object rows with different keys, bad JSON); the client turns it into a
 * ServerException saying so. Immutable.
 */
final class V1MalformedException extends MalformedAnswerException {
  private static final long serialVersionUID = 1L;

  V1MalformedException(String message) {
    super(message, null);
  }

  V1MalformedException(String message, Throwable cause) {
    super(message, cause);
  }
}
