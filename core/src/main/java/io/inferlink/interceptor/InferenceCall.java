package io.inferlink.interceptor;

import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.internal.HeaderRule;
import io.inferlink.internal.RedactionRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a client as interceptors see it: what it does ({@link #operation()},
 * {@link #operationName()}), on which model, through which provider and endpoint, which attempt it is,
 * the headers sent with it alone, and its deadline. Immutable and thread-safe; the {@code with...}
 * methods return changed copies. Clients build calls with {@link #builder(Operation)} or
 * {@link #extension(String)}.
 */
public final class InferenceCall {

  /** What a call does; {@link #EXTENSION} for a protocol-specific operation, named by {@link #operationName()}. */
  public enum Operation {
    /** {@link io.inferlink.InferenceClient#inferAsync}. */
    INFER("infer"),
    /** {@link io.inferlink.InferenceClient#modelMetadataAsync}. */
    MODEL_METADATA("model.metadata"),
    /** {@link io.inferlink.InferenceClient#modelReadyAsync}. */
    MODEL_READY("model.ready"),
    /** {@link io.inferlink.InferenceClient#serverLiveAsync}. */
    SERVER_LIVE("server.live"),
    /** {@link io.inferlink.InferenceClient#serverReadyAsync}. */
    SERVER_READY("server.ready"),
    /** {@link io.inferlink.InferenceClient#serverMetadataAsync}. */
    SERVER_METADATA("server.metadata"),
    /** A protocol extension reached with {@code unwrap} (classify, repository load...). */
    EXTENSION(null);

    private final String operationName;

    Operation(String operationName) {
      this.operationName = operationName;
    }
  }

  // Beyond this, nanosecond arithmetic would overflow; no call waits for centuries.
  private static final Duration LONGEST = Duration.ofDays(365L * 100);
  private static volatile String[] lastEndpoint = {"", ""};

  private final Operation operation;
  private final String operationName;
  private final ModelRef model;
  private final String provider;
  private final String endpoint;
  private final int attempt;
  private final Map<String, String> headers;
  private final boolean idempotent;
  private final Duration timeout;
  private final Instant deadline;
  private final long deadlineNanos;
  private final InferenceRequest request;
  private final long requestBytes;

  private InferenceCall(Builder b, int attempt, Map<String, String> headers) {
    this.operation = b.operation;
    this.operationName = b.operationName;
    this.model = b.model;
    this.provider = b.provider;
    this.endpoint = b.endpoint;
    this.attempt = attempt;
    this.headers = headers;
    this.idempotent = b.idempotent;
    this.timeout = b.timeout;
    this.request = b.request;
    this.requestBytes = b.requestBytes;
    this.deadline = Instant.now().plus(timeout);
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  private InferenceCall(InferenceCall c, int attempt, Map<String, String> headers) {
    this.operation = c.operation;
    this.operationName = c.operationName;
    this.model = c.model;
    this.provider = c.provider;
    this.endpoint = c.endpoint;
    this.attempt = attempt;
    this.headers = headers;
    this.idempotent = c.idempotent;
    this.timeout = c.timeout;
    this.request = c.request;
    this.requestBytes = c.requestBytes;
    this.deadline = c.deadline;
    this.deadlineNanos = c.deadlineNanos;
  }

  /**
   * Starts a call of one of the client's own operations (not {@link Operation#EXTENSION}).
   *
   * @param operation the operation; not null and not {@link Operation#EXTENSION}
   * @return a builder for the call
   * @throws IllegalArgumentException when {@code operation} is {@link Operation#EXTENSION}
   */
  public static Builder builder(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    if (operation == Operation.EXTENSION) {
      throw new IllegalArgumentException("an extension call is started with InferenceCall.extension(name)");
    }
    return new Builder(operation, operation.operationName);
  }

  /**
   * Starts a call of a protocol extension, named like {@code "repository.load"} or {@code "classify"}.
   *
   * @param operationName the extension's operation name; not null, not blank
   * @return a builder for the call
   * @throws IllegalArgumentException when the name is blank
   */
  public static Builder extension(String operationName) {
    Objects.requireNonNull(operationName, "operationName");
    if (operationName.isBlank()) {
      throw new IllegalArgumentException("an extension call needs a name");
    }
    return new Builder(Operation.EXTENSION, operationName);
  }

  /**
   * What the call does.
   *
   * @return the operation; never null, {@link Operation#EXTENSION} for any protocol extension
   */
  public Operation operation() {
    return operation;
  }

  /**
   * The operation's name: {@code "infer"}, {@code "model.metadata"}, {@code "model.ready"},
   * {@code "server.live"}, {@code "server.ready"}, {@code "server.metadata"}, or the extension's own
   * ({@code "repository.load"}, {@code "classify"}...).
   *
   * @return the operation's name; never null
   */
  public String operationName() {
    return operationName;
  }

  /**
   * The model the call is about, or {@code null} for a server-level operation.
   *
   * @return the model reference, or {@code null} for a server-level operation
   */
  public ModelRef model() {
    return model;
  }

  /**
   * The provider's name, e.g. {@code kserve-v2-grpc}.
   *
   * @return the provider's name; never null
   */
  public String provider() {
    return provider;
  }

  /**
   * The endpoint, with credentials and secret-looking query values masked.
   *
   * @return the masked endpoint; never null, safe to log
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Which attempt this is: 1 for the first, 2 for the first retry...
   *
   * @return the attempt number, 1 or more
   */
  public int attempt() {
    return attempt;
  }

  /**
   * The headers sent with this call only: the request's ({@link InferenceRequest#headers()}) and
   * those interceptors added, in order. The client's own headers and credentials are not among them;
   * the transport adds those to every call.
   *
   * @return an unmodifiable map of header names to values in the order they were added; may be empty, never null
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Whether sending this call twice is harmless: an inference request marked so, every metadata,
   * readiness and liveness call, and the extensions that only read.
   *
   * @return whether the call may be sent again without harm
   */
  public boolean idempotent() {
    return idempotent;
  }

  /**
   * How long the whole call may take, every attempt and every wait between them included: the request's
   * timeout, else the client's request timeout.
   *
   * @return the call's whole time budget; positive
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * When the call's time runs out: {@link #timeout()} after it started. Retries ({@link #withAttempt}) keep it,
   * so each attempt gets only the time left and a call never takes longer than its timeout.
   *
   * @return the wall-clock deadline, the same for every attempt of the call
   */
  public Instant deadline() {
    return deadline;
  }

  /**
   * The time left until {@link #deadline()}, by the monotonic clock; zero or negative once it passed.
   *
   * @return the remaining time; zero or negative once the deadline passed
   */
  public Duration timeLeft() {
    return Duration.ofNanos(deadlineNanos - System.nanoTime());
  }

  /**
   * The inference request of an {@link Operation#INFER} call; empty for every other operation.
   *
   * @return the request of an {@code INFER} call, otherwise empty
   */
  public Optional<InferenceRequest> request() {
    return Optional.ofNullable(request);
  }

  /**
   * The size of the request on the wire when the client knows it before sending, else -1.
   *
   * @return the request's size in bytes, or -1 when unknown
   */
  public long requestBytes() {
    return requestBytes;
  }

  /**
   * This call with one more header, replacing one of the same name in any case.
   *
   * @param name the header name, an HTTP token; any case
   * @param value the header value, without control characters
   * @return a new call with the header set; this one is unchanged
   * @throws IllegalArgumentException when the name is not a header token or the value has a control
   *     character (the message never repeats the value)
   */
  public InferenceCall withHeader(String name, String value) {
    HeaderRule.check(name, value);
    Map<String, String> copy = new LinkedHashMap<>(headers);
    putHeader(copy, name, value);
    return new InferenceCall(this, attempt, Collections.unmodifiableMap(copy));
  }

  /**
   * This call as attempt {@code attempt} (at least 1), with the same {@link #deadline()}: a retry gets what is
   * left of the call's time, not a new timeout.
   *
   * @param attempt the attempt number, 1 or more
   * @return a new call with that attempt number, the same deadline and headers
   * @throws IllegalArgumentException when {@code attempt} is below 1
   */
  public InferenceCall withAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
    }
    return new InferenceCall(this, attempt, headers);
  }

  /** Secret-named header values are masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("InferenceCall{").append(operationName);
    if (model != null) {
      sb.append(", model=").append(model);
    }
    sb.append(", provider=").append(provider).append(", endpoint=").append(endpoint).append(", attempt=").append(attempt);
    if (!headers.isEmpty()) {
      Map<String, String> shown = new LinkedHashMap<>();
      headers.forEach((k, v) -> shown.put(k, RedactionRules.headerValueForDisplay(k, v)));
      sb.append(", headers=").append(shown);
    }
    return sb.append('}').toString();
  }

  /** A client passes the same string on every call: its masked form is kept, not computed again. */
  private static String redacted(String endpoint) {
    String[] last = lastEndpoint;
    if (last[0].equals(endpoint)) {
      return last[1];
    }
    String shown = RedactionRules.redactText(endpoint);
    lastEndpoint = new String[] {endpoint, shown};
    return shown;
  }

  private static void putHeader(Map<String, String> headers, String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, value);
  }

  /** Collects a call; not thread-safe. Provider and timeout are required. */
  public static final class Builder {
    private final Operation operation;
    private final String operationName;
    private ModelRef model;
    private String provider;
    private String endpoint = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean idempotent;
    private Duration timeout;
    private InferenceRequest request;
    private long requestBytes = -1;

    private Builder(Operation operation, String operationName) {
      this.operation = operation;
      this.operationName = operationName;
      // Everything but inference and extensions only reads.
      this.idempotent = operation != Operation.INFER && operation != Operation.EXTENSION;
    }

    /**
     * The provider's name.
     *
     * @param provider the provider's name, such as {@code kserve-v2-grpc}; not null
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * The endpoint; credentials and secret-looking query values in it are masked.
     *
     * @param endpoint the endpoint as configured; not null, masked before it is kept
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = redacted(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /**
     * The model the call is about.
     *
     * @param model the model the call is about, or {@code null} for a server-level operation
     * @return this builder
     */
    public Builder model(ModelRef model) {
      this.model = model;
      return this;
    }

    /**
     * The inference request: sets the model, the idempotence and the headers of the request
     * ({@link InferenceRequest#headers()}); for {@link Operation#INFER} calls.
     *
     * @param request the request of an {@code INFER} call; not null
     * @return this builder
     */
    public Builder request(InferenceRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      this.model = request.model();
      this.idempotent = request.idempotent();
      request.headers().forEach(this::header);
      return this;
    }

    /**
     * Whether sending the call twice is harmless (see {@link InferenceCall#idempotent()}).
     *
     * @param idempotent whether sending the call twice is harmless
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * How long the whole call may take, retries included; must be positive.
     *
     * @param timeout the call's whole time budget; not null, positive (longer values are capped)
     * @return this builder
     * @throws IllegalArgumentException when the timeout is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout.compareTo(LONGEST) > 0 ? LONGEST : timeout;
      return this;
    }

    /**
     * The request's size on the wire, when known before sending.
     *
     * @param requestBytes the request's size in bytes, or -1 when unknown
     * @return this builder
     */
    public Builder requestBytes(long requestBytes) {
      this.requestBytes = requestBytes;
      return this;
    }

    /**
     * Adds a header for this call, checked as {@link InferenceCall#withHeader} does.
     *
     * @param name the header name, an HTTP token; any case
     * @param value the header value, without control characters
     * @return this builder
     */
    public Builder header(String name, String value) {
      HeaderRule.check(name, value);
      putHeader(headers, name, value);
      return this;
    }

    /**
     * Builds attempt 1 of the call; its deadline starts now.
     *
     * @return the call, attempt 1
     * @throws NullPointerException when no provider or no timeout was set
     */
    public InferenceCall build() {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(timeout, "timeout");
      return new InferenceCall(this, 1, Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
    }
  }
}
