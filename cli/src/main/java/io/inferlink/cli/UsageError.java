package io.inferlink.cli;

/** A wrong command line found after parsing (an unreadable file, a bad --input); exit code 2. */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }

  UsageError(String message, Throwable cause) {
    super(message, cause);
  }
}
