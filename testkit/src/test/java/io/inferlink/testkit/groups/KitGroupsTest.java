package io.inferlink.testkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.testkit.InferenceClientCompatibilityKit;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A subclass in another package, as every backend's is, gets every check of the kit through its
 * nested groups: what a build tool discovers from the subclass alone is every test method of the
 * kit, each under its group. Discovery only, so no server is needed.
 */
class KitGroupsTest {

  @Test
  void aSubclassInAnotherPackageDiscoversEveryCheckOfEveryGroup() {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(SomeBackendKit.class)).build();
    TestPlan plan = LauncherFactory.create().discover(request);
    Set<String> discovered = new TreeSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier id : plan.getDescendants(root)) {
        id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
            .ifPresent(m -> discovered.add(m.getClassName().replaceFirst(".*\\$", "") + "." + m.getMethodName()));
      }
    }
    assertEquals(kitChecks(), discovered);
    assertTrue(plan.countTestIdentifiers(id -> id.getUniqueId().contains("[class:" + SomeBackendKit.class.getName()
        + "]/[nested-class:DataTypes]")) > 1, "the groups hang under the subclass");
  }

  @Test
  void everyCheckOfTheKitIsInANestedGroup() {
    for (Method m : InferenceClientCompatibilityKit.class.getDeclaredMethods()) {
      assertTrue(!m.isAnnotationPresent(Test.class) && !m.isAnnotationPresent(TestFactory.class),
          m.getName() + " is a check outside the groups");
    }
    assertTrue(kitChecks().size() >= 40, "the kit has lost checks: " + kitChecks());
  }

  /** Every test method of every nested group of the kit, as {@code Group.method}. */
  private static Set<String> kitChecks() {
    Set<String> checks = new TreeSet<>();
    for (Class<?> group : InferenceClientCompatibilityKit.class.getDeclaredClasses()) {
      if (group.isAnnotationPresent(Nested.class)) {
        Arrays.stream(group.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class))
            .forEach(m -> checks.add(group.getSimpleName() + "." + m.getName()));
      }
    }
    return checks;
  }
}
