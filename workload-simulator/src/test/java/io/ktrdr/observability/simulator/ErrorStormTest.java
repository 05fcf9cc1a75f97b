package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.simulator.model.Scenario;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The built-in error storm as Prometheus sees it on the backend, at the end-to-end tests' time
 * scale: a clear share of 5xx over the storm, on the operation start routes as on the rest of the API.
 * Each test has a simulator of its own, and mostly waits on its clock: they run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class ErrorStormTest {

  private static final String REQUESTS = "http_server_duration_milliseconds_count";

  @Test
  void theStormAnswersAClearShareOfTheBackendsRequestsWith5xx() throws Exception {
    // At 60x the storm (model minutes 5 to 15) lasts from wall second 5 to 15 of the simulator's clock.
    try (RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts()
        .scenario(Scenario.named("error-storm")).timeScale(60).spanExporter(InMemorySpanExporter.create())
        .build().start()) {
      GroundTruth truth = simulator.groundTruth();
      Instant stormStart = Instant.parse(truth.modelStart()).plus(Duration.ofMinutes(5));
      Instant stormEnd = Instant.parse(truth.modelStart()).plus(Duration.ofMinutes(15));
      Duration perWallSecond = Duration.ofMillis(Math.round(1000 * truth.timeScale()));
      Instant clockStarted = Instant.parse(truth.startedAt());
      Map<String, Double> atFirstSecond = null;
      Map<String, Double> atStormStart = null;
      Map<String, Double> atStormEnd = null;
      // Scraped once a second, as the tests' Prometheus does (scrapes are requests too), at wall
      // second 1.5, 2.5, ... of the simulator's clock (model minute 1.5, 2.5, ...: the workers'
      // registrations behind), not counted from when start() returned, which on a busy machine
      // comes a second or more into the model's time. Each scrape is placed by the model time read
      // after it: a scrape may come late, and a window must not take in requests answered on the
      // other side of a storm boundary.
      List<String> scrapes = new ArrayList<>();
      long first = Math.max(1, Duration.between(clockStarted, Instant.now()).toMillis() / 1000);
      for (long second = first; ; second++) {
        sleepUntil(clockStarted.plusMillis(second * 1000 + 500));
        Map<String, Double> requests = requestsByRouteAndStatus(simulator);
        Instant after = Instant.parse(simulator.groundTruth().modelTime());
        scrapes.add(String.format(java.util.Locale.ROOT, "%.1f s: model %s",
            Duration.between(clockStarted, Instant.now()).toMillis() / 1000.0,
            Duration.between(Instant.parse(truth.modelStart()), after)));
        if (atFirstSecond == null) {
          atFirstSecond = requests;
        } else if (after.isBefore(stormStart)) {
          atStormStart = requests;
        } else if (after.isBefore(stormEnd)) {
          atStormEnd = requests;
          if (!after.plus(perWallSecond).isBefore(stormEnd)) {
            break; // the next scrape would come after the storm
          }
        } else {
          break;
        }
      }
      System.out.println("error storm: scrapes done at " + scrapes);
      assertThat(atStormStart).as("a scrape between the first one and the storm; scrapes done at %s", scrapes).isNotNull();
      assertThat(atStormEnd).as("a scrape in the storm; scrapes done at %s", scrapes).isNotNull();

      Map<String, Double> before = difference(atStormStart, atFirstSecond);
      Map<String, Double> inStorm = difference(atStormEnd, atStormStart);
      double all = total(inStorm, key -> true);
      double errors = total(inStorm, key -> serverError(key));

      // About 50 requests a wall second at 60x (API traffic at its model rates, thinned to the
      // ceiling), so some 500 in the storm. 30 % of API requests fail (404 polls and scrapes aside),
      // starts retried: measured 0.26 to 0.28; binomial spread at 500 requests about 0.02.
      assertThat(errors / all).as("5xx share of %s requests in the storm: %s", all, new TreeMap<>(inStorm))
          .isGreaterThanOrEqualTo(0.2);
      // Before it 1 %: about 2 of 200 requests.
      assertThat(total(before, key -> serverError(key)) / total(before, key -> true))
          .as("5xx share before the storm: %s", new TreeMap<>(before)).isLessThan(0.05);
      assertThat(total(inStorm, key -> key.startsWith("/api/v1/operations") && serverError(key)))
          .as("5xx on listing and polls: %s", new TreeMap<>(inStorm)).isPositive();
    }
  }

  @Test
  void operationStartsFailInTheStormAndAreRetriedUntilAnswered() throws Exception {
    // Only starts (no background traffic), 30 a wall second, all in a storm: most find no backtest
    // worker free (503, final), some are handed over (200); before either, 500s.
    Scenario storm = Scenario.builder().name("start-storm").httpErrorRatio(0.3)
        .ratePerHour(io.ktrdr.observability.simulator.model.OperationType.BACKTESTING, 1800).build();
    try (RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().scenario(storm)
        .timeScale(60).backgroundTraffic(false).spanExporter(InMemorySpanExporter.create()).build().start()) {
      // About 120 attempts, as in 3 s on a quiet machine, however long a busy one takes to answer them.
      AtomicReference<Map<String, Double>> scraped = new AtomicReference<>();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
        scraped.set(requestsByRouteAndStatus(simulator));
        assertThat(total(scraped.get(), key -> key.startsWith("/api/v1/backtests/start "))).isGreaterThanOrEqualTo(120);
      });
      Map<String, Double> requests = scraped.get();

      double failed = total(requests, key -> key.equals("/api/v1/backtests/start 500"));
      double answered = total(requests, key -> key.startsWith("/api/v1/backtests/start ") && !key.endsWith(" 500"));
      // Each start fails 0, 1 or 2 times (at most 3 attempts): 0.3 + 0.09 = 0.39 failures per start,
      // a share of 0.28 of about 120 attempts, spread about 0.04.
      assertThat(failed / (failed + answered)).as("500 share of start attempts: %s", new TreeMap<>(requests))
          .isBetween(0.15, 0.4);
      assertThat(failed).as("never more than two failed attempts per start: %s", new TreeMap<>(requests))
          .isLessThanOrEqualTo(2 * answered + 4);
    }
  }

  private static boolean serverError(String routeAndStatus) {
    return routeAndStatus.matches(".* 5[0-9][0-9]");
  }

  /** Requests by {@code route status}, e.g. {@code /api/v1/operations 503}. */
  private static Map<String, Double> requestsByRouteAndStatus(RunningSimulator simulator) throws Exception {
    Map<String, Double> counts = new HashMap<>();
    for (Exposition.Sample sample : Exposition.scrape(simulator.backendMetricsUri())
        .family("http_server_duration_milliseconds").samples()) {
      if (sample.name().equals(REQUESTS)) {
        String key = sample.labels().get("http_target") + " " + sample.labels().get("http_status_code");
        counts.merge(key, sample.value(), Double::sum);
      }
    }
    return counts;
  }

  private static Map<String, Double> difference(Map<String, Double> later, Map<String, Double> earlier) {
    Map<String, Double> difference = new HashMap<>();
    later.forEach((key, value) -> difference.put(key, value - earlier.getOrDefault(key, 0.0)));
    return difference;
  }

  private static double total(Map<String, Double> counts, java.util.function.Predicate<String> keys) {
    return counts.entrySet().stream().filter(e -> keys.test(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long waitMillis = Duration.between(Instant.now(), when).toMillis();
    if (waitMillis > 0) {
      Thread.sleep(waitMillis);
    }
  }
}
