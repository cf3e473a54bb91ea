/**
 * The provider author's toolkit, public and stable: the pieces every backend uses rather than copies:
 * the HTTP and gRPC status tables, the exception factory ({@link io.inferlink.spi.support.Errors}),
 * redaction and secret scrubbing, TLS material, the blocking wait of {@link
 * io.inferlink.spi.support.Futures}, and the header rule.
 */
package io.inferlink.spi.support;
