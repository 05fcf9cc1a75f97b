package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.e2e.harness.NativeStackHandle;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.JsonHttp;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.simulator.GroundTruth;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * KTRDR's homelab: Prometheus configured from {@code environments/homelab.yaml} scrapes 13 worker
 * targets (8 of them optional), and the simulator plays its homelab topology on them: six workers
 * run, seven optional targets are never started, and the optional {@code backtest-b-5004} stops
 * for good at model minute 10 (5 s here: the simulator runs at {@link
 * SimulatorSettings#FAST_TIME_SCALE}, as one check counts operations), leaving 5 up. The worker panels show every worker that
 * ran, the stopped one down, and no target that was never started.
 *
 * <p>Its own stack, always local processes: the compose setup is generated for the {@code dev}
 * environment only.
 */
@Order(2)
@Execution(ExecutionMode.CONCURRENT)
class HomelabIT {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private static final String STOPPING = "backtest-b-5004";

  private static NativeStackHandle stack;
  private static SimulatorRun simulator;
  private static Panels panels;

  @BeforeAll
  static void homelabStackAndWorkload() {
    stack = NativeStackHandle.start(ProjectFiles.root(), "environments/homelab.yaml");
    RunFigures.record("stack start for HomelabIT (native)", stack.startupTime());
    panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    // Until this fresh Prometheus first evaluates the optional-target rule (seconds after it starts
    // on a loaded machine), a target never started has nothing to leave it out: a dashboard of a
    // Prometheus that has been running never sees that moment, so the run begins after it.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(instant("count(service:ktrdr_optional_target_up:max1d)")).isEqualTo(8));
    simulator = stack.startSimulator(SimulatorSettings.scenario("steady").onTopology("homelab")
        .atTimeScale(SimulatorSettings.FAST_TIME_SCALE));
    // Past the stop, and the backend has marked the stopped worker unavailable.
    await().atMost(Duration.ofSeconds(60)).until(() -> simulator.groundTruth().workers().stream()
        .anyMatch(w -> w.name().equals(STOPPING) && w.state().equals("stopped") && "temporarily_unavailable".equals(w.status())));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
      assertThat(stack.leftRunning()).as("left running after the homelab stack was closed").isEmpty();
    }
  }

  @Test
  void thirteenWorkerTargetsAreScrapedOfWhichFiveAreUp() {
    GroundTruth truth = simulator.groundTruth();
    assertThat(truth.workers()).hasSize(13);
    assertThat(truth.workersIn("never_started")).hasSize(7);
    await().atMost(DEADLINE).untilAsserted(() -> {
      assertThat(instant("count(up{job=\"ktrdr-workers\"})")).isEqualTo(13);
      assertThat(instant("sum(up{job=\"ktrdr-workers\"})")).isEqualTo(5);
    });
  }

  @Test
  void workerHealthShowsEveryWorkerThatRanTheStoppedOneDownAndNoTargetNeverStarted() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      QueryResult health = lastFiveMinutes("ktrdr-worker-status", "Worker health");

      assertThat(lastByService(health)).as("worker health\n%s", health.describe()).isEqualTo(expectedUp());
    });
  }

  /**
   * Over the simulator's run from its second second: the run begins once Prometheus has evaluated
   * the optional-target rule, but a range's first step, rounded down to the second, can fall before
   * that evaluation, where a target never started has nothing yet to leave it out.
   */
  @Test
  void theAvailabilityTimelineShowsTheStoppedWorkerGoingDownAndNoTargetNeverStarted() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      QueryResult availability = panels.run(panels.target("ktrdr-worker-status", "Worker availability", "A",
          simulator.startedAt().plusSeconds(2), Instant.now()));
      Map<String, QueryResult.Series> byService = new TreeMap<>();
      availability.series().forEach(s -> byService.put(s.labels().get("service"), s));

      assertThat(byService.keySet()).as("rows of the timeline\n%s", availability.describe()).isEqualTo(expectedUp().keySet());
      assertThat(byService.get(STOPPING).max()).as("%s was up before it stopped", STOPPING).hasValue(1.0);
      assertThat(byService.get(STOPPING).last()).as("%s after it stopped", STOPPING).hasValue(0.0);
    });
  }

  @Test
  void serviceHealthLeavesOutTargetsNeverStarted() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      QueryResult health = lastFiveMinutes("ktrdr-system-overview", "Service health");
      Map<String, Double> expected = new TreeMap<>(expectedUp());
      expected.put("backend", 1.0);

      assertThat(lastByService(health)).as("service health\n%s", health.describe()).isEqualTo(expected);
    });
  }

  @Test
  void registeredWorkersCountTheWorkersThatRegisteredByType() {
    GroundTruth truth = simulator.groundTruth();
    Map<String, Double> byType = new TreeMap<>();
    truth.workers().stream().filter(w -> w.status() != null).forEach(w -> byType.merge(w.workerType(), 1.0, Double::sum));
    assertThat(byType).isEqualTo(Map.of("backtesting", 3.0, "training", 3.0));
    await().atMost(DEADLINE).untilAsserted(() -> {
      QueryResult all = lastFiveMinutes("ktrdr-worker-status", "Registered workers", "A");
      QueryResult perType = lastFiveMinutes("ktrdr-worker-status", "Registered workers", "B");

      assertThat(all.series()).as(all.describe()).hasSize(1);
      assertThat(all.series().get(0).last()).as(all.describe()).hasValue(6.0);
      Map<String, Double> shown = new TreeMap<>();
      perType.series().forEach(s -> shown.put(s.labels().get("worker_type"), s.last().orElse(Double.NaN)));
      assertThat(shown).as(perType.describe()).isEqualTo(byType);
    });
  }

  @Test
  void theStoppedWorkerIsAlertedOnAndNoTargetNeverStartedIs() {
    Set<String> neverStarted = simulator.groundTruth().workersIn("never_started").stream()
        .map(GroundTruth.WorkerTruth::name).collect(Collectors.toSet());
    await().atMost(DEADLINE).untilAsserted(() -> {
      List<String> down = new ArrayList<>();
      for (JsonNode alert : JsonHttp.anonymous().get(stack.prometheusUri().resolve("/api/v1/alerts")).path("data").path("alerts")) {
        if (alert.path("labels").path("alertname").asText().equals("KtrdrWorkerDown")) {
          down.add(alert.path("labels").path("service").asText());
        }
      }
      // Pending or firing: the rule holds for 2 minutes before it fires.
      assertThat(down).as("KtrdrWorkerDown alerts").contains(STOPPING).doesNotContainAnyElementsOf(neverStarted);
    });
  }

  @Test
  void operationsRunOnManyWorkersAreEachCountedOnce() {
    new OperationPanelValues(stack, simulator).operationsByWorkerTypeAndStatusMatchTheGroundTruth();
  }

  /** Every worker that ran, by name: 1 while it answers, 0 once stopped. */
  private static Map<String, Double> expectedUp() {
    Map<String, Double> expected = new TreeMap<>();
    simulator.groundTruth().workers().stream().filter(w -> !w.state().equals("never_started"))
        .forEach(w -> expected.put(w.name(), w.state().equals("stopped") ? 0.0 : 1.0));
    return expected;
  }

  private static QueryResult lastFiveMinutes(String dashboard, String panel) {
    return lastFiveMinutes(dashboard, panel, "A");
  }

  private static QueryResult lastFiveMinutes(String dashboard, String panel, String refId) {
    Instant now = Instant.now();
    return panels.run(panels.target(dashboard, panel, refId, now.minus(Duration.ofMinutes(5)), now));
  }

  private static Map<String, Double> lastByService(QueryResult result) {
    Map<String, Double> values = new TreeMap<>();
    result.series().forEach(s -> values.put(s.labels().get("service"), s.last().orElse(Double.NaN)));
    return values;
  }

  private static double instant(String promql) {
    URI uri = stack.prometheusUri().resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode result = JsonHttp.anonymous().get(uri).path("data").path("result");
    assertThat(result.size()).as("%s: %s", promql, result).isEqualTo(1);
    return Double.parseDouble(result.get(0).path("value").get(1).asText());
  }
}
