package io.inferlink.realservers;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The switch of the opt-in run ({@link OfficialImages}): the system property (or JUnit configuration
 * parameter) {@value #PROPERTY}. Absent or not {@code true}: the class is disabled and one line says so.
 * {@code true}: the class runs, and a missing Docker fails it at once, never skips it (a run that asked
 * for the official images must not go green without them). Pulling the images is left to the containers.
 */
final class OfficialImagesCondition implements ExecutionCondition {
  /** The property that turns the run on; Maven passes {@code -D} user properties on to the test JVM. */
  static final String PROPERTY = "inferlink.it.official-images";

  private final BooleanSupplier dockerAvailable;
  private final PrintStream out;

  /** The condition JUnit creates: Testcontainers' own look for a Docker daemon, and standard output. */
  OfficialImagesCondition() {
    this(() -> DockerClientFactory.instance().isDockerAvailable(), System.out);
  }

  OfficialImagesCondition(BooleanSupplier dockerAvailable, PrintStream out) {
    this.dockerAvailable = dockerAvailable;
    this.out = out;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("decided for the class"); // the class's verdict stands
    }
    String name = context.getRequiredTestClass().getSimpleName();
    if (!context.getConfigurationParameter(PROPERTY).filter("true"::equals).isPresent()) {
      String reason = "runs only against the official server images, with -D" + PROPERTY + "=true"
          + " on a machine whose Docker can pull them (README: Testcontainers)";
      out.println("SKIPPED " + name + ": " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
    if (!dockerAvailable.getAsBoolean()) {
      throw new IllegalStateException(name + ": -D" + PROPERTY + "=true, but Testcontainers finds no Docker"
          + " (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + "); the official-image run needs a Docker daemon"
          + " that can pull the images");
    }
    return ConditionEvaluationResult.enabled(PROPERTY + "=true and Docker is available");
  }
}
