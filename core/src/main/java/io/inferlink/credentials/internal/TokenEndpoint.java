package io.inferlink.credentials.internal;

import io.inferlink.ErrorCode;
import io.inferlink.internal.RedactionRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One OAuth 2.0 client-credentials token request (RFC 6749 §4.4) over the JDK's HTTP client, and the reading
 * of its answer (§5.1, §5.2). Every text that leaves it is scrubbed of the client secret. Thread-safe.
 */
public final class TokenEndpoint {
  /** The largest answer read; a token answer is well under 16 KiB. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final URI url;
  private final String shownUrl;
  private final String clientId;
  private final String clientSecret;
  private final boolean secretInBody;
  private final String scope;
  private final String audience;
  private final Duration timeout;
  private final String basicCredentials;
  private HttpClient http; // made at the first request: a provider built but never asked starts no thread

  /** A token endpoint; {@code scope} and {@code audience} may be null. */
  public TokenEndpoint(URI url, String clientId, String clientSecret, boolean secretInBody, String scope,
      String audience, Duration timeout) {
    this.url = url;
    this.shownUrl = RedactionRules.redactText(url.toString());
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.secretInBody = secretInBody;
    this.scope = scope;
    this.audience = audience;
    this.timeout = timeout;
    // RFC 6749 §2.3.1: both are form-encoded before they are joined and base64-encoded.
    this.basicCredentials = Base64.getEncoder().encodeToString(
        (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
  }

  private synchronized HttpClient http() {
    if (http == null) {
      // No redirects: a redirect would resend the client's credentials to another address.
      http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  /** Asks for a token; never throws. */
  public TokenOutcome fetch() {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json");
    StringJoiner form = new StringJoiner("&");
    form.add("grant_type=client_credentials");
    if (scope != null) {
      form.add("scope=" + encode(scope));
    }
    if (audience != null) {
      form.add("audience=" + encode(audience));
    }
    if (secretInBody) {
      form.add("client_id=" + encode(clientId)).add("client_secret=" + encode(clientSecret));
    } else {
      request.header("Authorization", "Basic " + basicCredentials);
    }
    request.POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    HttpResponse<InputStream> response;
    byte[] body;
    try {
      response = http().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
    } catch (HttpTimeoutException e) {
      return failure(ErrorCode.UNAVAILABLE, 0, "token endpoint " + shownUrl + " did not answer within " + timeout, null, e);
    } catch (IOException e) {
      return failure(ErrorCode.UNAVAILABLE, 0, "cannot reach token endpoint " + shownUrl + ": "
          + e.getClass().getSimpleName(), null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(ErrorCode.CANCELLED, 0, "interrupted while waiting for token endpoint " + shownUrl, null, null);
    }
    int status = response.statusCode();
    if (body.length > MAX_ANSWER_BYTES) {
      return failure(status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.UNAUTHENTICATED, status,
          "token endpoint " + shownUrl + " answered more than " + MAX_ANSWER_BYTES + " bytes", null, null);
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return status == 200 ? token(status, text) : refusal(status, text);
  }

  private TokenOutcome token(int status, String text) {
    FlatJsonObject json;
    try {
      json = FlatJsonObject.parse(text);
    } catch (IllegalArgumentException e) {
      return failure(ErrorCode.UNAUTHENTICATED, status, "token endpoint " + shownUrl + " answered no JSON object ("
          + e.getMessage() + ")", null, null);
    }
    String token = json.get("access_token");
    if (token == null || token.isEmpty() || token.equals("null")) {
      return failure(ErrorCode.UNAUTHENTICATED, status, "token endpoint " + shownUrl + " answered no access_token", null, null);
    }
    String type = json.get("token_type");
    if (type != null && !type.toLowerCase(Locale.ROOT).equals("bearer")) {
      return failure(ErrorCode.UNAUTHENTICATED, status, "token endpoint " + shownUrl + " answered a token of type '"
          + scrub(type) + "'; only Bearer tokens are supported", null, null);
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return failure(ErrorCode.UNAUTHENTICATED, status, "token endpoint " + shownUrl
            + " answered an access_token with a character a header cannot carry", null, null);
      }
    }
    Duration lifetime = null;
    String expiresIn = json.get("expires_in");
    if (expiresIn != null && !expiresIn.equals("null")) {
      try {
        long seconds = Long.parseLong(expiresIn.trim());
        if (seconds < 0) {
          throw new NumberFormatException();
        }
        lifetime = Duration.ofSeconds(Math.min(seconds, Duration.ofDays(3650).toSeconds()));
      } catch (NumberFormatException e) {
        return failure(ErrorCode.UNAUTHENTICATED, status, "token endpoint " + shownUrl
            + " answered an expires_in that is not a whole number of seconds", null, null);
      }
    }
    return TokenOutcome.token("Bearer " + token, lifetime);
  }

  private TokenOutcome refusal(int status, String text) {
    ErrorCode code = status >= 500 || status == 429 ? ErrorCode.UNAVAILABLE : ErrorCode.UNAUTHENTICATED;
    String error = null;
    String description = null;
    try {
      FlatJsonObject json = FlatJsonObject.parse(text);
      error = scrub(json.get("error"));
      description = scrub(json.get("error_description"));
    } catch (IllegalArgumentException e) {
      // not the JSON of RFC 6749 §5.2 (a proxy's page): the status says enough
    }
    String serverMessage = error == null ? null : description == null ? error : error + ": " + description;
    return TokenOutcome.failure(code, status, "token endpoint " + shownUrl + " refused the token request (HTTP "
        + status + ")", serverMessage, error, description, null);
  }

  private TokenOutcome failure(ErrorCode code, int status, String message, String serverMessage, Throwable cause) {
    return TokenOutcome.failure(code, status, message, serverMessage, null, null, cause);
  }

  /** The text without the client secret in any form it was sent in, nor anything that looks like a credential. */
  private String scrub(String text) {
    if (text == null) {
      return null;
    }
    String s = text;
    for (String secret : List.of(clientSecret, encode(clientSecret), basicCredentials)) {
      if (!secret.isEmpty()) {
        s = s.replace(secret, RedactionRules.MASK);
      }
    }
    return RedactionRules.redactText(s);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
