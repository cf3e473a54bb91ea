/**
 * A complete backend for TorchServe's inference API, written as the template for users who plug a
 * server of their own into Inferlink: copy this package, rename the scheme, and adapt the codec.
 *
 * <p>Endpoints are {@code torchserve+http://host:8080} and {@code torchserve+https://host:8443}
 * (TorchServe's default inference port is 8080; its management API, used only for model readiness,
 * listens on 8081, see {@link io.inferlink.examples.torchserve.TorchServeOptions}).
 *
 * <h2>The request convention</h2>
 * TorchServe hands the request body to the model's handler and lets the handler decide what it
 * means, so the wire format is a convention between this client and the handler, not a protocol
 * fact. This template's convention, "named nested lists":
 * <ul>
 *   <li>{@code POST /predictions/{model}} or {@code /predictions/{model}/{version}} with
 *       {@code Content-Type: application/json} and a JSON object holding one member per input, in
 *       request order; each value is the tensor as nested lists in row-major order (a rank-0 tensor
 *       is the bare value): {@code {"x": [[5.1, 3.5, 1.4, 0.2]]}}. A handler reads it with
 *       {@code torch.tensor(json.loads(body)["x"])}.
 *   <li>Element types follow what {@code torch.tensor()} infers from Python lists, so both sides
 *       agree without sending a type: FP32 values are always written with a fraction or exponent
 *       ({@code 1.0}, {@code 1.0E-45}), INT64 values as integers, BOOL as {@code true}/{@code false},
 *       BYTES as UTF-8 strings. NaN and infinities travel as the bare tokens {@code NaN},
 *       {@code Infinity} and {@code -Infinity}, which Python's {@code json} reads and writes.
 *   <li>The answer is a JSON object with one member per output, in the same form, typed the same way
 *       (any number with a fraction, exponent, NaN or infinity makes an FP32 tensor; integers only
 *       INT64; strings BYTES; booleans BOOL). A handler that answers a bare list or number gives one
 *       output named {@code output}.
 * </ul>
 * Other element types, zero-size tensors (an empty list says neither its type nor its inner
 * dimensions), requested outputs, parameters and signature names are refused before anything is
 * sent. TorchServe reports no request id and no model version in its answers.
 *
 * <p>The classes under {@code internal} are the provider, the client and the codec; the emulator
 * frontends under {@code emulator} play TorchServe for tests and examples.
 */
package io.inferlink.examples.torchserve;
