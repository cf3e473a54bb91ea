package io.inferlink.kserve.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.spi.support.Errors;

/**
 * The model repository failures that no status table gives, because the server answered 200 / OK.
 * Shared by the REST and gRPC forms so both say the same thing. Stateless.
 */
final class V2RepositoryFailures {
  private V2RepositoryFailures() {}

  /**
   * KServe's server answered a load or unload with success but said it did not happen
   * ({@code "load": false} over REST; {@code isLoaded = false} over gRPC, where proto3 cannot tell that
   * from an empty Triton answer).
   */
  static InferenceException notConfirmed(String provider, String model, String action) {
    return Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN)
        .message("the server did not confirm the " + action + " of model '" + model + "'")
        .provider(provider));
  }

  /** A listing KServe's server does not offer in this form. */
  static UnsupportedFeatureException noIndex(String provider, String why) {
    return new UnsupportedFeatureException(provider + " with repository=kserve cannot list models " + why);
  }
}
