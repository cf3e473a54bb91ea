/**
 * What the user API needs from the machinery without depending on the provider SPI: the bridge to the
 * default provider registry, the redaction and header rules, the wait of the blocking methods and
 * tensor shape checks. The toolkit in {@code io.inferlink.spi.support} delegates here where both need
 * the same logic. Internal: not exported, no compatibility promise.
 */
package io.inferlink.internal;
