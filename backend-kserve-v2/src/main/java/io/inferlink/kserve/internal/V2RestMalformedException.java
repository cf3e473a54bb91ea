package io.inferlink.kserve.internal;

/**
 * A V2 REST response body that is not what the Open Inference Protocol says (bad JSON, wrong types,
 * sizes that do not add up); the client turns it into a ServerException. Immutable.
 */
final class V2RestMalformedException extends MalformedAnswerException {
  private static final long serialVersionUID = 1L;

  V2RestMalformedException(String message) {
    super(message, null);
  }

  V2RestMalformedException(String message, Throwable cause) {
    super(message, cause);
  }
}
