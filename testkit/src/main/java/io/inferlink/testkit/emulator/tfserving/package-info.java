/**
 * The emulator's TensorFlow Serving REST frontend ({@link
 * io.inferlink.testkit.emulator.tfserving.TfServingRestFrontend}), which also plays a legacy
 * Paperspace Gradient deployment. Everything but the frontend class is internal: request JSON is
 * read as Jackson trees (deliberately not the streaming style of the client codecs, so a codec bug
 * cannot hide behind the same bug here), responses are written by a small writer of ours that
 * formats floats as TF Serving does.
 */
package io.inferlink.testkit.emulator.tfserving;
