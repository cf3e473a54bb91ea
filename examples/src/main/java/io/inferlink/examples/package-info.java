/**
 * Runnable examples of Inferlink. Each is a small class with a {@code main} method and a
 * {@code run(environment, out)} method that the tests call: with {@code INFERLINK_ENDPOINT} (and the
 * other {@code INFERLINK_*} settings of {@link io.inferlink.ClientOptions#fromProperties configuration keys}) in the environment it
 * talks to that server; without, it starts the embedded emulator on 127.0.0.1 and stops it at the
 * end (see {@link io.inferlink.examples.ExampleServer}). The TorchServe backend written as the
 * template for custom backends is in {@link io.inferlink.examples.torchserve}.
 */
package io.inferlink.examples;
