package io.ktrdr.observability.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class GrafanaConditionTest {
  private static final GrafanaAvailability COMPOSE = GrafanaAvailability.ofChosenStack("compose", () -> true, Map.of());
  private static final GrafanaAvailability NONE = GrafanaAvailability.ofChosenStack("", () -> false, Map.of());
  private static final GrafanaAvailability BROKEN =
      GrafanaAvailability.ofChosenStack("", () -> false, Map.of("KTRDR_GRAFANA_HOME", "/nonexistent/grafana"));

  @Test
  void aStackWithGrafanaEnablesTheTests() {
    ConditionEvaluationResult result = GrafanaCondition.decide(COMPOSE, true);

    assertThat(result.isDisabled()).isFalse();
    assertThat(result.getReason()).contains(COMPOSE.reason());
  }

  @Test
  void aStackWithoutGrafanaDisablesTheTestsWithWhatIsMissingAndHowToProvideIt() {
    ConditionEvaluationResult result = GrafanaCondition.decide(NONE, false);

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).contains(
        "no Grafana on this machine: no Docker engine is reachable and KTRDR_GRAFANA_HOME is not set;"
            + " start Docker, or set KTRDR_GRAFANA_HOME to an installed Grafana's home (see native-stack/README.md)");
  }

  @Test
  void aRequiredGrafanaThatIsMissingIsAFailure() {
    assertThatIllegalStateException()
        .isThrownBy(() -> GrafanaCondition.decide(NONE, true))
        .withMessage("-De2e.requireGrafana=true, but " + NONE.reason());
  }

  @Test
  void aGrafanaHomeThatIsNotThereIsAFailureEvenWhenGrafanaIsNotRequired() {
    assertThatIllegalStateException()
        .isThrownBy(() -> GrafanaCondition.decide(BROKEN, false))
        .withMessageStartingWith("KTRDR_GRAFANA_HOME=/nonexistent/grafana is not a Grafana home: it has no bin/grafana");
  }

  @Test
  void theBannerNamesTheReasonAndTheWayToMakeItAFailure() {
    assertThat(GrafanaCondition.bannerLine(NONE)).isEqualTo(
        "GRAFANA TESTS SKIPPED (@RequiresGrafana, tag grafana): " + NONE.reason()
            + ". -De2e.requireGrafana=true makes a missing Grafana fail the build.");
  }
}
