package io.inferlink.credentials.internal;

import io.inferlink.InvalidRequestException;
import io.inferlink.credentials.CredentialsProvider;
import io.inferlink.internal.HeaderRule;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A bearer token from a supplier, asked for each attempt: what {@code ClientOptions.Builder.bearerToken}
 * sets. Thread-safe when the supplier is.
 */
public final class SuppliedBearerToken implements CredentialsProvider {
  private final Supplier<String> token;

  /** Asks {@code token} for each attempt. */
  public SuppliedBearerToken(Supplier<String> token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  @Override
  public String authorization() {
    String t = token.get();
    if (t == null || t.isEmpty()) {
      return null;
    }
    try {
      HeaderRule.check("Authorization", t);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("bearer token rejected: it contains characters not allowed in a header");
    }
    return "Bearer " + t;
  }

  @Override
  public String toString() {
    return "bearerToken=***";
  }
}
