/**
 * Tensors as JSON, both ways, for the authors of JSON protocol backends (ours: TF Serving REST, KServe V1, the
 * Open Inference Protocol's JSON form, the command line; and the custom-backend template in the examples).
 *
 * <ul>
 *   <li>{@link io.inferlink.codec.json.JsonTensors}: the one Jackson configuration (two dialects: with or
 *       without bare {@code NaN}/{@code Infinity}), the nesting limit, and the parsers that read numeric lists
 *       at full speed.
 *   <li>{@link io.inferlink.codec.json.TensorJsonWriter}: a tensor's elements from its buffer, as nested lists
 *       following its shape, one row of them, or a flat list; non-finite floats written bare, as strings, or
 *       refused ({@link io.inferlink.codec.json.NonFinite}); floats by {@link io.inferlink.codec.json.FloatText}.
 *   <li>{@link io.inferlink.codec.json.JsonColumn}: the two-pass reader (measure, then fill an exactly sized
 *       buffer), with {@link io.inferlink.codec.json.LeafRules} saying which JSON values are elements and
 *       {@link io.inferlink.codec.json.LeafKinds} what a protocol's type inference looks at.
 *   <li>{@link io.inferlink.codec.json.RawByteText}: strings holding raw bytes (Triton's BYTES outputs).
 * </ul>
 *
 * <p>The document around the tensors (which members, where) is each protocol's own; only tensors go through
 * here. Signatures use Jackson's streaming types: this is a toolkit for protocol authors, not the user API.
 * Readers throw {@link io.inferlink.spi.support.MalformedAnswerException} for an answer without a tensor form.
 */
package io.inferlink.codec.json;
