package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.e2e.stack.Component;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prometheus restarted under a running workload: the same queries return data again, and fresh scrapes. */
@Order(7)
@ExtendWith(SharedStack.class)
class PrometheusRestartIT {
  @Test
  void afterAPrometheusRestartThePanelsReturnDataAgainWithNoIntervention(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    SharedStack.steady(stack);

    long began = System.nanoTime();
    stack.stop(Component.PROMETHEUS);
    assertThat(stack.isRunning(Component.PROMETHEUS)).as("prometheus stopped").isFalse();
    long stopped = System.nanoTime();
    stack.start(Component.PROMETHEUS);
    Instant restarted = Instant.now();
    long started = System.nanoTime();

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      Instant now = Instant.now();
      QueryResult lastScrapes = panels.run(
          panels.target("ktrdr-system-overview", "Active services", "B", now.minus(Duration.ofHours(6)), now));

      assertThat(lastScrapes.series()).as(lastScrapes.describe()).hasSize(5).allSatisfy(s ->
          assertThat(s.last().orElse(0)).as("last scrape (ms) of %s, restarted at %s", s.labels().get("service"), restarted)
              .isGreaterThan(restarted.toEpochMilli()));
    });
    long scraped = System.nanoTime();
    panels.awaitAllPopulated(panels::defaults, Duration.ofSeconds(20));
    RunFigures.record("Prometheus restart: stop, start, fresh scrapes of every target, every panel with data (s)",
        String.format(java.util.Locale.ROOT, "%.2f, %.2f, %.2f, %.2f", (stopped - began) / 1e9, (started - stopped) / 1e9,
            (scraped - started) / 1e9, (System.nanoTime() - scraped) / 1e9));
  }
}
