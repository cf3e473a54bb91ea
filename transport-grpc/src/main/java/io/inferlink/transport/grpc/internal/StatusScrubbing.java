package io.inferlink.transport.grpc.internal;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.inferlink.spi.support.SecretScrubber;
import java.nio.charset.StandardCharsets;

/**
 * Copies grpc-java's status exceptions with their texts scrubbed, for {@link SecretScrubber#scrub(
 * Throwable, SecretScrubber.Copier)}: same class, same status code, the description scrubbed, and
 * the trailers' text values scrubbed (a server may echo request headers there too; binary values
 * that hold a secret are left out). Stateless and thread-safe.
 */
final class StatusScrubbing {
  private StatusScrubbing() {}

  /** The copier for {@link StatusRuntimeException} and {@link StatusException}; null for other types. */
  static Throwable copy(Throwable original, Throwable cause, SecretScrubber scrubber) {
    if (original instanceof StatusRuntimeException) {
      StatusRuntimeException e = (StatusRuntimeException) original;
      return new StatusRuntimeException(status(e.getStatus(), cause, scrubber), trailers(e.getTrailers(), scrubber));
    }
    if (original instanceof StatusException) {
      StatusException e = (StatusException) original;
      return new StatusException(status(e.getStatus(), cause, scrubber), trailers(e.getTrailers(), scrubber));
    }
    return null;
  }

  private static Status status(Status status, Throwable cause, SecretScrubber scrubber) {
    return Status.fromCode(status.getCode()).withDescription(scrubber.scrub(status.getDescription())).withCause(cause);
  }

  private static Metadata trailers(Metadata trailers, SecretScrubber scrubber) {
    if (trailers == null) {
      return null;
    }
    Metadata out = new Metadata();
    for (String name : trailers.keys()) {
      if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        Metadata.Key<byte[]> key = Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
        for (byte[] value : trailers.getAll(key)) {
          if (!scrubber.changes(new String(value, StandardCharsets.ISO_8859_1))
              && !scrubber.changes(new String(value, StandardCharsets.UTF_8))) {
            out.put(key, value);
          }
        }
      } else {
        Metadata.Key<String> key = Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
        for (String value : trailers.getAll(key)) {
          out.put(key, scrubber.scrub(value));
        }
      }
    }
    return out;
  }
}
