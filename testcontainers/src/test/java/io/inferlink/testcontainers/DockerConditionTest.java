package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** {@link RequiresDocker}: enabled with Docker, skipped with one line without, failed when required. */
class DockerConditionTest {
  /** A class the build runs through its own launcher only (surefire skips nested classes). */
  @RequiresDocker(images = "inferlink/testcontainers-no-such-image:never")
  static class NeedsAMissingImage {
    @Test
    void wouldFailIfItRan() {
      throw new AssertionError("ran although its image is missing");
    }
  }

  /** Only one method needs the missing image; the other runs. */
  static class OneMethodNeedsAMissingImage {
    @Test
    void runs() {}

    @Test
    @RequiresDocker(images = "inferlink/testcontainers-no-such-image:never")
    void wouldFailIfItRan() {
      throw new AssertionError("ran although its image is missing");
    }
  }

  @Test
  void aMethodOfItsOwnIsSkippedWithItsOwnLineAndItsSiblingRuns() {
    Run run = launch(OneMethodNeedsAMissingImage.class, NOT_REQUIRED);
    assertEquals(1, run.summary.getTestsSkippedCount(), run.output);
    assertEquals(1, run.summary.getTestsSucceededCount(), run.output);
    assertEquals(0, run.summary.getTotalFailureCount(), run.output);
    List<String> lines = run.output.lines().filter(l -> l.startsWith("SKIPPED ")).toList();
    assertEquals(1, lines.size(), run.output);
    assertTrue(lines.get(0).startsWith("SKIPPED OneMethodNeedsAMissingImage.wouldFailIfItRan: "), lines.get(0));
  }

  @Test
  void withoutItsImageAClassIsSkippedWithOneLineNeverPassed() {
    // Holds on every machine: without Docker the class is skipped for Docker, with Docker for the image.
    Run run = launch(NeedsAMissingImage.class, NOT_REQUIRED);
    assertEquals(1, run.summary.getContainersSkippedCount(), run.output);
    assertEquals(0, run.summary.getTestsSucceededCount(), run.output);
    assertEquals(0, run.summary.getTotalFailureCount(), run.output);
    List<String> lines = run.output.lines().filter(l -> l.startsWith("SKIPPED ")).toList();
    assertEquals(1, lines.size(), run.output);
    assertTrue(lines.get(0).startsWith("SKIPPED NeedsAMissingImage: "), lines.get(0));
    assertTrue(lines.get(0).endsWith("; set REQUIRE_DOCKER=true to fail instead"), lines.get(0));
  }

  @Test
  void whenRequiredTheSameClassFails() {
    Run run = launch(NeedsAMissingImage.class, Map.of(DockerCondition.REQUIRED_PARAMETER, "true"));
    assertEquals(1, run.summary.getTotalFailureCount(), run.output);
    assertEquals(0, run.summary.getContainersSkippedCount(), run.output);
    String why = run.summary.getFailures().get(0).getException().toString();
    assertTrue(why.contains("inferlink.require-docker=true"), why);
  }

  @Test
  void dockerAndTheImagesPresentEnableTheClass() {
    Fakes fakes = new Fakes(() -> docker(Set.of("inferlink/kserve:0.21.0")), name -> null);
    ConditionEvaluationResult result = fakes.condition().evaluateExecutionCondition(context(Probe.class));
    assertFalse(result.isDisabled(), result.toString());
    assertEquals("", fakes.printed());
  }

  @Test
  void noDockerDisablesWithTheFirstLineOfTheReason() {
    Fakes fakes = new Fakes(() -> {
      throw new IllegalStateException("Could not find a valid Docker environment. Please see logs\nmore detail");
    }, name -> null);
    ConditionEvaluationResult result = fakes.condition().evaluateExecutionCondition(context(Probe.class));
    assertTrue(result.isDisabled());
    assertEquals(Optional.of("Docker is not available (Could not find a valid Docker environment. Please see logs)"),
        result.getReason());
    assertEquals("SKIPPED Probe: Docker is not available (Could not find a valid Docker environment. Please see logs);"
        + " set REQUIRE_DOCKER=true to fail instead" + System.lineSeparator(), fakes.printed());
  }

  @Test
  void aMissingImageDisablesAndNamesIt() {
    Fakes fakes = new Fakes(() -> docker(Set.of()), name -> null);
    ConditionEvaluationResult result = fakes.condition().evaluateExecutionCondition(context(Probe.class));
    assertEquals(Optional.of("image inferlink/kserve:0.21.0 not present on the Docker daemon (build or pull it first)"),
        result.getReason());
  }

  @Test
  void theEnvironmentVariableMakesItAFailure() {
    Fakes fakes = new Fakes(() -> docker(Set.of()), name -> name.equals("REQUIRE_DOCKER") ? "true" : null);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> fakes.condition().evaluateExecutionCondition(context(Probe.class)));
    assertEquals("image inferlink/kserve:0.21.0 not present on the Docker daemon (build or pull it first),"
        + " and REQUIRE_DOCKER=true", e.getMessage());
    assertEquals("", fakes.printed(), "a failure is reported by JUnit, not printed as a skip");
  }

  @Test
  void aClassWithoutTheAnnotationIsLeftAlone() {
    Fakes fakes = new Fakes(() -> {
      throw new AssertionError("asked Docker");
    }, name -> null);
    assertFalse(fakes.condition().evaluateExecutionCondition(context(DockerConditionTest.class)).isDisabled());
  }

  @RequiresDocker(images = "inferlink/kserve:0.21.0")
  static class Probe {}

  private record Run(TestExecutionSummary summary, String output) {}

  /** The parameter overrides REQUIRE_DOCKER, which CI sets for this very JVM. */
  private static final Map<String, String> NOT_REQUIRED = Map.of(DockerCondition.REQUIRED_PARAMETER, "false");

  private static Run launch(Class<?> probe, Map<String, String> parameters) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(probe)).configurationParameters(parameters).build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, listener);
    } finally {
      System.setOut(original);
    }
    return new Run(listener.getSummary(), captured.toString(StandardCharsets.UTF_8));
  }

  /** A condition on fake Docker and environment, printing into a buffer. */
  private static final class Fakes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final DockerCondition condition;

    Fakes(Supplier<DockerClient> docker, Function<String, String> env) {
      this.condition = new DockerCondition(docker, env, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    DockerCondition condition() {
      return condition;
    }

    String printed() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** A Docker client that knows only {@code present} images. */
  private static DockerClient docker(Set<String> present) {
    return (DockerClient) Proxy.newProxyInstance(DockerConditionTest.class.getClassLoader(),
        new Class<?>[] {DockerClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          if (!method.getName().equals("inspectImageCmd")) {
            throw new AssertionError("unexpected Docker call " + method.getName());
          }
          String image = (String) args[0];
          return Proxy.newProxyInstance(DockerConditionTest.class.getClassLoader(), new Class<?>[] {InspectImageCmd.class},
              (cmd, m, a) -> {
                if (!m.getName().equals("exec")) {
                  throw new AssertionError("unexpected call " + m.getName());
                }
                if (!present.contains(image)) {
                  throw new NotFoundException("No such image: " + image);
                }
                return null;
              });
        });
  }

  /** The class-level context JUnit hands the condition. */
  private static ExtensionContext context(Class<?> testClass) {
    return (ExtensionContext) Proxy.newProxyInstance(DockerConditionTest.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getElement" -> Optional.of(testClass);
          case "getTestClass" -> Optional.of(testClass);
          case "getRequiredTestClass" -> testClass;
          case "getTestMethod" -> Optional.empty();
          case "getConfigurationParameter" -> Optional.empty();
          default -> throw new AssertionError("unexpected context call " + method.getName());
        });
  }
}
