package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.PanelAnswers;
import io.ktrdr.observability.e2e.dashboards.GrafanaFrontendJudge.PanelView;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.PrometheusPanelQuery;
import io.ktrdr.observability.simulator.GroundTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * panels' transformations and field config by @grafana/data), against the simulator's ground truth.
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
    simulator = SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));
  }

  @AfterAll
  static void backToTheSteadyWorkloadAndRecordTime() {
    // The classes after this one on the shared stack expect the steady workload, not the storm.
    SharedStack.simulator(stack, SimulatorSettings.scenario("steady"));
    RunFigures.record("GrafanaFrontendJudgeIT, all its tests (what the judge adds to the end-to-end run)",
        Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /** Every panel of the dashboard at its defaults over its default range ending now, as the viewer sees it. */
  private static Map<String, PanelView> viewsOf(String uid) {
    return viewsOf(uid, null);
  }

  /** As {@link #viewsOf(String)}, over the last {@code range} (null: the dashboard's default range). */
  private static Map<String, PanelView> viewsOf(String uid, Duration range) {
    Map<String, PanelView> views = new LinkedHashMap<>();
    GrafanaFrontendJudge.judge(answersOf(uid, range)).forEach(view -> views.put(view.title(), view));
    return views;
  }

  /** Every panel of every dashboard at its defaults, judged in one call. */
  private static List<PanelView> viewsOfEveryDashboard() {
    List<PanelAnswers> request = new ArrayList<>();
    Panels.DASHBOARDS.forEach(dashboard -> request.addAll(answersOf(dashboard.uid(), null)));
    return GrafanaFrontendJudge.judge(request);
  }

  /** Each panel of the dashboard with this run's raw answer to each of its targets. */
  private static List<PanelAnswers> answersOf(String uid, Duration range) {
    Dashboard dashboard = Panels.dashboard(uid);
    Instant to = Instant.now();
    Instant from = range == null ? Panels.defaultFrom(dashboard, to) : to.minus(range);
    JsonNode json = dashboardJson(uid);
    Map<String, Map<String, JsonNode>> answers = new LinkedHashMap<>();
    Map<String, Long> steps = new LinkedHashMap<>();
    for (PanelQuery query : panels.plan(dashboard, Map.of(), from, to)) {
      String title = query.panel().panelTitle();
      answers.computeIfAbsent(title, t -> new LinkedHashMap<>()).put(query.panel().refId(), panels.run(query).body());
      if (query instanceof PrometheusPanelQuery prometheus) {
        steps.put(title, prometheus.window().step().toMillis());
      }
    }
    List<PanelAnswers> request = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      String title = panel.path("title").asText();
      // A row may have a panel's title ("Service health"); rows have no queries.
      if (!"row".equals(panel.path("type").asText()) && answers.containsKey(title)) {
        request.add(new PanelAnswers(uid, panel, answers.get(title), steps.getOrDefault(title, 15_000L)));
      }
    }
    return request;
  }

  private static JsonNode dashboardJson(String uid) {
    try {
      return JSON.readTree(ProjectFiles.dashboardsDirectory(ProjectFiles.root()).resolve(uid + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int column(PanelView view, String name) {
    int index = view.columns().indexOf(name);
    assertThat(index).as("column %s of %s", name, view.describe()).isNotNegative();
    return index;
  }

  @Test
  @Order(1)
  void everyPanelOfEveryDashboardShowsDataWithoutAFinding() {
    await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      long started = System.nanoTime();
      List<PanelView> all = viewsOfEveryDashboard();
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
  @Order(2)
  void registeredWorkersShowsTheWorkersOfTheGroundTruth() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      GroundTruth truth = simulator.groundTruth();
      PanelView registered = viewsOf("ktrdr-worker-status").get("Registered workers");
      assertThat(registered.values()).as(registered.describe())
          .contains(Map.of("title", "all", "text", Integer.toString(truth.workers().size())));
      assertThat(truth.workers()).hasSize(4);
    });
  }

  @Test
  @Order(3)
  void workerHealthListsEveryWorkerOfTheGroundTruthUp() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      GroundTruth truth = simulator.groundTruth();
      PanelView health = viewsOf("ktrdr-worker-status").get("Worker health");
      int worker = column(health, "Worker");
      int up = column(health, "Up");
      Map<String, String> shown = health.rows().stream().collect(Collectors.toMap(r -> r.get(worker), r -> r.get(up)));
      assertThat(shown).as(health.describe())
          .isEqualTo(truth.workers().stream().collect(Collectors.toMap(GroundTruth.WorkerTruth::name, w -> "UP")));
    });
  }

  @Test
  @Order(4)
  void recentOperationsListsTheNewestOperationsFirstWithTheirStartTime() {
    await().atMost(DEADLINE).untilAsserted(() -> {
      PanelView recent = viewsOf("ktrdr-operations").get("Recent operations");
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
      Map<String, PanelView> overview = viewsOf("ktrdr-system-overview");
      for (String title : List.of("Error rate", "CPU per service")) {
        PanelView view = overview.get(title);
        assertThat(view.series()).as(view.describe()).isNotEmpty()
            .allSatisfy(s -> assertThat(String.valueOf(s.get("last"))).matches("\\d+(\\.\\d+)?%"));
      }
    });
  }

  @Test
  @Order(6)
  void aWorkerOutageShowsOneWorkerDownInWorkerHealthThenAllUp() {
    stack.startSimulator(new SimulatorSettings("worker-outage", 1, WorkerOutageIT.FAULT_TIME_SCALE));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      PanelView health = viewsOf("ktrdr-worker-status").get("Worker health");
      int up = column(health, "Up");
      assertThat(health.rows().stream().map(r -> r.get(up)).sorted().toList()).as(health.describe())
          .containsExactly("DOWN", "UP", "UP", "UP");
    });
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      PanelView health = viewsOf("ktrdr-worker-status").get("Worker health");
      int up = column(health, "Up");
      assertThat(health.rows().stream().map(r -> r.get(up)).toList()).as(health.describe())
          .containsExactly("UP", "UP", "UP", "UP");
    });
  }

  /** As someone watching the incident: the last five minutes (at the default six hours the storm is a few points). */
  @Test
  @Order(7)
  void anErrorStormShowsInTheErrorRatePanelAsAPercentage() {
    stack.startSimulator(SimulatorSettings.scenario("error-storm"));
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      PanelView rate = viewsOf("ktrdr-system-overview", Duration.ofMinutes(5)).get("Error rate");
      assertThat(rate.series()).as(rate.describe()).hasSize(1);
      String max = String.valueOf(rate.series().get(0).get("max"));
      assertThat(max).as(rate.describe()).matches("\\d+(\\.\\d+)?%");
      assertThat(Double.parseDouble(max.substring(0, max.length() - 1)))
          .as("the 5xx share at its highest, as shown: %s", rate.describe())
          .isGreaterThanOrEqualTo(15.0);
      RunFigures.record("error storm, the Error rate panel's highest 5xx share as Grafana shows it", max);
    });
  }
}
