package io.inferlink.testkit.groups;

import io.inferlink.testkit.InferenceClientCompatibilityKit;

/**
 * A kit subclass for {@link KitGroupsTest} to discover, never to run (there is no server): its name
 * keeps Surefire from running it on its own.
 */
class SomeBackendKit extends InferenceClientCompatibilityKit {
  @Override
  protected String endpoint() {
    return "kit-groups://127.0.0.1:1";
  }

  @Override
  protected String expectedProviderName() {
    return "kit-groups";
  }
}
