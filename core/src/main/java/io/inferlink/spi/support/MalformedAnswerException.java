package io.inferlink.spi.support;

/** A server's answer that its protocol's reader cannot accept; the exchange turns it into a ServerException. */
public class MalformedAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedAnswerException(String message) {
    super(message);
  }

  public MalformedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
