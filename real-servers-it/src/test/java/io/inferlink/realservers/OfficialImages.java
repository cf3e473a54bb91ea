package io.inferlink.realservers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of the opt-in run against the servers' official images (issue 15): it runs only with
 * {@code -Dinferlink.it.official-images=true}, on a machine whose Docker can pull them. Without the property
 * the class is skipped with one printed line; with it and no Docker, it fails (see {@link OfficialImagesCondition}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OfficialImagesCondition.class)
@interface OfficialImages {
}
