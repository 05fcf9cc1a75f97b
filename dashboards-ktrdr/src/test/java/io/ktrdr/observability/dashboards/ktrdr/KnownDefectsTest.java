package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.exprs;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.promql;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defects of KTRDR's first dashboards, as the telemetry contract lists them, cannot come back.
 */
class KnownDefectsTest {

  private static final Set<String> KTRDR_JOBS = Set.of("ktrdr-backend", "ktrdr-workers");
  private static final Pattern JOB_MATCHER = Pattern.compile("\\bjob\\s*(=~|!~|=|!=)\\s*\"([^\"]*)\"");
  private static final Pattern LABEL_MATCHER =
      Pattern.compile("\\b([a-z_]+)\\s*(=~|!~|=|!=)\\s*\"([^\"]*)\"");
  private static final Pattern COUNTER_RANGE =
      Pattern.compile("\\b(rate|irate|increase)\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

  private final List<Dashboard> dashboards = KtrdrDashboards.all();

  private List<String> everyQuery() {
    List<String> queries = new ArrayList<>();
    dashboards.forEach(dashboard -> queries.addAll(promql(dashboard)));
    return queries;
  }

  @Test
  void noQueryOrLinkMatchesOnInstanceHostOrPort() {
    for (Dashboard dashboard : dashboards) {
      String json = DashboardJson.write(dashboard);
      assertThat(json).as(dashboard.uid()).doesNotContain("instance");
      assertThat(json).as(dashboard.uid()).doesNotContainPattern(":500[0-9]");
      assertThat(json).as(dashboard.uid()).doesNotContain("localhost", "backend:8000");
    }
  }

  @Test
  void everyJobMatcherNamesOnlyTheContractsScrapeJobsExactly() {
    int matchers = 0;
    for (String query : everyQuery()) {
      Matcher job = JOB_MATCHER.matcher(query);
      while (job.find()) {
        matchers++;
        assertThat(job.group(1)).as(query).isIn("=", "=~");
        for (String alternative : job.group(2).split("\\|")) {
          assertThat(alternative).as("job alternative in " + query).isIn(KTRDR_JOBS);
        }
      }
    }
    assertThat(matchers).isGreaterThan(10);
  }

  @Test
  void servicesAndWorkersAreNarrowedOnlyByVariablesSoEveryWorkerAppears() {
    for (String query : everyQuery()) {
      Matcher label = LABEL_MATCHER.matcher(query);
      while (label.find()) {
        if (label.group(1).equals("service")) {
          assertThat(label.group(2) + label.group(3)).as(query).isEqualTo("=~$service");
        }
        if (label.group(1).equals("worker_type")) {
          assertThat(label.group(2) + label.group(3)).as(query).isEqualTo("=~$worker_type");
        }
      }
    }
  }

  @Test
  void cpuAndMemoryCoverTheBackendAndTheWorkers() {
    Dashboard overview = SystemOverviewDashboard.build();
    for (String title : List.of("CPU per service", "Memory per service")) {
      assertThat(exprs(Dashboards.panel(overview, title)))
          .singleElement()
          .asString()
          .contains("job=~\"ktrdr-backend|ktrdr-workers\"");
    }
  }

  @Test
  void operationDurationsComeFromTheOperationHistogramNotFromHttpLatency() {
    Dashboard operations = OperationsDashboard.build();
    for (String title :
        List.of("Operation duration distribution", "Operation duration p50 and p95 by type")) {
      assertThat(exprs(Dashboards.panel(operations, title)))
          .as(title)
          .isNotEmpty()
          .allMatch(expr -> expr.contains("ktrdr_operation_duration_seconds_bucket"));
    }
    assertThat(promql(operations)).noneMatch(expr -> expr.contains("http_server"));
  }

  @Test
  void operationsDashboardUsesTheRunningOperationsAndTheStatusLabel() {
    List<String> queries = promql(OperationsDashboard.build());
    assertThat(queries).anyMatch(expr -> expr.contains(
        KtrdrRecordingRules.OPERATIONS_RUNNING.record()));
    assertThat(KtrdrRecordingRules.OPERATIONS_RUNNING.expr().toString())
        .contains("ktrdr_operations_active{job=\"ktrdr-workers\"}")
        .contains("ktrdr_operations_active{job=\"ktrdr-backend\"}");
    assertThat(queries).anyMatch(expr -> expr.contains("status=\"failed\""));
    assertThat(queries).anyMatch(expr -> expr.contains("status=\"completed\""));
  }

  /**
   * KTRDR's workers count the operations they run; the backend counts its own and fails some of
   * the workers' spuriously (telemetry contract, "Where operations are counted"). Every operation
   * query reads both jobs, the workers first, and lets the backend count only the types no worker
   * exposes: {@code <workers> or on (operation_type) <backend>}.
   */
  @Test
  void everyOperationQueryCountsEachTypeOnceWorkersFirst() {
    List<String> operationQueries = new ArrayList<>();
    for (String query : everyQuery()) {
      if (query.contains("ktrdr_operations_total") || query.contains("ktrdr_operation_duration")) {
        operationQueries.add(query);
      }
    }
    assertThat(operationQueries).hasSizeGreaterThanOrEqualTo(8);
    for (String query : operationQueries) {
      int workers = query.indexOf("job=\"ktrdr-workers\"");
      int or = query.indexOf(" or on (operation_type) ");
      int backend = query.indexOf("job=\"ktrdr-backend\"");
      assertThat(workers).as("worker side of " + query).isNotNegative();
      assertThat(or).as("or on (operation_type) in " + query).isGreaterThan(workers);
      assertThat(backend).as("backend side of " + query).isGreaterThan(or);
      assertThat(query).as(query).doesNotContain("job=~");
    }
  }

  @Test
  void countersAreOnlyReadThroughRateOrIncreaseOverAWindow() {
    Set<String> counters =
        Set.of(
            "ktrdr_operations_total",
            "ktrdr_operation_duration_seconds_bucket",
            "http_server_duration_milliseconds_count",
            "http_server_duration_milliseconds_bucket",
            "process_cpu_seconds_total");
    for (String query : everyQuery()) {
      // A recorded series (level:metric:operations) is already a rate, though it names its counter.
      String raw = query.replaceAll("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+", "recorded");
      for (String counter : counters) {
        int uses = occurrences(raw, counter);
        int windowed = 0;
        Matcher range = COUNTER_RANGE.matcher(query);
        while (range.find()) {
          if (range.group(2).equals(counter)) {
            windowed++;
          }
        }
        assertThat(windowed).as(counter + " read raw in " + query).isEqualTo(uses);
      }
    }
  }

  @Test
  void successAndFailureRatesUseRatesOverTheWindowNotLifetimeTotals() {
    Panel rates =
        Dashboards.panel(OperationsDashboard.build(), "Operation success and failure rate");
    assertThat(exprs(rates))
        .hasSize(3)
        .allMatch(expr -> expr.startsWith("sum(sum by (operation_type) (rate(ktrdr_operations_total{"))
        .allMatch(expr -> expr.contains("[$__rate_interval]"))
        .noneMatch(expr -> expr.contains("[$__range]"));
  }

  @Test
  void theRegisteredWorkersGaugeIsNeverTreatedAsACounter() {
    for (String query : everyQuery()) {
      if (query.contains("ktrdr_workers_registered_total")) {
        assertThat(query).as(query).doesNotContain("rate(", "increase(");
      }
    }
  }

  @Test
  void httpMetricsAreReadFromTheBackendOnly() {
    for (String query : everyQuery()) {
      if (query.contains("http_server_")) {
        assertThat(query).as(query).contains("job=\"ktrdr-backend\"").doesNotContain("ktrdr-workers");
      }
    }
  }

  @Test
  void operationTracesAreFoundUnderTheStableBackendServiceNotUnderWorkerIds() {
    Panel recent = Dashboards.panel(OperationsDashboard.build(), "Recent operations");
    assertThat(recent.jaegerTargets()).isNotEmpty().allMatch(t -> "ktrdr-api".equals(t.service()));
    for (Dashboard dashboard : dashboards) {
      assertThat(DashboardJson.write(dashboard))
          .as(dashboard.uid())
          .doesNotContain("ktrdr-backtest-worker-", "ktrdr-training-worker-");
    }
  }

  private static int occurrences(String text, String word) {
    Matcher matcher = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
