package io.inferlink.transport.http.internal;

import java.io.IOException;

/** An answer whose content coding cannot be undone (not gzip, cut short, unknown); becomes a ServerException. */
final class CorruptBodyException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptBodyException(String message) {
    super(message);
  }
}
