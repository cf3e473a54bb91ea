/**
 * What the wire encoders may see of a tensor beyond the public API: its heap array, so a gRPC request
 * copies the bytes once. Internal: exported only to the gRPC transport, no compatibility promise.
 */
package io.inferlink.internal.wire;
