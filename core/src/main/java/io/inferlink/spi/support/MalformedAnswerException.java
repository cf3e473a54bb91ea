package io.inferlink.spi.support;

/**
 * A server's answer that its protocol's reader cannot accept (bad JSON, wrong types, sizes that do not
 * add up). Readers throw it without knowing which protocol they serve; the exchange turns it into a
 * {@link io.inferlink.ServerException} saying which protocol the answer is not, with
 * {@link Errors#malformedAnswer}. Immutable.
 */
public class MalformedAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An answer with this defect, e.g. "output 'y' lacks 'shape'".
   *
   * @param message what is wrong with the answer; must not hold a secret
   */
  public MalformedAnswerException(String message) {
    super(message);
  }

  /**
   * An answer with this defect, found by a check that failed underneath.
   *
   * @param message what is wrong with the answer; must not hold a secret
   * @param cause the failure of the check underneath, kept as the cause
   */
  public MalformedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
