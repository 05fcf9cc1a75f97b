package io.ktrdr.observability.e2e.harness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Enables a {@link RequiresGrafana} class where its stack has a Grafana; else disables it with the
 * reason, printing that reason once per run so the build log shows it, or fails it under {@code
 * -D}{@value #REQUIRE_PROPERTY}{@code =true}. A {@value GrafanaAvailability#HOME_VARIABLE} that
 * names no Grafana always fails: someone meant to run these tests.
 */
final class GrafanaCondition implements ExecutionCondition {
  /** The system property that makes a missing Grafana a failure: {@value}. */
  static final String REQUIRE_PROPERTY = "e2e.requireGrafana";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GrafanaCondition.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean nativeStack = context.getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, RequiresGrafana.class))
        .map(RequiresGrafana::nativeStack)
        .orElse(false);
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    // Asking for a Docker engine can take a while: once per run and kind of stack.
    GrafanaAvailability grafana = store.getOrComputeIfAbsent(
        nativeStack ? "native stack" : "chosen stack", key -> availability(nativeStack), GrafanaAvailability.class);
    ConditionEvaluationResult result = decide(grafana, Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false")));
    if (result.isDisabled()) {
      store.getOrComputeIfAbsent("banner: " + grafana.reason(), key -> printBanner(grafana));
    }
    return result;
  }

  private static GrafanaAvailability availability(boolean nativeStack) {
    return nativeStack
        ? GrafanaAvailability.ofNativeStack(System.getenv())
        : GrafanaAvailability.ofChosenStack(
            System.getProperty(StackModes.PROPERTY, ""), ComposeStackHandle::dockerAvailable, System.getenv());
  }

  /**
   * Enabled where there is a Grafana; disabled with the reason where there is none; a failure where
   * there is none and one is {@code required}, or where the one named is not there.
   *
   * @throws IllegalStateException with the reason, for a failure
   */
  static ConditionEvaluationResult decide(GrafanaAvailability grafana, boolean required) {
    return switch (grafana.state()) {
      case PRESENT -> ConditionEvaluationResult.enabled(grafana.reason());
      case MISCONFIGURED -> throw new IllegalStateException(grafana.reason());
      case ABSENT -> {
        if (required) {
          throw new IllegalStateException("-D" + REQUIRE_PROPERTY + "=true, but " + grafana.reason());
        }
        yield ConditionEvaluationResult.disabled(grafana.reason());
      }
    };
  }

  /** The line the build log shows once when Grafana tests are skipped. */
  static String bannerLine(GrafanaAvailability grafana) {
    return "GRAFANA TESTS SKIPPED (@RequiresGrafana, tag grafana): " + grafana.reason()
        + ". -D" + REQUIRE_PROPERTY + "=true makes a missing Grafana fail the build.";
  }

  private static String printBanner(GrafanaAvailability grafana) {
    String line = bannerLine(grafana);
    System.out.println(line);
    return line;
  }
}
