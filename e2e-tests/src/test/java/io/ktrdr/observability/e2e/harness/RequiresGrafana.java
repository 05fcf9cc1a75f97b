package io.ktrdr.observability.e2e.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a Grafana: it runs where its stack has one (the compose mode, or the
 * native mode with {@value GrafanaAvailability#HOME_VARIABLE} naming an installed Grafana), and is
 * reported as skipped with what is missing and how to provide it where not. With {@code
 * -De2e.requireGrafana=true} a missing Grafana fails the class instead. Tagged {@code grafana}, so
 * {@code -DexcludedGroups=grafana} leaves these classes out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("grafana")
@ExtendWith(GrafanaCondition.class)
public @interface RequiresGrafana {
  /**
   * Whether the class starts a {@code NativeStack} of its own instead of using the shared stack, so
   * only {@value GrafanaAvailability#HOME_VARIABLE} can give it a Grafana.
   */
  boolean nativeStack() default false;
}
