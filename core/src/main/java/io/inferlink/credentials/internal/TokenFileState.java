package io.inferlink.credentials.internal;

import io.inferlink.AuthenticationException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.internal.HeaderRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The last token read from a file and what the file looked like then. A check resolves every symbolic link
 * (the kubelet swaps {@code ..data}) and compares the real file, its identity, modification time and size;
 * any difference reads the file again. Thread-safe: the common path reads one volatile field, a check runs
 * under a lock so that only one thread reads the file.
 */
public final class TokenFileState {
  private final Path file;
  private final long checkIntervalNanos;
  private final int maxBytes;
  private final Object lock = new Object();
  private volatile Snapshot current;

  /** What was read, from where, and when it was last checked. */
  private static final class Snapshot {
    final String token;
    final Path realPath;
    final Object identity;
    final long modifiedMillis;
    final long size;
    final long checkedAtNanos;

    Snapshot(String token, Path realPath, BasicFileAttributes attrs, long checkedAtNanos) {
      this.token = token;
      this.realPath = realPath;
      this.identity = attrs.fileKey();
      this.modifiedMillis = attrs.lastModifiedTime().toMillis();
      this.size = attrs.size();
      this.checkedAtNanos = checkedAtNanos;
    }

    boolean sameFile(Path real, BasicFileAttributes attrs) {
      return realPath.equals(real) && Objects.equals(identity, attrs.fileKey())
          && modifiedMillis == attrs.lastModifiedTime().toMillis() && size == attrs.size();
    }

    Snapshot checkedAt(long nanos, Path real, BasicFileAttributes attrs) {
      return new Snapshot(token, real, attrs, nanos);
    }
  }

  /** A token read from {@code file}, checked at most once per {@code checkIntervalNanos}. */
  public TokenFileState(Path file, long checkIntervalNanos, int maxBytes) {
    this.file = file;
    this.checkIntervalNanos = checkIntervalNanos;
    this.maxBytes = maxBytes;
  }

  /** The token, read again when the file changed since the last check. */
  public String token() {
    Snapshot s = current;
    if (s != null && System.nanoTime() - s.checkedAtNanos < checkIntervalNanos) {
      return s.token;
    }
    synchronized (lock) {
      s = current;
      long now = System.nanoTime();
      if (s != null && now - s.checkedAtNanos < checkIntervalNanos) {
        return s.token; // another thread checked while this one waited
      }
      Path real;
      BasicFileAttributes attrs;
      try {
        real = file.toRealPath();
        attrs = Files.readAttributes(real, BasicFileAttributes.class);
      } catch (IOException | SecurityException e) {
        current = null;
        throw unreadable(e);
      }
      if (s != null && s.sameFile(real, attrs)) {
        current = s.checkedAt(now, real, attrs);
        return s.token;
      }
      String token = read(real, attrs);
      current = new Snapshot(token, real, attrs, now);
      return token;
    }
  }

  private String read(Path real, BasicFileAttributes attrs) {
    if (!attrs.isRegularFile()) {
      current = null;
      throw refused("bearer token file " + file + " is not a regular file", null);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(real)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException | SecurityException e) {
      current = null;
      throw unreadable(e);
    }
    if (bytes.length > maxBytes) {
      current = null;
      throw refused("bearer token file " + file + " is larger than " + maxBytes + " bytes", null);
    }
    String token = new String(bytes, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      current = null;
      throw refused("bearer token file " + file + " is empty", null);
    }
    try {
      HeaderRule.check("Authorization", token);
    } catch (IllegalArgumentException e) {
      current = null;
      throw refused("bearer token file " + file
          + " holds a character a header cannot carry (a control or non-Latin-1 character)", null);
    }
    return token;
  }

  private AuthenticationException unreadable(Exception e) {
    // The exception's class says what went wrong (NoSuchFileException, AccessDeniedException); its message is the path.
    return refused("cannot read bearer token file " + file + ": " + e.getClass().getSimpleName(), e);
  }

  /** The attempt that asked was not sent: safe to send again once the file is right. */
  private static AuthenticationException refused(String message, Throwable cause) {
    return new AuthenticationException(new InferenceException.Details(ErrorCode.UNAUTHENTICATED).message(message)
        .cause(cause).delivery(InferenceException.Delivery.NOT_SENT));
  }
}
