package io.inferlink.credentials;

import io.inferlink.AuthenticationException;
import io.inferlink.credentials.internal.TokenFileState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A bearer token read from a file and read again when the file changes: a Kubernetes projected
 * service-account token in front of KServe, or any token a sidecar rewrites. The kubelet replaces such a
 * file by pointing a {@code ..data} symbolic link at a new folder, so the path itself never changes; the
 * check therefore follows the links and compares the real file's identity, time and size. At most one
 * check per {@linkplain #checkInterval() interval} (one second by default), done by the attempt that finds
 * it due. Thread-safe.
 */
public final class BearerTokenFile implements CredentialsProvider {
  /** How often the file is checked for a change unless set. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
  /** Files larger than this are refused (service-account tokens are a few KiB). */
  public static final int MAX_TOKEN_BYTES = 64 * 1024;

  private final Path file;
  private final Duration checkInterval;
  private final TokenFileState state;

  private BearerTokenFile(Path file, Duration checkInterval) {
    this.file = Objects.requireNonNull(file, "file");
    Objects.requireNonNull(checkInterval, "checkInterval");
    if (checkInterval.isNegative()) {
      throw new IllegalArgumentException("checkInterval must not be negative, got " + checkInterval);
    }
    this.checkInterval = checkInterval;
    this.state = new TokenFileState(file, checkInterval.toNanos(), MAX_TOKEN_BYTES);
  }

  /**
   * The token in {@code file}, checked for a change at most once a second. Reads nothing yet.
   *
   * @param file the file holding the token; not null, need not exist yet
   * @return a provider for that file
   */
  public static BearerTokenFile of(Path file) {
    return new BearerTokenFile(file, DEFAULT_CHECK_INTERVAL);
  }

  /**
   * The token in {@code file}, checked for a change at most once per {@code checkInterval}; zero checks every attempt.
   *
   * @param file the file holding the token; not null, need not exist yet
   * @param checkInterval how long a read token is trusted before the file is checked again; not negative
   * @return a provider for that file
   */
  public static BearerTokenFile of(Path file, Duration checkInterval) {
    return new BearerTokenFile(file, checkInterval);
  }

  /**
   * The file, as given.
   *
   * @return the path given to {@link #of(Path)}, not resolved
   */
  public Path file() {
    return file;
  }

  /**
   * The longest time a change of the file may go unnoticed.
   *
   * @return how long a change may go unnoticed; zero when every attempt checks
   */
  public Duration checkInterval() {
    return checkInterval;
  }

  /**
   * {@code Bearer <the file's content>}, surrounding white space removed, read again when the file changed.
   *
   * @throws AuthenticationException naming the file (never its content) when it is missing, unreadable,
   *     empty, larger than {@link #MAX_TOKEN_BYTES} or holds characters a header cannot carry
   */
  @Override
  public String authorization() {
    return "Bearer " + state.token();
  }

  @Override
  public String toString() {
    return "BearerTokenFile{file=" + file + ", checkInterval=" + checkInterval + "}";
  }
}
