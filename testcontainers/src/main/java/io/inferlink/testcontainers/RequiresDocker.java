package io.inferlink.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class (or method) only where Docker, and the images it names, are available.
 * Elsewhere the tests are skipped, never passed, and one line says why on standard output:
 *
 * <pre>
 * SKIPPED PortabilityAcrossServersIT: Docker is not available (Could not find a valid Docker environment...);
 *   set REQUIRE_DOCKER=true to fail instead
 * </pre>
 *
 * <p>With the environment variable {@value DockerCondition#REQUIRED_VARIABLE}{@code =true} (or the JUnit
 * configuration parameter {@value DockerCondition#REQUIRED_PARAMETER}{@code =true}) a missing Docker or
 * image fails the tests instead: for CI runs that must not go green without containers.
 * Needs {@code junit-jupiter-api} on the test class path (this module's optional dependency).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
  /**
   * Images that must already be present on the Docker daemon ({@code "inferlink/kserve:0.21.0"}), for
   * tests of images built locally that no registry serves; empty by default.
   *
   * @return the image names, each with its tag
   */
  String[] images() default {};
}
