/**
 * The call pipeline as users see it: {@link io.inferlink.interceptor.InferenceInterceptor}s that every
 * call of a client passes through (to observe it, add headers, answer it or retry it), the
 * {@link io.inferlink.interceptor.InferenceCall} they see, and the
 * {@link io.inferlink.interceptor.RetryPolicy} of the built-in retries, which run inside them.
 */
package io.inferlink.interceptor;
