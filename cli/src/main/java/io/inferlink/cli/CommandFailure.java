package io.inferlink.cli;

import java.util.Objects;

/**
 * A failure of one step of a command, with what was being done and where, so that the error line
 * can say both; the cause says why. Immutable.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final String endpoint;

  /**
   * @param action what failed, e.g. {@code infer on model 'add_one'}
   * @param endpoint the endpoint, already without credentials, or {@code null}
   */
  CommandFailure(String action, String endpoint, Throwable cause) {
    super(action, Objects.requireNonNull(cause, "cause"));
    this.action = action;
    this.endpoint = endpoint;
  }

  String action() {
    return action;
  }

  String endpoint() {
    return endpoint;
  }
}
