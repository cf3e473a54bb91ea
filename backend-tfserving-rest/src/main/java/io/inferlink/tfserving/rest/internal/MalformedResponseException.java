package io.inferlink.tfserving.rest.internal;

/** A server answer that is not what TF Serving's REST API says; becomes a ServerException at the edge. */
final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedResponseException(String message) {
    super(message);
  }

  MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
