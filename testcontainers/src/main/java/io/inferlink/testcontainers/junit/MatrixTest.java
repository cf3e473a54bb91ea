package io.inferlink.testcontainers.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;

/**
 * Marks a test method that runs once per endpoint of the class's {@link InferenceMatrix}, each run named
 * {@code [server] endpoint}. Its parameters may be an {@link io.inferlink.InferenceClient} (made for
 * the run and closed after it), a {@link MatrixEndpoint} or a {@code String} (the endpoint string).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
public @interface MatrixTest {
}
