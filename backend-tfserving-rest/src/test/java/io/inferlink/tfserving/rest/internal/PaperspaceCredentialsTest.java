package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inferlink.ClientOptions;
import org.junit.jupiter.api.Test;

/** Where a Paperspace secret comes from: options first, then the option, then INFERLINK_PAPERSPACE_SECRET. */
class PaperspaceCredentialsTest {

  @Test
  void theEnvironmentSecretBecomesBasicPaperspace() {
    ClientOptions applied = PaperspaceCredentials.resolve(ClientOptions.defaults(), "my_password").apply(ClientOptions.defaults());
    // The documented example: paperspace:my_password.
    assertEquals("Basic cGFwZXJzcGFjZTpteV9wYXNzd29yZA==", applied.authorizationHeader());
  }

  @Test
  void theOptionWinsOverTheEnvironmentAndExplicitCredentialsWinOverBoth() {
    ClientOptions withOption = ClientOptions.builder().option("paperspace-secret", "my_password").build();
    assertEquals("Basic cGFwZXJzcGFjZTpteV9wYXNzd29yZA==",
        PaperspaceCredentials.resolve(withOption, "from-env").apply(withOption).authorizationHeader());
    ClientOptions explicit = ClientOptions.builder().basicAuth("pineapple", "fanatic").option("paperspace-secret", "x").build();
    assertEquals("Basic cGluZWFwcGxlOmZhbmF0aWM=",
        PaperspaceCredentials.resolve(explicit, "from-env").apply(explicit).authorizationHeader());
  }

  @Test
  void noSecretAnywhereSendsNoCredentials() {
    assertNull(PaperspaceCredentials.resolve(ClientOptions.defaults(), null).apply(ClientOptions.defaults()).authorizationHeader());
  }
}
