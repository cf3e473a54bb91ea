/**
 * Credentials a client asks for again before every attempt, so that rotated ones reach the wire without a
 * new client: {@link io.inferlink.credentials.CredentialsProvider}, a token file that the platform rewrites
 * ({@link io.inferlink.credentials.BearerTokenFile}) and the OAuth 2.0 client-credentials grant
 * ({@link io.inferlink.credentials.OAuth2ClientCredentials}). Set one with
 * {@link io.inferlink.ClientOptions.Builder#credentials(CredentialsProvider)}.
 */
package io.inferlink.credentials;
