package io.inferlink.tfserving.grpc;

import java.util.Objects;

/**
 * The server's verdict on a config reload: its status code name ({@code OK} on success) and message.
 * Immutable and thread-safe.
 *
 * @param errorCode the TensorFlow status code name
 * @param errorMessage the message, empty on success
 */
public record ReloadResult(String errorCode, String errorMessage) {
  /**
   * Null texts become defaults.
   *
   * @param errorCode the TensorFlow status code name, or {@code null} for {@code OK}
   * @param errorMessage the message, or {@code null} for none
   */
  public ReloadResult {
    errorCode = Objects.requireNonNullElse(errorCode, "OK");
    errorMessage = Objects.requireNonNullElse(errorMessage, "");
  }

  /**
   * Whether the server accepted the configuration.
   *
   * @return true when the status code is {@code OK}
   */
  public boolean isOk() {
    return errorCode.equals("OK");
  }
}
