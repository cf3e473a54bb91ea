package io.inferlink.tfserving.rest.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Redaction;
import io.inferlink.transport.http.internal.HttpErrors;
import io.inferlink.transport.http.internal.HttpResult;

/**
 * TF Serving's error answers: the shared HTTP table, except that an unknown version label comes back
 * as 400 {@code Unrecognized servable version label: L}, which means "no such model version" and
 * becomes {@link io.inferlink.ModelNotFoundException} like a missing version does.
 */
final class TfRestErrors {
  private static final String UNKNOWN_LABEL = "Unrecognized servable version label";

  private TfRestErrors() {}

  static InferenceException toException(HttpResult http, String provider) {
    String message = HttpErrors.serverMessage(http);
    if (http.status() == 400 && message.startsWith(UNKNOWN_LABEL)) {
      return Errors.create(new InferenceException.Details(ErrorCode.NOT_FOUND)
          .message("server answered HTTP 400").httpStatus(400).provider(provider)
          .serverMessage(Redaction.redactText(message)));
    }
    return HttpErrors.toException(http, provider);
  }
}
