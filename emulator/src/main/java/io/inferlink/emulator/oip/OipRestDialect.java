package io.inferlink.emulator.oip;

/**
 * How the REST frontend answers where real servers differ from one another within the protocol, so
 * that the kit can meet each of their habits on loopback ({@link OipRestFrontend.Builder}). The
 * default ({@link #PLAIN}) leaves optional members out, sends non-UTF-8 BYTES and FP16/BF16 binary,
 * and refuses FP16/BF16 JSON inputs. Immutable.
 *
 * @param explicitNulls optional members without a value are written as JSON {@code null}, as KServe's
 *     Python server writes them ({@code "model_version": null} for a model without a version,
 *     {@code "parameters": null}, metadata {@code "versions": null})
 * @param rawByteStrings a BYTES output answered as JSON keeps its raw bytes inside the JSON strings,
 *     valid UTF-8 or not, as Triton writes them, instead of going binary when it is not UTF-8
 * @param halfAsJson FP16/BF16 are taken and answered as JSON numbers, as MLServer does, instead of
 *     refused as inputs and sent binary as outputs
 */
record OipRestDialect(boolean explicitNulls, boolean rawByteStrings, boolean halfAsJson) {
  static final OipRestDialect PLAIN = new OipRestDialect(false, false, false);
}
