/**
 * OpenTelemetry tracing for Inferlink clients: {@link io.inferlink.opentelemetry.InferenceTracing}
 * makes an {@link io.inferlink.interceptor.InferenceInterceptor} that gives every call one span and
 * carries its trace to the model server.
 *
 * <h2>The span</h2>
 *
 * <p>One span of kind {@code CLIENT} per call of the client (inference, metadata, readiness, liveness
 * and protocol extensions), whatever the retries inside it: retries run inside the user's interceptors,
 * so the span covers every attempt. Its parent is {@code Context.current()} on the thread that makes
 * the call, for {@code infer} and {@code inferAsync} alike. It ends once, when the call's future
 * completes: on success, on failure, or when the caller cancels the future.
 *
 * <p>Its name is {@code "{operation} {model}"}, e.g. {@code infer resnet50}, {@code model.metadata
 * resnet50}, or the operation alone for server-level calls ({@code server.ready}). The RPC conventions
 * would name it after the gRPC method, the HTTP ones after the HTTP method: either would give the same
 * model's calls different names on different protocols, or one name to every model. The form follows
 * the generative-AI conventions' {@code "{operation} {model}"}; the model version is left out of the
 * name (it is an attribute) so that the number of names stays small.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>when</th><th>value</th></tr>
 *   <tr><td>{@code rpc.system}</td><td>gRPC endpoints</td><td>{@code grpc}</td></tr>
 *   <tr><td>{@code rpc.grpc.status_code}</td><td>gRPC endpoints, once the status is known</td>
 *       <td>the gRPC status code: 0 on success</td></tr>
 *   <tr><td>{@code http.request.method}</td><td>REST endpoints, except protocol extensions</td>
 *       <td>{@code POST} for inference, {@code GET} for metadata, readiness and liveness</td></tr>
 *   <tr><td>{@code http.response.status_code}</td><td>REST endpoints, on a failure the server answered</td>
 *       <td>the HTTP status</td></tr>
 *   <tr><td>{@code server.address}</td><td>always</td><td>the endpoint's host</td></tr>
 *   <tr><td>{@code server.port}</td><td>when known</td>
 *       <td>the endpoint's port; 80 or 443 for {@code +http}/{@code +https} without one</td></tr>
 *   <tr><td>{@code error.type}</td><td>failures</td>
 *       <td>the {@link io.inferlink.ErrorCode} name ({@code NOT_FOUND}, {@code DEADLINE_EXCEEDED}...);
 *       {@code CANCELLED} when the caller cancelled; the exception's class name for a failure that is
 *       not an {@link io.inferlink.InferenceException}</td></tr>
 *   <tr><td>{@code inferlink.operation}</td><td>always</td>
 *       <td>{@code infer}, {@code model.metadata}, {@code model.ready}, {@code server.live},
 *       {@code server.ready}, {@code server.metadata}, or an extension's name</td></tr>
 *   <tr><td>{@code inferlink.provider}</td><td>always</td><td>e.g. {@code kserve-v2-grpc}</td></tr>
 *   <tr><td>{@code inferlink.protocol}</td><td>always</td>
 *       <td>the endpoint scheme's protocol: {@code tfserving}, {@code kserve-v1}, {@code kserve-v2},
 *       {@code ovms}...</td></tr>
 *   <tr><td>{@code inferlink.model.name}</td><td>calls about a model</td><td>the model's name</td></tr>
 *   <tr><td>{@code inferlink.model.version}</td><td>when the call names a version</td><td>e.g. {@code 2}</td></tr>
 *   <tr><td>{@code inferlink.model.label}</td><td>when the call names a label</td><td>e.g. {@code stable}</td></tr>
 * </table>
 *
 * <p>{@code rpc.system} is the RPC conventions' name up to their version 1.37, the one OpenTelemetry's
 * gRPC instrumentation still emits by default; the release-candidate RPC conventions rename it
 * {@code rpc.system.name} and make {@code rpc.method} required, which an interceptor cannot give
 * (the gRPC method is chosen inside the backend). No {@code url.full} either: the interceptor sees the
 * endpoint, not the path of each request.
 *
 * <p>A call refused before it enters the pipeline (closed client, an operation or data type the
 * protocol cannot carry) makes no span: nothing left the process.
 *
 * <p>On a failure the status is {@code ERROR} with {@code "{ErrorCode}: {message}"} as description (the
 * messages are those of Inferlink's exceptions, already scrubbed of secrets), and the exception is
 * recorded as an event; a cancellation records no exception.
 *
 * <h2>Propagation</h2>
 *
 * <p>The application's {@code TextMapPropagator} ({@code openTelemetry.getPropagators()}) writes the
 * span's context into the call's own headers ({@link io.inferlink.interceptor.InferenceCall#withHeader}):
 * W3C {@code traceparent} and {@code tracestate} with the default propagator, whatever else a
 * configured one adds. They go out as HTTP headers on REST endpoints and as gRPC metadata on gRPC ones,
 * with every attempt of the call.
 */
package io.inferlink.opentelemetry;
