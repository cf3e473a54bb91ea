package io.inferlink.testcontainers.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs a fixture test class through the Jupiter engine, as a build tool would, and returns what it reported. */
final class Fixtures {
  private Fixtures() {
  }

  /** Runs every entry: the selection is set blank, so a -Dinferlink.matrix on this JVM does not leak in. */
  static EngineExecutionResults run(Class<?> fixture) {
    return run(fixture, "");
  }

  static EngineExecutionResults run(Class<?> fixture, String selection) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(InferenceMatrix.SELECTION_PROPERTY, selection)
        .selectors(selectClass(fixture))
        .execute();
  }

  /** The display names of these events' tests, in order. */
  static List<String> names(Events events) {
    return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  /** Each finished event's display name and what it threw. */
  static List<String> failures(Events events) {
    return events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + " -> " + thrown(e)).toList();
  }

  /** Each skipped event's display name and reason. */
  static List<String> skips(Events events) {
    return events.skipped().stream()
        .map(e -> e.getTestDescriptor().getDisplayName() + " -> " + e.getRequiredPayload(String.class)).toList();
  }

  static Throwable thrown(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
