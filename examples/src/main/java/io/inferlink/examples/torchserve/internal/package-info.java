/**
 * The TorchServe template's provider, client and codec, reached only through {@link
 * io.inferlink.examples.torchserve.internal.TorchServeProvider}'s service entry.
 */
package io.inferlink.examples.torchserve.internal;
