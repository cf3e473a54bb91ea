package io.inferlink.examples.torchserve.internal;

/**
 * An answer that does not follow the template's JSON convention; the client turns it into a
 * {@link io.inferlink.ServerException} carrying the start of the body. Immutable.
 */
final class MalformedAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedAnswerException(String message) {
    super(message);
  }
}
