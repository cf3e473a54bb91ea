package io.inferlink.transport.http.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Redaction;
import io.inferlink.spi.support.SecretScrubber;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.HttpException;

/**
 * Turns what HttpClient fails with into Inferlink exceptions that name the target (redacted) and say
 * how far the request got: a connection that could not be made never carried it
 * ({@link Delivery#NOT_SENT}); any other failure is {@link Delivery#OUTCOME_UNKNOWN} once the whole
 * request went out, since the server may have run it, and {@code NOT_SENT} before. Those of one call
 * ({@link #forCall}) also scrub its secrets from messages and cause chains, since a broken server may
 * echo them in what HttpClient reports.
 */
final class TransportFailures {
  private final String target;
  private final String provider;
  private final SecretScrubber secrets;

  TransportFailures(HttpTarget target, String provider) {
    this(Redaction.redactText(target.toString()), provider, SecretScrubber.NONE);
  }

  private TransportFailures(String target, String provider, SecretScrubber secrets) {
    this.target = target;
    this.provider = provider;
    this.secrets = secrets;
  }

  /** The failures of one call, which sent these secrets. */
  TransportFailures forCall(SecretScrubber secrets) {
    return new TransportFailures(target, provider, secrets);
  }

  /** The secrets of the call ({@link SecretScrubber#NONE} outside one). */
  SecretScrubber secrets() {
    return secrets;
  }

  String provider() {
    return provider;
  }

  InferenceException map(Throwable failure, boolean sent) {
    Delivery delivery = sent ? Delivery.OUTCOME_UNKNOWN : Delivery.NOT_SENT;
    Throwable t = Errors.unwrapFutureException(failure);
    if (t instanceof InferenceException) {
      return (InferenceException) t;
    }
    if (t instanceof BodyTooLargeException) {
      BodyTooLargeException e = (BodyTooLargeException) t;
      return create(ErrorCode.RESOURCE_EXHAUSTED, "response from " + target + " is larger than maxMessageSize ("
          + e.limit + " bytes, got at least " + e.seen + (e.decompressed ? " once decompressed" : "")
          + "); raise ClientOptions.maxMessageSize", t, delivery);
    }
    if (t instanceof CorruptBodyException) {
      return create(ErrorCode.UNKNOWN, "response from " + target + " cannot be read: " + describe(t), t, delivery);
    }
    if (t instanceof java.util.concurrent.CancellationException) {
      return create(ErrorCode.CANCELLED, "the call to " + target + " was cancelled", t, delivery);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnknownHostException) {
        return cannotConnect("unknown host", t);
      }
      if (c instanceof ConnectTimeoutException) {
        return cannotConnect("connect timed out", t);
      }
      if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
        String why = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        return cannotConnect(why.contains("refused") ? "connection refused" : describe(c), t);
      }
      if (c instanceof SSLException) {
        String hint = String.valueOf(c.getMessage()).contains("PKIX")
            ? " (is the server's CA among the trusted certificates? see ClientOptions.trustCertificates)" : "";
        return create(ErrorCode.UNAVAILABLE, "TLS with " + target + " failed: " + describe(c) + hint, t, delivery);
      }
      if (c instanceof SocketTimeoutException) {
        return create(ErrorCode.DEADLINE_EXCEEDED, "no data from " + target + ": " + describe(c), t, delivery);
      }
      if (c instanceof HttpException) {
        return create(ErrorCode.INTERNAL, "malformed HTTP response from " + target + ": " + describe(c), t, delivery);
      }
    }
    if (t instanceof java.io.IOException) {
      return create(ErrorCode.UNAVAILABLE, "connection to " + target + " failed: " + describe(t), t, delivery);
    }
    return create(ErrorCode.UNKNOWN, "unexpected failure: " + t, t, delivery);
  }

  InferenceException deadline(java.time.Duration timeout, boolean sent) {
    return create(ErrorCode.DEADLINE_EXCEEDED, "no complete response from " + target + " within "
        + timeout.toMillis() + " ms", null, sent ? Delivery.OUTCOME_UNKNOWN : Delivery.NOT_SENT);
  }

  InferenceException closed(boolean sent) {
    return create(ErrorCode.CANCELLED, "the HTTP transport to " + target + " was closed during the call", null,
        sent ? Delivery.OUTCOME_UNKNOWN : Delivery.NOT_SENT);
  }

  IllegalStateException alreadyClosed() {
    return new IllegalStateException("the HTTP transport to " + target + " is closed");
  }

  private InferenceException cannotConnect(String why, Throwable cause) {
    return create(ErrorCode.UNAVAILABLE, "cannot connect to " + target + ": " + why, cause, Delivery.NOT_SENT);
  }

  private InferenceException create(ErrorCode code, String message, Throwable cause, Delivery delivery) {
    return Errors.create(new InferenceException.Details(code).message(secrets.scrub(message)).provider(provider)
        .cause(secrets.scrub(cause)).delivery(delivery));
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return Redaction.redactText(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
  }
}
