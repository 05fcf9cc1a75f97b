package io.ktrdr.observability.e2e.dashboards;

import static io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.column;
import static io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.viewsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.PanelView;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The panels under a worker outage and an error storm as a viewer sees them, judged by Grafana's own
 * front-end code ({@link GrafanaFrontendJudgeIT}). On the shared stack, after the classes reading
 * the steady workload: on a stack of its own its storm ran beside the error-storm test's on 2 cores
 * and once peaked below its floor.
 */
@Order(8)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GrafanaFrontendJudgeFaultsIT {
  private static StackHandle stack;
  private static Panels panels;
  private static long startedNanos;

  @BeforeAll
  static void sharedStack(StackHandle sharedStack) {
    startedNanos = System.nanoTime();
    stack = sharedStack;
    panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
  }

  /** The storm keeps running: a class after this one that needs the steady workload asks for it ({@link SharedStack#steady}). */
  @AfterAll
  static void recordTime() {
    RunFigures.record("GrafanaFrontendJudgeFaultsIT, all its tests", Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  @Test
  @Order(1)
  void aWorkerOutageShowsOneWorkerDownInWorkerHealthThenAllUp() {
    stack.startSimulator(new SimulatorSettings("worker-outage", 1, WorkerOutageIT.FAULT_TIME_SCALE));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      PanelView health = viewsOf(panels, "ktrdr-worker-status").get("Worker health");
      int up = column(health, "Up");
      assertThat(health.rows().stream().map(r -> r.get(up)).sorted().toList()).as(health.describe())
          .containsExactly("DOWN", "UP", "UP", "UP");
    });
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      PanelView health = viewsOf(panels, "ktrdr-worker-status").get("Worker health");
      int up = column(health, "Up");
      assertThat(health.rows().stream().map(r -> r.get(up)).toList()).as(health.describe())
          .containsExactly("UP", "UP", "UP", "UP");
    });
  }

  /** As someone watching the incident: the last five minutes (at the default six hours the storm is a few points). */
  @Test
  @Order(2)
  void anErrorStormShowsInTheErrorRatePanelAsAPercentage() {
    stack.startSimulator(SimulatorSettings.scenario("error-storm"));
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      PanelView rate = viewsOf(panels, "ktrdr-system-overview", Duration.ofMinutes(5)).get("Error rate");
      assertThat(rate.series()).as(rate.describe()).hasSize(1);
      String max = String.valueOf(rate.series().get(0).get("max"));
      assertThat(max).as(rate.describe()).matches("\\d+(\\.\\d+)?%");
      assertThat(Double.parseDouble(max.substring(0, max.length() - 1)))
          .as("the 5xx share at its highest, as shown: %s", rate.describe())
          .isGreaterThanOrEqualTo(15.0);
      RunFigures.record("error storm, the Error rate panel's highest 5xx share as Grafana shows it", max);
    });
  }
}
