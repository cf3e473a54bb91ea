package io.inferlink.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The condition behind {@link RequiresDocker}: enabled when Docker answers and the named images are
 * present; otherwise disabled with a printed reason, or failed when the configuration parameter
 * {@value #REQUIRED_PARAMETER} is {@code true} (when it is given, {@code true} or {@code false}, it decides), else
 * when the environment variable {@value #REQUIRED_VARIABLE} is {@code true}. Thread-safe.
 */
public final class DockerCondition implements ExecutionCondition {
  /** The environment variable that turns a skip into a failure when set to {@code true}
   * (not an {@code INFERLINK_} name: {@code ClientOptions.fromEnvironment} refuses keys of that prefix it does not know). */
  public static final String REQUIRED_VARIABLE = "REQUIRE_DOCKER";
  /** The same switch as a JUnit configuration parameter (or system property). */
  public static final String REQUIRED_PARAMETER = "inferlink.require-docker";

  private final Supplier<DockerClient> docker;
  private final Function<String, String> environment;
  private final PrintStream out;
  // Asking Docker once per image list: a class and each of its methods are evaluated.
  private final Map<List<String>, Optional<String>> verdicts = new ConcurrentHashMap<>();

  /**
   * The condition JUnit creates: the process environment, standard output, and a Docker client on the
   * daemon Testcontainers finds (its configuration: {@code DOCKER_HOST}, {@code ~/.testcontainers.properties}...).
   * Not Testcontainers' shared client, whose first use also starts its reaper container: a condition only
   * asks, and must answer quickly where that image cannot be pulled.
   */
  public DockerCondition() {
    this(() -> DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig()),
        System::getenv, System.out);
  }

  DockerCondition(Supplier<DockerClient> docker, Function<String, String> environment, PrintStream out) {
    this.docker = docker;
    this.environment = environment;
    this.out = out;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<AnnotatedElement> element = context.getElement();
    Optional<RequiresDocker> annotation = element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresDocker.class));
    if (annotation.isEmpty()) {
      return ConditionEvaluationResult.enabled("no @RequiresDocker here");
    }
    Optional<String> missing = verdicts.computeIfAbsent(List.of(annotation.get().images()), this::missing);
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("Docker is available");
    }
    String reason = missing.get();
    // The configuration parameter, when given, decides (true or false); otherwise the environment does.
    Optional<String> parameter = context.getConfigurationParameter(REQUIRED_PARAMETER);
    if (parameter.isPresent() ? "true".equals(parameter.get()) : "true".equals(environment.apply(REQUIRED_VARIABLE))) {
      throw new IllegalStateException(reason + ", and " + (parameter.isPresent() ? REQUIRED_PARAMETER : REQUIRED_VARIABLE) + "=true");
    }
    // One line per skip: JUnit asks about a method only when its class is enabled, so a method that gets here
    // carries an annotation of its own, and its skip is news.
    String name = context.getRequiredTestClass().getSimpleName()
        + context.getTestMethod().map(m -> "." + m.getName()).orElse("");
    out.println("SKIPPED " + name + ": " + reason + "; set " + REQUIRED_VARIABLE + "=true to fail instead");
    return ConditionEvaluationResult.disabled(reason);
  }

  /** Why the tests cannot run here, or empty when they can. */
  private Optional<String> missing(List<String> images) {
    DockerClient client;
    try {
      client = docker.get();
    } catch (RuntimeException e) {
      return Optional.of("Docker is not available (" + firstLine(e.getMessage()) + ")");
    }
    try {
      return absentImages(client, images);
    } finally {
      try {
        client.close();
      } catch (IOException | RuntimeException ignored) {
        // The answer is in; a client that will not close changes nothing about it.
      }
    }
  }

  private static Optional<String> absentImages(DockerClient client, List<String> images) {
    List<String> absent = new ArrayList<>();
    for (String image : images) {
      try {
        client.inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        absent.add(image);
      } catch (RuntimeException e) {
        return Optional.of("Docker did not answer about image " + image + " (" + firstLine(e.getMessage()) + ")");
      }
    }
    return absent.isEmpty() ? Optional.empty()
        : Optional.of("image" + (absent.size() > 1 ? "s " : " ") + String.join(", ", absent)
            + " not present on the Docker daemon (build or pull it first)");
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "no reason given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message.trim() : message.substring(0, newline).trim();
  }
}
