package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.credentials.BearerTokenFile;
import io.inferlink.credentials.CredentialsProvider;
import io.inferlink.credentials.OAuth2ClientCredentials;
import io.inferlink.credentials.OAuth2ClientCredentials.ClientAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials providers in the options: builder, configuration keys, environment, display. */
class CredentialsOptionsTest {
  private static final String SECRET = "cl1ent-s3cret";

  @TempDir
  Path dir;

  @Test
  void theProviderIsAskedForEveryRequestsHeaders() {
    AtomicInteger n = new AtomicInteger();
    ClientOptions o = ClientOptions.builder().credentials(() -> "Token v" + n.incrementAndGet()).build();
    assertEquals("Token v1", o.requestHeaders().get("Authorization"));
    assertEquals("Token v2", o.requestHeaders().get("Authorization"));
    assertTrue(o.hasCredentials());
    ClientOptions none = ClientOptions.builder().credentials(() -> null).build();
    assertNull(none.requestHeaders().get("Authorization"));
  }

  @Test
  void aProviderReplacesBasicCredentialsAndTheOtherWayRound() {
    CredentialsProvider p = () -> "Bearer x";
    ClientOptions o = ClientOptions.builder().basicAuth("u", "pw").credentials(p).build();
    assertEquals("Bearer x", o.authorizationHeader());
    ClientOptions back = o.toBuilder().basicAuth("u", "pw").build();
    assertNull(back.credentials());
    assertTrue(back.authorizationHeader().startsWith("Basic "));
  }

  @Test
  void aProviderFailureFailsTheRequestHeadersWithItsOwnException() {
    ClientOptions o = ClientOptions.builder().credentials(() -> {
      throw new AuthenticationException("no token today");
    }).build();
    assertEquals("no token today [UNAUTHENTICATED]", assertThrows(AuthenticationException.class, o::requestHeaders).getMessage());
    ClientOptions injected = ClientOptions.builder().credentials(() -> "Bearer a\r\nX-Evil: 1").build();
    InvalidRequestException e = assertThrows(InvalidRequestException.class, injected::requestHeaders);
    assertFalse(e.getMessage().contains("Evil"), e.getMessage());
  }

  @Test
  void bearerTokenFileFromBuilderAndConfiguration() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "file-token\n");
    assertEquals("Bearer file-token", ClientOptions.builder().bearerTokenFile(file).build().authorizationHeader());
    Properties p = new Properties();
    p.setProperty("inferlink.bearer-token-file", file.toString());
    ClientOptions o = ClientOptions.fromProperties(p);
    assertInstanceOf(BearerTokenFile.class, o.credentials());
    assertEquals("Bearer file-token", o.authorizationHeader());
    ClientOptions env = ClientOptions.fromEnvironment(Map.of("INFERLINK_BEARER_TOKEN_FILE", file.toString()));
    assertEquals(file, ((BearerTokenFile) env.credentials()).file());
    assertTrue(o.toString().contains("credentials=BearerTokenFile{file=" + file), o.toString());
    assertFalse(o.toString().contains("file-token"), o.toString());
  }

  @Test
  void oauth2FromConfigurationAndEnvironment() {
    Properties p = new Properties();
    p.setProperty("inferlink.oauth2.token-url", "https://login.example/oauth2/token");
    p.setProperty("inferlink.oauth2.client-id", "inferlink-app");
    p.setProperty("inferlink.oauth2.client-secret", SECRET);
    p.setProperty("inferlink.oauth2.scope", "models.read");
    p.setProperty("inferlink.oauth2.audience", "kserve");
    p.setProperty("inferlink.oauth2.client-authentication", "client_secret_post");
    OAuth2ClientCredentials c = (OAuth2ClientCredentials) ClientOptions.fromProperties(p).credentials();
    assertEquals("https://login.example/oauth2/token", c.tokenUrl().toString());
    assertEquals("inferlink-app", c.clientId());
    assertEquals("models.read", c.scope());
    assertEquals("kserve", c.audience());
    assertEquals(ClientAuthentication.CLIENT_SECRET_POST, c.clientAuthentication());

    ClientOptions env = ClientOptions.fromEnvironment(Map.of("INFERLINK_OAUTH2_TOKEN_URL", "https://login.example/t",
        "INFERLINK_OAUTH2_CLIENT_ID", "app", "INFERLINK_OAUTH2_CLIENT_SECRET", SECRET));
    OAuth2ClientCredentials e = (OAuth2ClientCredentials) env.credentials();
    assertEquals("app", e.clientId());
    assertEquals(ClientAuthentication.CLIENT_SECRET_BASIC, e.clientAuthentication());
    assertNull(e.scope());
    String shown = env.toString();
    assertTrue(shown.contains("credentials=OAuth2ClientCredentials{tokenUrl=https://login.example/t"), shown);
    assertFalse(shown.contains(SECRET), shown);
  }

  @Test
  void incompleteOrConflictingCredentialsAreRefusedWithoutTheSecret() {
    Properties partial = new Properties();
    partial.setProperty("inferlink.oauth2.client-secret", SECRET);
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> ClientOptions.fromProperties(partial));
    assertEquals("configuration: OAuth 2.0 client credentials need [inferlink.oauth2.token-url, "
        + "inferlink.oauth2.client-id] [FAILED_PRECONDITION]", e.getMessage());

    Properties two = new Properties();
    two.setProperty("inferlink.bearer-token", SECRET);
    two.setProperty("inferlink.bearer-token-file", "/var/run/secrets/token");
    ProviderConfigurationException both = assertThrows(ProviderConfigurationException.class,
        () -> ClientOptions.fromProperties(two));
    assertTrue(both.getMessage().contains("give only one kind of credentials"), both.getMessage());
    assertFalse(both.getMessage().contains(SECRET), both.getMessage());

    Properties badUrl = new Properties();
    badUrl.setProperty("inferlink.oauth2.token-url", "ftp://host/t");
    badUrl.setProperty("inferlink.oauth2.client-id", "app");
    badUrl.setProperty("inferlink.oauth2.client-secret", SECRET);
    ProviderConfigurationException url = assertThrows(ProviderConfigurationException.class,
        () -> ClientOptions.fromProperties(badUrl));
    assertTrue(url.getMessage().startsWith("configuration inferlink.oauth2.token-url: tokenUrl must be an http(s) URL"),
        url.getMessage());
    assertFalse(url.getMessage().contains(SECRET), url.getMessage());

    Properties badAuth = new Properties();
    badAuth.putAll(badUrl);
    badAuth.setProperty("inferlink.oauth2.token-url", "https://host/t");
    badAuth.setProperty("inferlink.oauth2.client-authentication", "tls_client_auth");
    assertThrows(ProviderConfigurationException.class, () -> ClientOptions.fromProperties(badAuth));
  }

  @Test
  void theSecretKeyIsSecretByName() {
    assertTrue(io.inferlink.internal.RedactionRules.isSecretName("inferlink.oauth2.client-secret"));
    assertTrue(io.inferlink.internal.RedactionRules.isSecretName("INFERLINK_OAUTH2_CLIENT_SECRET"));
  }

  @Test
  void anotherProvidersToStringIsNotShown() {
    CredentialsProvider mine = new CredentialsProvider() {
      @Override
      public String authorization() {
        return "Bearer x";
      }

      @Override
      public String toString() {
        return "MyProvider[secret=" + SECRET + "]";
      }
    };
    String shown = ClientOptions.builder().credentials(mine).build().toString();
    assertFalse(shown.contains(SECRET), shown);
    assertTrue(shown.contains("credentials=io.inferlink.CredentialsOptionsTest$"), shown);
    assertTrue(ClientOptions.builder().bearerToken("t0k").build().toString().contains("bearerToken=***"));
  }
}
