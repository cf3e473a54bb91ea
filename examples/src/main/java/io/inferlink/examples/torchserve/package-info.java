/**
 * A complete backend for TorchServe's inference API, written as the template for plugging a server of
 * your own into Inferlink: copy it, rename the scheme, adapt the codec. Endpoints are {@code
 * torchserve+http://host:8080} and {@code torchserve+https://host:8443}; model readiness comes from the
 * management API (port 8081, see {@link io.inferlink.examples.torchserve.TorchServeOptions}).
 *
 * <p>TorchServe hands the body to the model's handler, so the wire format is a convention between this
 * client and the handler, "named nested lists": {@code POST /predictions/{model}[/{version}]} with a
 * JSON object of one member per input, in request order, each the tensor as nested lists in row-major
 * order (a rank-0 tensor is the bare value): {@code {"x": [[5.1, 3.5, 1.4, 0.2]]}}, which a handler
 * reads with {@code torch.tensor(json.loads(body)["x"])}. Types follow what {@code torch.tensor()}
 * infers from Python lists, so no type is sent: FP32 values always have a fraction or exponent, INT64
 * values are integers, BOOL {@code true}/{@code false}, BYTES UTF-8 strings; NaN and the infinities are
 * the bare tokens Python's {@code json} reads and writes. The answer is an object of outputs in the same
 * form, typed the same way; a bare list or value is one output named {@code output}. Other types,
 * zero-size tensors (an empty list says neither type nor inner dimensions), requested outputs,
 * parameters and signatures are refused before anything is sent. TorchServe reports no request id and
 * no model version.
 *
 * <p>{@code internal} holds the provider, the client and the codec; {@code emulator} plays TorchServe
 * for tests and examples.
 */
package io.inferlink.examples.torchserve;
