/**
 * Home of the generated protocol classes, which live under {@code io.inferlink.protos.internal.*}:
 * internal to Inferlink, never part of a public signature, and relocated so they cannot clash with a
 * user's own TensorFlow, Triton or Camel stubs. The {@code .proto} files in {@code src/main/proto}
 * are written by us from the protocol facts; their proto packages match upstream so the wire is
 * identical.
 */
package io.inferlink.protos;
