/**
 * The TensorFlow Serving gRPC backend ({@code tfserving+grpc}, {@code tfserving+grpcs}). Public here:
 * {@link io.inferlink.tfserving.grpc.TfServingGrpcExtension} (multi-inference and config reload, the
 * operations only the gRPC API has) and its values; classify, regress and status are in
 * {@link io.inferlink.tfserving.TensorFlowServing}, shared with the REST backend.
 */
package io.inferlink.tfserving.grpc;
