package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.column;
import static io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.viewsOf;
import static io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.viewsOfEveryDashboard;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.PanelView;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every panel as a viewer sees it, judged by Grafana's own front-end code (grafana-frontend: frames as
 * Grafana 13.2's datasources build them from this run's real Prometheus and Jaeger answers, the
 * panels' transformations and field config by @grafana/data), against the simulator's ground truth,
 * on the steady workload. The panels that need only the last scrapes first: the others wait, as
 * {@link EveryPanelIT} does, for the six-hour panels' first step with data. The judge under a worker
 * outage and an error storm: {@link GrafanaFrontendJudgeFaultsIT}.
 */
@Order(4)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GrafanaFrontendJudgeIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private static StackHandle stack;
  private static Panels panels;
  private static SimulatorRun simulator;
  private static long startedNanos;

  @BeforeAll
  static void steadyWorkload(StackHandle sharedStack) {
    startedNanos = System.nanoTime();
    stack = sharedStack;
    panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    simulator = SharedStack.steady(stack);
  }

  @AfterAll
  static void recordTime() {
    RunFigures.record("GrafanaFrontendJudgeIT, all its tests (what the judge adds to the end-to-end run)",
        Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  @Test
  @Order(4)
  void everyPanelOfEveryDashboardShowsDataWithoutAFinding() {
    // The six-hour panels have data from their first step after the run's first rates on: wait for
    // that (EveryPanelIT's watch, which fails naming any panel without) instead of judging until then.
    SharedStack.population(stack).await();
    await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      long started = System.nanoTime();
      List<PanelView> all = viewsOfEveryDashboard(panels);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      List<String> problems = new ArrayList<>();
      for (PanelView view : all) {
        view.findings().forEach(f -> problems.add(view.dashboardUid() + " / " + view.title() + ": " + f));
        if (view.shown() == 0) {
          problems.add(view.describe() + ": shows nothing");
        }
      }
      // What a viewer sees of every panel, kept for whoever reads the run (e2e-tests/target).
      JSON.writerWithDefaultPrettyPrinter().writeValue(
          ProjectFiles.root().resolve("e2e-tests/target/grafana-frontend-views.json").toFile(), all);
      assertThat(problems).as("panels as Grafana's front-end code shows them").isEmpty();
      RunFigures.record("grafana-frontend judge, every panel of every dashboard (queries and Node)", took);
    });
  }

  @Test
  @Order(1)
  void registeredWorkersShowsTheWorkersOfTheGroundTruth() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      GroundTruth truth = simulator.groundTruth();
      PanelView registered = viewsOf(panels, "ktrdr-worker-status").get("Registered workers");
      assertThat(registered.values()).as(registered.describe())
          .contains(Map.of("title", "all", "text", Integer.toString(truth.workers().size())));
      assertThat(truth.workers()).hasSize(4);
    });
  }

  @Test
  @Order(2)
  void workerHealthListsEveryWorkerOfTheGroundTruthUp() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      GroundTruth truth = simulator.groundTruth();
      PanelView health = viewsOf(panels, "ktrdr-worker-status").get("Worker health");
      int worker = column(health, "Worker");
      int up = column(health, "Up");
      Map<String, String> shown = health.rows().stream().collect(Collectors.toMap(r -> r.get(worker), r -> r.get(up)));
      assertThat(shown).as(health.describe())
          .isEqualTo(truth.workers().stream().collect(Collectors.toMap(GroundTruth.WorkerTruth::name, w -> "UP")));
    });
  }

  @Test
  @Order(3)
  void recentOperationsListsTheNewestOperationsFirstWithTheirStartTime() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      PanelView recent = viewsOf(panels, "ktrdr-operations").get("Recent operations");
      int start = column(recent, "Start time");
      assertThat(recent.rows()).as(recent.describe()).isNotEmpty();
      List<LocalDateTime> times = recent.rows().stream().map(r -> LocalDateTime.parse(r.get(start), SHOWN_TIME)).toList();
      assertThat(times).as("start times, newest first: %s", recent.describe())
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      Instant newest = times.get(0).toInstant(ZoneOffset.UTC);
      assertThat(newest).as("the newest operation started during this run: %s", recent.describe())
          .isAfterOrEqualTo(simulator.startedAt().minusSeconds(1))
          .isBeforeOrEqualTo(Instant.now());
    });
  }

  @Test
  @Order(5)
  void errorRateAndCpuShowAsPercentages() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      Map<String, PanelView> overview = viewsOf(panels, "ktrdr-system-overview");
      for (String title : List.of("Error rate", "CPU per service")) {
        PanelView view = overview.get(title);
        assertThat(view.series()).as(view.describe()).isNotEmpty()
            .allSatisfy(s -> assertThat(String.valueOf(s.get("last"))).matches("\\d+(\\.\\d+)?%"));
      }
    });
  }
}
