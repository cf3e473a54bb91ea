/**
 * Inferlink client metrics through Micrometer: {@link io.inferlink.micrometer.MicrometerInterceptor}
 * records every call of a client, and its {@link io.inferlink.micrometer.MicrometerInterceptor#attempts()
 * attempts()} companion each attempt.
 *
 * <pre>
 * MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).tags("client", "ranker").build();
 * InferenceClient client = InferenceClient.create(endpoint, ClientOptions.builder()
 *     .interceptor(metrics).attemptInterceptor(metrics.attempts())
 *     .retryPolicy(RetryPolicy.exponential(3)).build());
 * </pre>
 *
 * <table>
 *   <caption>Meters (names in Micrometer's dotted form; a registry renders them in its own, e.g.
 *   Prometheus {@code inferlink_client_calls_seconds})</caption>
 *   <tr><th>name</th><th>type</th><th>unit</th><th>tags</th><th>recorded</th></tr>
 *   <tr><td>{@code inferlink.client.calls}</td><td>Timer</td><td>seconds</td>
 *       <td>operation, model, [model.version], provider, outcome</td>
 *       <td>once per call, when it ends, retries and backoffs included</td></tr>
 *   <tr><td>{@code inferlink.client.calls.active}</td><td>Gauge</td><td>(none)</td><td>provider</td>
 *       <td>calls started and not finished</td></tr>
 *   <tr><td>{@code inferlink.client.request.size}</td><td>DistributionSummary</td><td>bytes</td>
 *       <td>operation, model, [model.version], provider</td>
 *       <td>per call that carries an inference request (infer, classify...): its input tensors' bytes</td></tr>
 *   <tr><td>{@code inferlink.client.response.size}</td><td>DistributionSummary</td><td>bytes</td>
 *       <td>operation, model, [model.version], provider</td>
 *       <td>per successful inference: its output tensors' bytes</td></tr>
 *   <tr><td>{@code inferlink.client.attempts}</td><td>Counter</td><td>(none)</td>
 *       <td>operation, model, [model.version], provider, outcome</td>
 *       <td>by {@code attempts()}: once per attempt, when it ends</td></tr>
 *   <tr><td>{@code inferlink.client.retries}</td><td>Counter</td><td>(none)</td>
 *       <td>operation, model, [model.version], provider</td>
 *       <td>by {@code attempts()}: once per attempt after the first</td></tr>
 * </table>
 *
 * <p>Tag values: {@code operation} is {@code infer}, {@code model.metadata}, {@code model.ready},
 * {@code server.live}, {@code server.ready}, {@code server.metadata} or an extension's name
 * ({@code classify}, {@code repository.load}...); {@code model} is the model's name, {@code none} for
 * server-level calls and {@code other} past the cap ({@code maxModels}, 100 by default);
 * {@code model.version} (opt-in) is the version, else the label, else {@code none}; {@code provider} is
 * the provider's name ({@code kserve-v2-rest}, {@code tfserving-grpc}, {@code ovms-rest}...);
 * {@code outcome} is {@code OK} or the failure's {@link io.inferlink.ErrorCode} name
 * ({@code NOT_FOUND}, {@code DEADLINE_EXCEEDED}, {@code CANCELLED}, {@code UNKNOWN} for a failure that
 * is not an {@link io.inferlink.InferenceException}), never exception text. Every meter also carries the
 * builder's common tags.
 *
 * <p>Sizes are tensor bytes ({@link io.inferlink.Tensor#byteSize()}), not wire bytes: the same tensor
 * takes several times more bytes as JSON than as binary, and only tensor bytes compare across protocols.
 * Percentile histograms are opt-in ({@code publishPercentileHistogram}), as is the version tag.
 *
 * <p>Not recorded yet: endpoint ejections (issue 17), which will count next to the attempts.
 */
package io.inferlink.micrometer;
