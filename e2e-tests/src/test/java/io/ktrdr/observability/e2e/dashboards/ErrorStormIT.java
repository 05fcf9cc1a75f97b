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
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error-storm scenario: from 5 to 15 model minutes into the run (5 s to 15 s here) twice the
 * operations arrive, 60 % of them fail and 30 % of ordinary API requests (status polls, listings:
 * about a third of the backend's requests) answer 5xx; outside it 10 % of operations fail and 1 %
 * of those requests. The panels are read over the last 5 minutes, as someone watching an incident
 * would. The 5xx share is a few requests in a 4 s window: its peak in the storm is compared with its
 * steady mean.
 */
@Order(6)
@ExtendWith(SharedStack.class)
class ErrorStormIT {
  @Test
  void anErrorStormRaisesTheErrorRateAndFailurePanels(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    // The baseline: up to 20 s of the steady workload the tests before ran.
    SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));
    Instant baselineEnd = Instant.now();
    Instant baselineStart = baselineEnd.minus(Duration.ofSeconds(20));

    SimulatorRun storm = stack.startSimulator(SimulatorSettings.scenario("error-storm"));
    Duration modelMinute = Duration.ofMillis(Math.round(60_000 / SimulatorSettings.TEST_TIME_SCALE));
    Instant stormStart = storm.startedAt().plus(modelMinute.multipliedBy(5));
    Instant stormEnd = storm.startedAt().plus(modelMinute.multipliedBy(15)).plus(stack.scrapeInterval().multipliedBy(4));

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertThat(Instant.now()).as("the storm is over").isAfter(stormEnd);
      QueryResult errorShare = lastFiveMinutes(panels, "ktrdr-system-overview", "Error rate", "A");
      QueryResult failedPerMinute = lastFiveMinutes(panels, "ktrdr-operations", "Operation success and failure rate", "B");

      assertRose(errorShare, series -> series.meanBetween(baselineStart, baselineEnd),
          series -> series.maxBetween(stormStart, stormEnd.plusSeconds(10)), 0.01, "peak 5xx share");
      assertRose(failedPerMinute, series -> series.maxBetween(baselineStart, baselineEnd),
          series -> series.maxBetween(stormStart, stormEnd), 10, "peak failed operations per minute");
    });
  }

  /** The panel's figure in the storm is at least {@code floor} and twice its figure under the steady workload before. */
  private static void assertRose(QueryResult result, Function<QueryResult.Series, OptionalDouble> steady,
      Function<QueryResult.Series, OptionalDouble> inStorm, double floor, String figure) {
    assertThat(result.series()).as(result.describe()).hasSize(1);
    QueryResult.Series series = result.series().get(0);
    double before = steady.apply(series).orElse(0);
    double during = inStorm.apply(series).orElse(Double.NaN);

    assertThat(during)
        .as("%s in the storm; steady before: %s\n%s", figure, before, result.describe())
        .isGreaterThanOrEqualTo(Math.max(floor, 2 * before));
  }

  private static QueryResult lastFiveMinutes(Panels panels, String dashboard, String panel, String refId) {
    Instant now = Instant.now();
    return panels.run(panels.target(dashboard, panel, refId, now.minus(Duration.ofMinutes(5)), now));
  }
}
