/**
 * The provider author's toolkit, public and stable. A client extends
 * {@link io.inferlink.spi.support.AbstractInferenceClient} (name, capability gate, closed state,
 * {@code unwrap} of extensions) and builds each operation as a {@link io.inferlink.spi.support.PreparedCall}
 * before anything is sent; the {@link io.inferlink.spi.support.CallPipeline} runs it through the
 * interceptors and retries, one {@link io.inferlink.spi.support.Attempt} at a time
 * ({@code PreparedCall.of} and {@code map} make one from a send function). Readers throw
 * {@link io.inferlink.spi.support.MalformedAnswerException}; the HTTP and gRPC status tables, the
 * exception factory ({@link io.inferlink.spi.support.Errors}, with the failure of an exchange that got
 * no answer), redaction and secret scrubbing, TLS material, answers capped for the JDK's HTTP client
 * ({@link io.inferlink.spi.support.CappedBodies}), the blocking wait of
 * {@link io.inferlink.spi.support.Futures}, the header rule and the logger names
 * ({@link io.inferlink.spi.support.Loggers}) are the pieces every backend uses rather than copies.
 */
package io.inferlink.spi.support;
