/**
 * Helpers for the decoders' property tests, shared through core's test-jar: the one assertion of
 * what a decoder may throw ({@link io.inferlink.fuzz.DecoderEscapes}) and the generators of hostile
 * inputs ({@link io.inferlink.fuzz.Mutations}, {@link io.inferlink.fuzz.RandomJson}). Test scope only.
 */
package io.inferlink.fuzz;
