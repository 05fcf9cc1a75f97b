package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The worker-outage scenario: backtest-worker-2 stops answering 5 model minutes into the run, for 5
 * model minutes (2.5 s each at the fault tests' time scale). A fault scenario of its own, so on a
 * stack of its own, beside the classes on the shared one.
 */
@Order(7)
@ExtendWith(OwnStack.class)
@Execution(ExecutionMode.CONCURRENT)
class WorkerOutageIT {
  static final double FAULT_TIME_SCALE = 120;
  private static final String DOWN = "backtest-worker-2";

  @Test
  void aWorkerOutageShowsInTheHealthMatrixAndAvailabilityThenBothRecover(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    stack.startSimulator(new SimulatorSettings("worker-outage", 1, FAULT_TIME_SCALE));

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      QueryResult health = lastFiveMinutes(panels, "Worker health");
      QueryResult availability = lastFiveMinutes(panels, "Worker availability");

      assertThat(lastByService(health)).as("worker health matrix during the outage\n%s", health.describe())
          .containsEntry(DOWN, 0.0)
          .containsEntry("backtest-worker-1", 1.0).containsEntry("training-worker-1", 1.0).containsEntry("training-worker-2", 1.0);
      assertThat(lastByService(availability)).as("worker availability during the outage\n%s", availability.describe())
          .containsEntry(DOWN, 0.0);
    });

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      QueryResult health = lastFiveMinutes(panels, "Worker health");
      QueryResult availability = lastFiveMinutes(panels, "Worker availability");

      assertThat(lastByService(health)).as("worker health matrix after the outage\n%s", health.describe())
          .hasSize(4).allSatisfy((service, up) -> assertThat(up).isEqualTo(1.0));
      assertThat(lastByService(availability)).as("worker availability after the outage\n%s", availability.describe())
          .containsEntry(DOWN, 1.0);
    });
  }

  /** Refid A of a Worker Status panel over the last 5 minutes, as someone watching an incident would set it. */
  private static QueryResult lastFiveMinutes(Panels panels, String panel) {
    Instant now = Instant.now();
    return panels.run(panels.target("ktrdr-worker-status", panel, "A", now.minus(Duration.ofMinutes(5)), now));
  }

  private static Map<String, Double> lastByService(QueryResult result) {
    Map<String, Double> values = new TreeMap<>();
    result.series().forEach(s -> values.put(s.labels().get("service"), s.last().orElse(Double.NaN)));
    return values;
  }
}
