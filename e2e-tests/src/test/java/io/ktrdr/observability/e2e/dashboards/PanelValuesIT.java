package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.JaegerPanelQuery;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the panels show matches what the simulated KTRDR did, not only that they show something. */
@Order(3)
@ExtendWith(SharedStack.class)
class PanelValuesIT {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private static final Set<String> SERVICES =
      Set.of("backend", "backtest-worker-1", "backtest-worker-2", "training-worker-1", "training-worker-2");

  private static StackHandle stack;
  private static Panels panels;
  private static SimulatorRun simulator;

  @BeforeAll
  static void steadyWorkload(StackHandle sharedStack) {
    stack = sharedStack;
    panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    simulator = SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));
  }

  private static QueryResult lastSixHours(String dashboard, String panel, String refId) {
    Instant now = Instant.now();
    return panels.run(panels.target(dashboard, panel, refId, now.minus(Duration.ofHours(6)), now));
  }

  private static Map<String, Double> lastValueBy(QueryResult result, String label) {
    Map<String, Double> values = new TreeMap<>();
    result.series().forEach(s -> values.put(s.labels().getOrDefault(label, ""), s.last().orElse(Double.NaN)));
    return values;
  }

  @Test
  void systemOverviewShowsTheBackendAndFourWorkersUp() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      QueryResult health = lastSixHours("ktrdr-system-overview", "Service health", "A");

      assertThat(lastValueBy(health, "service"))
          .as("service health values\n%s", health.describe())
          .isEqualTo(SERVICES.stream().collect(Collectors.toMap(s -> s, s -> 1.0)));
    });
  }

  @Test
  void workerStatusShowsFourRegisteredWorkersTwoOfEachType() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      QueryResult all = lastSixHours("ktrdr-worker-status", "Registered workers", "A");
      QueryResult byType = lastSixHours("ktrdr-worker-status", "Registered workers", "B");

      assertThat(all.series()).as(all.describe()).hasSize(1);
      assertThat(all.series().get(0).last().orElseThrow()).as(all.describe()).isEqualTo(4.0);
      assertThat(lastValueBy(byType, "worker_type")).as(byType.describe())
          .isEqualTo(Map.of("backtesting", 2.0, "training", 2.0));
    });
  }

  /**
   * Operations by type count over the dashboard's range, here the simulator's run. Prometheus never
   * sees a labelled counter at 0 (it appears at its first increment), so increase() misses one per
   * type and status; that, and what ends between the last scrape and the query, is the tolerance.
   */
  @Test
  void operationsByTypeMatchTheSimulatorsGroundTruth() {
    awaitSomeOperationsEnded();
    await().atMost(DEADLINE).untilAsserted(() -> {
      GroundTruth before = simulator.groundTruth();
      Instant now = Instant.now();
      PanelQuery query = panels.target("ktrdr-operations", "Operations by type", "A", simulator.startedAt(), now);
      QueryResult byType = panels.run(query);
      GroundTruth after = simulator.groundTruth();

      Map<String, Double> shown = lastValueBy(byType, "operation_type");
      RunFigures.record("operations by type, panel vs ground truth (before..after the query)", types(after).stream().sorted()
          .map(type -> String.format(java.util.Locale.ROOT, "%s %.1f vs %d..%d", type, shown.getOrDefault(type, 0.0),
              ended(before, type, null), ended(after, type, null)))
          .collect(Collectors.joining(", ")));
      for (String type : types(after)) {
        assertThat(shown.getOrDefault(type, 0.0))
            .as("operations of type %s: ground truth %d before and %d after the query\n%s",
                type, ended(before, type, null), ended(after, type, null), byType.describe())
            .isBetween(ended(before, type, null) - tolerance(after, type, null, before), ended(after, type, null) + 0.5);
      }
    });
  }

  @Test
  void operationsByWorkerTypeAndStatusMatchTheSimulatorsGroundTruth() {
    awaitSomeOperationsEnded();
    Map<String, List<String>> statusesByRefId = Map.of("A", List.of("completed"), "B", List.of("failed", "cancelled"));
    await().atMost(DEADLINE).untilAsserted(() -> {
      for (Map.Entry<String, List<String>> refId : statusesByRefId.entrySet()) {
        GroundTruth before = simulator.groundTruth();
        PanelQuery query = panels.target("ktrdr-worker-status", "Operations by worker type", refId.getKey(),
            simulator.startedAt(), Instant.now());
        QueryResult result = panels.run(query);
        GroundTruth after = simulator.groundTruth();
        Map<String, Double> shown = lastValueBy(result, "operation_type");
        for (String type : List.of("backtesting", "training")) {
          long low = refId.getValue().stream().mapToLong(status -> ended(before, type, status)).sum();
          long high = refId.getValue().stream().mapToLong(status -> ended(after, type, status)).sum();
          double slack = refId.getValue().stream().mapToDouble(status -> tolerance(after, type, status, before)).sum();
          assertThat(shown.get(type))
              .as("%s operations %s: ground truth %d before and %d after the query\n%s",
                  type, refId.getValue(), low, high, result.describe())
              .isNotNull()
              .isBetween(low - slack, high + 0.5);
        }
      }
    });
  }

  @Test
  void aFailedOperationsTraceIsReachableFromTheRecentOperationsTable() {
    await().atMost(DEADLINE.plusSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      QueryResult recent = lastSixHours("ktrdr-operations", "Recent operations", "A");
      QueryResult failed = lastSixHours("ktrdr-operations", "Recent operations", "B");
      Set<String> failedIds = failed.series().stream().map(s -> s.labels().get("traceID")).collect(Collectors.toSet());
      List<String> failedRows = recent.series().stream().map(s -> s.labels().get("traceID")).filter(failedIds::contains).toList();

      // The table joins both searches by trace id: a row marked failed is a trace in both.
      assertThat(failedRows).as("trace ids of rows marked failed\n%s\n%s", recent.describe(), failed.describe()).isNotEmpty();

      String traceId = failedRows.get(0);
      PanelQuery opened = new JaegerPanelQuery(recent.query().panel(), "jaeger", "", null, null, null, null, traceId,
          recent.query().window());
      QueryResult trace = panels.run(opened);
      List<JsonNode> spans = spans(trace.body());
      String operationId = spans.stream().filter(s -> "operations.create".equals(s.path("operationName").asText()))
          .map(s -> tag(s, "operation.id")).findFirst().orElse(null);

      assertThat(operationId).as("operation.id of the operations.create span of trace %s\n%s", traceId, trace.describe()).isNotNull();
      assertThat(spans)
          .as("spans of trace %s: one of operation %s marked failed", traceId, operationId)
          .anySatisfy(span -> {
            assertThat(tag(span, "operation.id")).isEqualTo(operationId);
            assertThat(tag(span, "operation.status")).isEqualTo("failed");
          });
    });
  }

  private static List<JsonNode> spans(JsonNode traceAnswer) {
    List<JsonNode> spans = new java.util.ArrayList<>();
    traceAnswer.path("data").forEach(trace -> trace.path("spans").forEach(spans::add));
    return spans;
  }

  private static String tag(JsonNode span, String key) {
    for (JsonNode tag : span.path("tags")) {
      if (key.equals(tag.path("key").asText())) {
        return tag.path("value").asText();
      }
    }
    return null;
  }

  private static void awaitSomeOperationsEnded() {
    await().atMost(DEADLINE).until(() -> simulator.groundTruth().operationsEnded() >= 20);
  }

  /** The types a scraped process counts: not agent_design and agent_assessment, which run in KTRDR's unscraped agent workers. */
  private static Set<String> types(GroundTruth truth) {
    return truth.operations().stream().filter(c -> !c.countedOn().equals("unscraped"))
        .map(GroundTruth.OperationCount::operationType).collect(Collectors.toSet());
  }

  /** Operations of {@code type} ended with {@code status} (any status when null). */
  private static long ended(GroundTruth truth, String type, String status) {
    return truth.operations().stream()
        .filter(c -> c.operationType().equals(type) && (status == null || c.status().equals(status)))
        .mapToLong(GroundTruth.OperationCount::count)
        .sum();
  }

  /** One first increment per counter series, plus what ended between two scrapes before the query. */
  private static double tolerance(GroundTruth after, String type, String status, GroundTruth before) {
    Map<String, Long> series = new HashMap<>();
    after.operations().stream()
        .filter(c -> c.operationType().equals(type) && (status == null || c.status().equals(status)) && c.count() > 0)
        .forEach(c -> series.put(c.status(), c.count()));
    double perSecond = ended(after, type, status)
        / Math.max(1.0, Duration.between(simulator.startedAt(), Instant.now()).toSeconds());
    return series.size() + perSecond * 2 * stack.scrapeInterval().toSeconds() + 1;
  }
}
