/**
 * The emulator's TensorFlow Serving frontends: REST ({@link
 * io.inferlink.emulator.tfserving.TfServingRestFrontend}), which also plays a legacy
 * Paperspace Gradient deployment, and gRPC ({@link
 * io.inferlink.emulator.tfserving.TfServingGrpcFrontend}); both serve the same script with
 * the same model resolution and messages. Everything but the frontend classes is internal: request
 * JSON is read as Jackson trees (deliberately not the streaming style of the client codecs, so a
 * codec bug cannot hide behind the same bug here), responses are written by a small writer of ours
 * that formats floats as TF Serving does; {@code TensorProto}s are read and written by a converter of
 * our own with its own dtype table, independent of the clients' protobuf codec.
 */
package io.inferlink.emulator.tfserving;
