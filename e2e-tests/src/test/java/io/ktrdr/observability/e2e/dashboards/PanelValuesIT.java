package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the panels show matches what the simulated KTRDR did, not only that they show something: here
 * KTRDR as it behaves today (its orphan detector's spurious failures on the backend included);
 * {@link FixedKtrdrPanelValuesIT} holds the operation panels to the same truth once it is fixed.
 */
@Order(3)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PanelValuesIT {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private static final Set<String> SERVICES =
      Set.of("backend", "backtest-worker-1", "backtest-worker-2", "training-worker-1", "training-worker-2");

  private static StackHandle stack;
  private static Panels panels;
  private static SimulatorRun simulator;
  private static OperationPanelValues operations;

  @BeforeAll
  static void steadyWorkload(StackHandle sharedStack) {
    stack = sharedStack;
    panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    simulator = SharedStack.steady(stack);
    operations = new OperationPanelValues(stack, simulator);
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

  @Test
  void operationsByTypeMatchTheSimulatorsGroundTruth() {
    operations.operationsByTypeMatchTheGroundTruth();
  }

  @Test
  void operationsByWorkerTypeAndStatusMatchTheSimulatorsGroundTruth() {
    operations.operationsByWorkerTypeAndStatusMatchTheGroundTruth();
  }

  @Test
  void theDurationDistributionCountsEachOperationOnce() {
    operations.theDurationDistributionCountsEachOperationOnce();
  }

  @Test
  void activeOperationsIsTheNumberReallyRunningThoughTheBackendsGaugeIsBelowIt() {
    operations.activeOperationsIsTheNumberReallyRunning();
  }

  /**
   * First: the table lists the 20 newest operations, so the run's first failures (backend-local
   * ones, the only ones with a failed span) fall out of it as the run goes on.
   */
  @Test
  @Order(1)
  void aFailedOperationsTraceIsReachableFromTheRecentOperationsTable() {
    await().atMost(DEADLINE.plusSeconds(20)).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).untilAsserted(() -> {
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

}
