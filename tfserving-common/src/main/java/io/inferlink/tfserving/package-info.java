/**
 * TensorFlow Serving's own operations and values, shared by the REST and gRPC backends: the
 * {@link io.inferlink.tfserving.TensorFlowServing} extension (classify, regress, model status) reached
 * with {@code client.unwrap(TensorFlowServing.class)}, {@link io.inferlink.tfserving.Example} inputs,
 * their results, and the one table between TensorFlow's {@code DT_*} types and Inferlink's
 * {@link io.inferlink.DataType}.
 */
package io.inferlink.tfserving;
