/**
 * Retries as users configure them: the {@link io.inferlink.interceptor.RetryPolicy} of
 * {@link io.inferlink.ClientOptions.Builder#retryPolicy}.
 */
package io.inferlink.interceptor;
