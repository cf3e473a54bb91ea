/**
 * TorchServe for the emulator: {@link io.inferlink.examples.torchserve.emulator.TorchServeFrontend}
 * (the inference API: predictions and ping) and {@link
 * io.inferlink.examples.torchserve.emulator.TorchServeManagementFrontend} (the management API's model
 * descriptions), both over the emulator's shared {@link io.inferlink.emulator.ModelScript}.
 * Part of the template: a user who writes a backend for another server writes a frontend like these,
 * so that the compatibility kit and the examples can run without the real server. The JSON is read and
 * written as Jackson trees, independently of the client's streaming codec, so that a codec bug cannot
 * hide behind a matching server bug.
 */
package io.inferlink.examples.torchserve.emulator;
