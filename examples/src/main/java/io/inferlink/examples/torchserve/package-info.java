/**
 * A complete TorchServe backend, written as the template for plugging in a server of your own: copy it,
 * rename the scheme, adapt the codec. Endpoints: {@code torchserve+http://host:8080}, {@code
 * torchserve+https://host:8443}; model readiness asks the management API ({@link TorchServeOptions}).
 *
 * <p>TorchServe hands the body to the model's handler, so the wire format is this template's convention,
 * "named nested lists": {@code POST /predictions/{model}[/{version}]} with one JSON member per input, in
 * request order, holding the tensor as row-major nested lists (a rank-0 tensor bare): {@code {"x": [[5.1,
 * 3.5]]}}, read by a handler as {@code torch.tensor(json.loads(body)["x"])}. No type is sent: both sides
 * type as {@code torch.tensor()} does, so FP32 values always have a fraction or exponent, INT64 values are
 * integers, BOOL {@code true}/{@code false}, BYTES UTF-8 strings; NaN and infinities are bare tokens, as
 * Python's {@code json} writes them. The answer is an object of outputs in the same form (a bare list or
 * value is one output, {@code output}). Other types, zero-size tensors (an empty list has no type or
 * inner shape), requested outputs, parameters and signatures are refused before sending. TorchServe
 * reports no request id or model version.
 *
 * <p>{@code internal} holds the provider, the client and the codec; {@code emulator} plays TorchServe in tests.
 */
package io.inferlink.examples.torchserve;
