package io.inferlink.credentials;

import io.inferlink.credentials.internal.SuppliedBearerToken;
import java.util.function.Supplier;

/**
 * Where a client gets the {@code Authorization} value of each attempt. The client asks once per attempt,
 * when the attempt is sent (a retry asks again), so a provider that caches must be cheap on the common
 * path and hand out the newest credentials it has. Implementations must be thread-safe: attempts of many
 * calls ask at once.
 */
@FunctionalInterface
public interface CredentialsProvider {

  /**
   * The whole {@code Authorization} header value for the next attempt, scheme included ({@code Bearer abc}),
   * or {@code null} to send none. Runs on the thread that sends the attempt and may block for as long as
   * fetching credentials takes (a file read, a token request).
   *
   * @return the header value, such as {@code Bearer abc}, or {@code null} to send no {@code Authorization}
   * @throws io.inferlink.InferenceException (usually an {@link io.inferlink.AuthenticationException}) when no
   *     credentials can be had; the attempt then fails with it and nothing is sent. Its message must not hold
   *     a secret.
   */
  String authorization();

  /**
   * Sends {@code Authorization: Bearer <token>} with the token the supplier gives for each attempt; a
   * {@code null} or empty token sends no {@code Authorization}.
   *
   * @param token called once per attempt for the current token; not null
   * @return a provider that reads the supplier on every attempt
   */
  static CredentialsProvider bearerToken(Supplier<String> token) {
    return new SuppliedBearerToken(token);
  }
}
