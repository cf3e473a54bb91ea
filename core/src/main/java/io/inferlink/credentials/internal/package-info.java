/**
 * The machinery behind {@code io.inferlink.credentials}: the token cache with its single refresh, the token
 * endpoint exchange and the small JSON reader for its answers. Not exported.
 */
package io.inferlink.credentials.internal;
