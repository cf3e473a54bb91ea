package io.inferlink.emulator.kit.selfcheck;

import io.inferlink.testkit.InferenceClientCompatibilityKit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The outcome of running one kit test method (and its dynamic tests) in a nested JUnit launcher. */
final class KitRun {
  final Map<String, Throwable> failures = new LinkedHashMap<>();
  final AtomicInteger passed = new AtomicInteger();
  final AtomicInteger skipped = new AtomicInteger();

  private KitRun() {}

  /** Runs {@code method} (of whichever nested group of the kit declares it) of {@link BrokenClientKit} against {@code endpoint}. */
  static KitRun of(String endpoint, String method) {
    BrokenClientKit.endpoint = endpoint;
    KitRun run = new KitRun();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectNestedMethod(List.of(BrokenClientKit.class), groupOf(method), method)).build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionSkipped(TestIdentifier id, String reason) {
        run.skipped.incrementAndGet();
      }

      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
          run.failures.put(id.getDisplayName(), result.getThrowable().orElse(null));
        } else if (id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
          run.passed.incrementAndGet();
        }
      }
    });
    return run;
  }

  /** The kit's nested group that declares a test method of this name. */
  static Class<?> groupOf(String method) {
    for (Class<?> group : InferenceClientCompatibilityKit.class.getDeclaredClasses()) {
      if (group.isAnnotationPresent(Nested.class)
          && Arrays.stream(group.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method))) {
        return group;
      }
    }
    throw new IllegalArgumentException("no group of the kit declares a test named " + method);
  }

  /** The one failure's message, failing when there is not exactly one. */
  String onlyFailureMessage() {
    if (failures.size() != 1) {
      throw new AssertionError("expected exactly one failure, got " + failures);
    }
    Throwable t = failures.values().iterator().next();
    return String.valueOf(t.getMessage());
  }

  @Override
  public String toString() {
    return "passed " + passed + ", skipped " + skipped + ", failed " + failures.keySet();
  }
}
