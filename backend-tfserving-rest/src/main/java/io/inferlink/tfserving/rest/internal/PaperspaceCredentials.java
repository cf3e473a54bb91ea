package io.inferlink.tfserving.rest.internal;

import io.inferlink.AuthenticationException;
import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.tfserving.rest.TfServingRestOptions;

/**
 * Where a Paperspace client's credentials come from, and what to tell the user when the platform
 * answers 401: which secret is missing or refused, never the secret itself.
 *
 * <p>Order: credentials set in the options (bearer or basic) win; else the {@code paperspace-secret}
 * option; else {@code INFERLINK_PAPERSPACE_SECRET}; a secret becomes HTTP Basic
 * {@code paperspace:<secret>}, as protected deployments expect.
 */
final class PaperspaceCredentials {
  private final String source;
  private final String secret;

  private PaperspaceCredentials(String source, String secret) {
    this.source = source;
    this.secret = secret;
  }

  static PaperspaceCredentials resolve(ClientOptions options, String environmentSecret) {
    if (options.hasCredentials()) {
      return new PaperspaceCredentials("the credentials set in ClientOptions", null);
    }
    String secret = options.get(TfServingRestOptions.PAPERSPACE_SECRET);
    if (secret != null && !secret.isEmpty()) {
      return new PaperspaceCredentials("the paperspace-secret option", secret);
    }
    if (environmentSecret != null && !environmentSecret.isEmpty()) {
      return new PaperspaceCredentials(PaperspaceProvider.SECRET_ENV, environmentSecret);
    }
    return new PaperspaceCredentials(null, null);
  }

  /** The options with the secret applied as Basic credentials, when one was found. */
  ClientOptions apply(ClientOptions options) {
    return secret == null ? options : options.toBuilder().basicAuth(PaperspaceProvider.BASIC_USER, secret).build();
  }

  /** A 401 explained; any other failure unchanged. */
  InferenceException explain(InferenceException e) {
    if (e.httpStatus() != 401) {
      return e;
    }
    String hint = source == null
        ? "the Paperspace deployment is protected and no secret was given: set INFERLINK_PAPERSPACE_SECRET, the"
            + " paperspace-secret option, or ClientOptions.basicAuth(\"paperspace\", secret)"
        : "the Paperspace deployment refused the secret from " + source + ": check that it is the deployment's"
            + " current secret (it changes when the deployment is redeployed)";
    return new AuthenticationException(new InferenceException.Details(ErrorCode.UNAUTHENTICATED)
        .message(hint).httpStatus(401).provider(e.provider()).serverMessage(e.serverMessage()).cause(e));
  }
}
