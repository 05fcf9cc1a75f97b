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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The error-storm scenario: from 5 to 15 model minutes into the run (5 s to 15 s here) twice the
 * operations arrive, 60 % of them fail and 30 % of API requests answer 5xx (operation starts and
 * worker registrations too, retried by their clients); outside it 10 % of operations fail and 1 %
 * of requests. The panels are read over the last 5 minutes, as someone watching an incident would.
 *
 * <p>The 5xx share: the simulator's API traffic runs at its model rates, about 50 requests a wall
 * second here, so each point of the panel (a 4 s rate window) counts some 200 requests. In the
 * storm the share is about 0.26 (0.26 to 0.28 measured by the simulator's own test), its mean over
 * the storm's windows spread by about 0.025; before it about 0.01. The mean over the windows lying
 * wholly inside the storm must reach 0.15, over four spreads below what the storm gives, and
 * three times the steady mean (about 0.03). Measured in 20 runs: 0.24 to 0.32.
 *
 * <p>Failed operations per minute: the steady workload fails about 4.9 a minute here (49
 * operations an hour, 10 % failed, at 60x), a handful in a 20 s baseline, so its mean is too noisy
 * to multiply (two or three failures close together make 15 to 30 a minute). The storm's mean over
 * the same windows must reach 15, three times the steady rate, and exceed the steady mean measured
 * before; seed 1 fixes the storm's operations, and its mean measured 24 to 39 (8 runs).
 *
 * <p>The test runs on a stack of its own, beside the others: the steady baseline is 20 s of steady
 * workload before the storm, 15 s of a steady run and the storm run's own steady first 5 model
 * minutes (as for the 5xx share). The storm is read once the scrape after its end is in.
 */
@Order(1)
@ExtendWith(OwnStack.class)
@Execution(ExecutionMode.CONCURRENT)
class ErrorStormIT {
  /**
   * How long the steady run lasts before the storm run, whose first 5 model minutes (5 s) are steady
   * too: together the 20 s baseline the storm is compared with.
   */
  private static final Duration STEADY_RUN = Duration.ofSeconds(15);

  @Test
  void anErrorStormRaisesTheErrorRateAndFailurePanels(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    // The baseline: 15 s of the steady workload on this class's own stack, then the storm run's own
    // steady first 5 model minutes.
    SimulatorRun steady = SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));
    Instant baselineStart = steady.startedAt();
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
        .until(() -> Instant.now().isAfter(baselineStart.plus(STEADY_RUN)));

    SimulatorRun storm = stack.startSimulator(SimulatorSettings.scenario("error-storm"));
    Duration modelMinute = Duration.ofMillis(Math.round(60_000 / SimulatorSettings.TEST_TIME_SCALE));
    Instant stormStart = storm.startedAt().plus(modelMinute.multipliedBy(5));
    Duration rateWindow = stack.scrapeInterval().multipliedBy(4);
    // Points whose rate window lies wholly inside the storm.
    Instant stormCoreStart = stormStart.plus(rateWindow);
    Instant stormCoreEnd = storm.startedAt().plus(modelMinute.multipliedBy(15));
    // The last of those points reads the scrape at the storm's end, in Prometheus a scrape later.
    Instant stormEnd = stormCoreEnd.plus(stack.scrapeInterval().multipliedBy(2));

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertThat(Instant.now()).as("the storm is over").isAfter(stormEnd);
      QueryResult errorShare = lastFiveMinutes(panels, "ktrdr-system-overview", "Error rate", "A");
      QueryResult failedPerMinute = lastFiveMinutes(panels, "ktrdr-operations", "Operation success and failure rate", "B");

      assertRose(errorShare, series -> series.meanBetween(baselineStart, stormStart),
          series -> series.meanBetween(stormCoreStart, stormCoreEnd), 0.15, 3, "mean 5xx share");
      assertRose(failedPerMinute, series -> series.meanBetween(baselineStart, stormStart),
          series -> series.meanBetween(stormCoreStart, stormCoreEnd), 15, 1, "mean failed operations per minute");
    });
  }

  /**
   * The panel's figure in the storm is at least {@code floor} and {@code factor} times its figure
   * under the steady workload before.
   */
  private static void assertRose(QueryResult result, Function<QueryResult.Series, OptionalDouble> steady,
      Function<QueryResult.Series, OptionalDouble> inStorm, double floor, double factor, String figure) {
    assertThat(result.series()).as(result.describe()).hasSize(1);
    QueryResult.Series series = result.series().get(0);
    double before = steady.apply(series).orElse(0);
    double during = inStorm.apply(series).orElse(Double.NaN);

    assertThat(during)
        .as("%s in the storm; steady before: %s\n%s", figure, before, result.describe())
        .isGreaterThanOrEqualTo(Math.max(floor, factor * before));
    RunFigures.record("error storm, " + figure, String.format(java.util.Locale.ROOT, "%.3f (steady before: %.3f)", during, before));
  }

  private static QueryResult lastFiveMinutes(Panels panels, String dashboard, String panel, String refId) {
    Instant now = Instant.now();
    return panels.run(panels.target(dashboard, panel, refId, now.minus(Duration.ofMinutes(5)), now));
  }
}
