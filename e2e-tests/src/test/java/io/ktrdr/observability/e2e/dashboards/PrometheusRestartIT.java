package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.e2e.stack.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prometheus restarted under a running workload: the same queries return data again, and fresh scrapes. */
@Order(4)
@ExtendWith(SharedStack.class)
class PrometheusRestartIT {
  @Test
  void afterAPrometheusRestartThePanelsReturnDataAgainWithNoIntervention(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));

    stack.stop(Component.PROMETHEUS);
    assertThat(stack.isRunning(Component.PROMETHEUS)).as("prometheus stopped").isFalse();
    stack.start(Component.PROMETHEUS);
    Instant restarted = Instant.now();

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Instant now = Instant.now();
      QueryResult lastScrapes = panels.run(
          panels.target("ktrdr-system-overview", "Active services", "B", now.minus(Duration.ofHours(6)), now));

      assertThat(lastScrapes.series()).as(lastScrapes.describe()).hasSize(5).allSatisfy(s ->
          assertThat(s.last().orElse(0)).as("last scrape (ms) of %s, restarted at %s", s.labels().get("service"), restarted)
              .isGreaterThan(restarted.toEpochMilli()));
    });
    panels.awaitAllPopulated(
        to -> Panels.all(Panels.DASHBOARDS.stream().map(d -> panels.plan(d, Map.of(), Panels.defaultFrom(d, to), to)).toList()),
        Duration.ofSeconds(20));
  }
}
