package io.inferlink;

/**
 * Base of every failure a call can end with: carries an {@link ErrorCode}, the protocol status the
 * server answered with (if any), the provider's name and the server's own message.
 *
 * <p>Unchecked. Instances are immutable once thrown and safe to share between threads. Messages and
 * causes never contain credentials: backends pass server text and causes through the call's
 * {@code io.inferlink.spi.support.SecretScrubber} first.
 * Use {@code io.inferlink.spi.support.Errors} to create the subclass that matches a code.
 */
public class InferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Longest server message kept; servers sometimes echo whole payloads back. */
  public static final int MAX_SERVER_MESSAGE_CHARS = 2048;

  /** Why the call failed; never null. */
  private final ErrorCode code;
  /** The HTTP status answered, or 0. */
  private final int httpStatus;
  /** The gRPC status number answered, or -1. */
  private final int grpcStatus;
  /** The provider's name, or null. */
  private final String provider;
  /** The server's own text, truncated and redacted, or null. */
  private final String serverMessage;
  /** How far the request got; never null. */
  private final Delivery delivery;
  /** The wait the server asked for, or null. */
  private final java.time.Duration retryAfter;
  /** Whether the server asked not to be retried. */
  private final boolean retryRefused;

  /**
   * How far a failed request got, which decides whether sending it again is safe: a request that
   * never reached the server whole can always be sent again, one that did may already have run.
   */
  public enum Delivery {
    /**
     * The server cannot have acted on the request: it never left the client, or left only in part
     * (connection refused, unknown host, TLS handshake failed, no pooled connection free in time, a
     * connection found dead before the whole request was written). Sending it again is always safe.
     */
    NOT_SENT,
    /**
     * The whole request was sent, then the connection broke or the deadline passed before an answer
     * came: the server may have run the model. Send it again only if running it twice is harmless.
     */
    OUTCOME_UNKNOWN,
    /** The server answered, with the status this exception carries. */
    ANSWERED,
    /** Whoever raised the failure did not say (a check inside the client, or a backend that does not track it). */
    UNSPECIFIED
  }

  /**
   * Creates an exception from a {@link Details} description.
   *
   * @param details the failure's description; read once, later changes to it do not affect this exception
   */
  public InferenceException(Details details) {
    super(details.describe(), details.cause);
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.grpcStatus = details.grpcStatus;
    this.provider = details.provider;
    this.serverMessage = details.serverMessage;
    this.delivery = details.delivery != null ? details.delivery
        : details.httpStatus > 0 || details.grpcStatus >= 0 ? Delivery.ANSWERED : Delivery.UNSPECIFIED;
    this.retryAfter = details.retryAfter;
    this.retryRefused = details.retryRefused;
  }

  /**
   * Creates an exception with a code and a message of our own (no server status).
   *
   * @param code why the call failed; not null
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public InferenceException(ErrorCode code, String message) {
    this(new Details(code).message(message));
  }

  /**
   * Creates an exception with a code, a message of our own and a cause.
   *
   * @param code why the call failed; not null
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}
   */
  public InferenceException(ErrorCode code, String message, Throwable cause) {
    this(new Details(code).message(message).cause(cause));
  }

  /**
   * Why the call failed.
   *
   * @return the failure's code; never null
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * True when the same call may succeed if tried again later: the code is one that passes
   * ({@link ErrorCode#isRetryable()}) and the server did not ask not to be retried (a negative gRPC
   * {@code grpc-retry-pushback-ms}). It says nothing about whether trying again is safe: see {@link #delivery()}.
   *
   * @return whether calling again later may succeed
   */
  public boolean isRetryable() {
    return code.isRetryable() && !retryRefused;
  }

  /**
   * How far the request got: {@link Delivery#NOT_SENT} (safe to send again),
   * {@link Delivery#OUTCOME_UNKNOWN} (the server may have run it), {@link Delivery#ANSWERED} (the
   * server's own answer; the default when the exception carries a status) or
   * {@link Delivery#UNSPECIFIED} (the default otherwise).
   *
   * @return how far the request got; never null
   */
  public Delivery delivery() {
    return delivery;
  }

  /**
   * The HTTP status the server answered with, or 0 when there was none (gRPC, or no answer).
   *
   * @return the HTTP status, or 0
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The gRPC status number the server answered with, or -1 when there was none.
   *
   * @return the gRPC status number, or -1
   */
  public int grpcStatus() {
    return grpcStatus;
  }

  /**
   * Name of the provider that made the call, or {@code null} when it is not known.
   *
   * @return the provider's name, or {@code null}
   */
  public String provider() {
    return provider;
  }

  /**
   * What the server said about the failure (truncated, redacted), or {@code null}.
   *
   * @return the server's message, or {@code null}
   */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * How long the server asked the client to wait before calling again: HTTP's {@code Retry-After} (seconds or a
   * date) or gRPC's {@code grpc-retry-pushback-ms}, read by the transport; empty when the server did not say.
   * Retries wait at least this long before sending to the same server again.
   *
   * @return the wait the server asked for, or empty
   */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.ofNullable(retryAfter);
  }

  /**
   * Mutable description of a failure used to build an exception; not thread-safe.
   * Only {@link #code} is required.
   */
  public static final class Details {
    final ErrorCode code;
    String message;
    int httpStatus;
    int grpcStatus = -1;
    String provider;
    String serverMessage;
    Throwable cause;
    Delivery delivery;
    java.time.Duration retryAfter;
    boolean retryRefused;

    /**
     * Starts a description for the given code.
     *
     * @param code why the call failed; not null
     */
    public Details(ErrorCode code) {
      this.code = java.util.Objects.requireNonNull(code, "code");
    }

    /**
     * Our own explanation: what failed and, where we know it, what to do.
     *
     * @param message what failed and, where known, what to do about it; {@code null} uses the code's name
     * @return this description, for chaining
     */
    public Details message(String message) {
      this.message = message;
      return this;
    }

    /**
     * The HTTP status received.
     *
     * @param status the HTTP status code, e.g. 503; 0 or less means none
     * @return this description, for chaining
     */
    public Details httpStatus(int status) {
      this.httpStatus = status;
      return this;
    }

    /**
     * The gRPC status number received.
     *
     * @param status the gRPC status number (0 to 16); negative means none
     * @return this description, for chaining
     */
    public Details grpcStatus(int status) {
      this.grpcStatus = status;
      return this;
    }

    /**
     * The provider's name.
     *
     * @param provider the provider's name, e.g. {@code "oip-http"}, or {@code null}
     * @return this description, for chaining
     */
    public Details provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * The server's message; truncated to {@link #MAX_SERVER_MESSAGE_CHARS}. Redact before passing.
     *
     * @param serverMessage the server's text, already scrubbed of secrets, or {@code null}
     * @return this description, for chaining
     */
    public Details serverMessage(String serverMessage) {
      this.serverMessage = truncate(serverMessage);
      return this;
    }

    /**
     * The underlying cause.
     *
     * @param cause the underlying failure, or {@code null}
     * @return this description, for chaining
     */
    public Details cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * How far the request got; when not set, derived as {@link InferenceException#delivery()} says.
     *
     * @param delivery how far the request got, or {@code null} to derive it
     * @return this description, for chaining
     */
    public Details delivery(Delivery delivery) {
      this.delivery = delivery;
      return this;
    }

    /**
     * How long the server asked to wait before the next call ({@link InferenceException#retryAfter()}); not negative.
     *
     * @param wait the server's requested wait, or {@code null} when it asked for none
     * @return this description, for chaining
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public Details retryAfter(java.time.Duration wait) {
      if (wait != null && wait.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, got " + wait);
      }
      this.retryAfter = wait;
      return this;
    }

    /**
     * The server asked not to be retried at all (gRPC's negative {@code grpc-retry-pushback-ms}): the
     * exception is not {@link InferenceException#isRetryable() retryable}, whatever its code.
     *
     * @return this description, for chaining
     */
    public Details doNotRetry() {
      this.retryRefused = true;
      return this;
    }

    /**
     * Keeps what decides retries from {@code e}, for code that builds a new exception out of one a transport
     * raised: how far the request got ({@link InferenceException#delivery()}, unless unspecified), the
     * server's {@link InferenceException#retryAfter()} and its refusal of retries.
     *
     * @param e the exception a transport raised; not null
     * @return this description, for chaining
     */
    public Details retryHintsFrom(InferenceException e) {
      if (e.delivery != Delivery.UNSPECIFIED) {
        this.delivery = e.delivery;
      }
      this.retryAfter = e.retryAfter;
      this.retryRefused = e.retryRefused;
      return this;
    }

    /**
     * The code this description is for.
     *
     * @return the code given to the constructor; never null
     */
    public ErrorCode code() {
      return code;
    }

    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(message != null ? message : code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      if (serverMessage != null && !serverMessage.isEmpty()
          && (message == null || !message.contains(serverMessage))) {
        sb.append(": ").append(serverMessage);
      }
      if (retryRefused) {
        sb.append(" (the server asked not to be retried)");
      }
      sb.append(" [").append(code);
      if (httpStatus > 0) {
        sb.append(", HTTP ").append(httpStatus);
      }
      if (grpcStatus >= 0) {
        sb.append(", gRPC ").append(ErrorCode.fromGrpcCode(grpcStatus));
      }
      if (provider != null) {
        sb.append(", provider ").append(provider);
      }
      return sb.append(']').toString();
    }

    private static String truncate(String s) {
      if (s == null || s.length() <= MAX_SERVER_MESSAGE_CHARS) {
        return s;
      }
      return s.substring(0, MAX_SERVER_MESSAGE_CHARS) + "...(truncated, " + s.length() + " chars)";
    }
  }
}
