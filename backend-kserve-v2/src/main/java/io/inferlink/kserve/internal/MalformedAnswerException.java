package io.inferlink.kserve.internal;

/**
 * A server answer that has no meaning in the protocol the client speaks (bad JSON, wrong types, sizes
 * that do not add up); {@link RestExchange} turns it into a ServerException that says which protocol
 * it failed. Each protocol's readers throw their own subclass. Immutable.
 */
abstract class MalformedAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
