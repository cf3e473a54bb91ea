/**
 * A provider that runs a {@link io.inferlink.emulator.ModelScript} in-process, used only by
 * the testkit's own tests to prove that {@link io.inferlink.testkit.InferenceClientCompatibilityKit}
 * passes a correct client, skips nothing it should not, and catches broken ones.
 */
package io.inferlink.emulator.kit.inmemory;
