package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error-storm scenario: from 5 to 15 model minutes into the run (2.5 s to 7.5 s at the fault
 * tests' time scale) twice the operations arrive, 60 % of them fail and 30 % of ordinary API
 * requests answer 5xx; outside it 10 % of operations fail and 1 % of those requests. The panels are
 * read over the last 5 minutes, as someone watching an incident would.
 */
@Order(7)
@ExtendWith(SharedStack.class)
class ErrorStormIT {
  @Test
  void anErrorStormRaisesTheErrorRateAndFailurePanels(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));
    await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
    Instant baselineEnd = Instant.now();
    Instant baselineStart = baselineEnd.minus(Duration.ofSeconds(20));

    SimulatorRun storm = stack.startSimulator(new SimulatorSettings("error-storm", 1, WorkerOutageIT.FAULT_TIME_SCALE));
    Duration modelMinute = Duration.ofMillis(Math.round(60_000 / WorkerOutageIT.FAULT_TIME_SCALE));
    Instant stormStart = storm.startedAt().plus(modelMinute.multipliedBy(5));
    Instant stormEnd = storm.startedAt().plus(modelMinute.multipliedBy(15)).plus(stack.scrapeInterval().multipliedBy(4));

    await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertRose(lastFiveMinutes(panels, "ktrdr-system-overview", "Error rate", "A"), 0.05,
          baselineStart, baselineEnd, stormStart, stormEnd);
      assertRose(lastFiveMinutes(panels, "ktrdr-operations", "Operation success and failure rate", "B"), 10,
          baselineStart, baselineEnd, stormStart, stormEnd);
    });
  }

  /** The panel's peak in the storm is at least {@code floor} and twice its peak under the steady workload before. */
  private static void assertRose(QueryResult result, double floor, Instant baselineStart, Instant baselineEnd,
      Instant stormStart, Instant stormEnd) {
    assertThat(result.series()).as(result.describe()).hasSize(1);
    QueryResult.Series series = result.series().get(0);
    double baseline = series.maxBetween(baselineStart, baselineEnd).orElse(0);
    double peak = series.maxBetween(stormStart, stormEnd).orElse(Double.NaN);

    assertThat(peak)
        .as("peak between %s and %s (storm); steady peak before: %s\n%s", stormStart, stormEnd, baseline, result.describe())
        .isGreaterThanOrEqualTo(Math.max(floor, 2 * baseline));
  }

  private static QueryResult lastFiveMinutes(Panels panels, String dashboard, String panel, String refId) {
    Instant now = Instant.now();
    return panels.run(panels.target(dashboard, panel, refId, now.minus(Duration.ofMinutes(5)), now));
  }
}
