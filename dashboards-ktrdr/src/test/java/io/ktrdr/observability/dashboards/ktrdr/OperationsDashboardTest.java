package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.exprs;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.legends;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.overrideOf;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.propertyValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Transformation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperationsDashboardTest {

  private static final String OPERATIONS =
      "{job=\"ktrdr-backend\", environment=~\"$environment\", operation_type=~\"$operation_type\"";
  private static final String WORKER_OPERATIONS =
      "{job=\"ktrdr-workers\", environment=~\"$environment\", operation_type=~\"$operation_type\"";

  private final Dashboard operations = OperationsDashboard.build();

  private Panel panel(String title) {
    return Dashboards.panel(operations, title);
  }

  @Test
  void showsThePanelsOfTheIssue() {
    assertThat(operations.allPanels())
        .extracting(Panel::title)
        .containsExactly(
            "Active operations",
            "Operations by type",
            "Operation success and failure rate",
            "Operation duration distribution",
            "Operation duration p50 and p95 by type",
            "Recent operations");
  }

  @Test
  void activeOperationsReadsTheRecordedRunningOperationsNotTheBackendGaugeAlone() {
    Panel active = panel("Active operations");
    assertThat(active.type()).isEqualTo("stat");
    assertThat(exprs(active))
        .containsExactly(
            "sum(environment:ktrdr_operations_running:sum{environment=~\"$environment\"})");
    assertThat(active.unit()).isEqualTo("none");
  }

  @Test
  void operationsByTypeIsAPieOfOperationsEndedInTheRangeCountedWorkersFirst() {
    Panel byType = panel("Operations by type");
    assertThat(byType.type()).isEqualTo("piechart");
    assertThat(exprs(byType))
        .containsExactly(
            "sum by (operation_type) (increase(ktrdr_operations_total" + WORKER_OPERATIONS
                + "}[$__range])) or on (operation_type)"
                + " sum by (operation_type) (increase(ktrdr_operations_total" + OPERATIONS
                + "}[$__range]))");
    assertThat(legends(byType)).containsExactly("{{operation_type}}");
    assertThat(byType.prometheusTargets().get(0).fixedWindowReason()).isNotBlank();
  }

  @Test
  void successAndFailureRateAreRatesByStatusCountedOnceWithZeroBeforeTheFirstOperationEnds() {
    Panel rates = panel("Operation success and failure rate");
    assertThat(exprs(rates))
        .containsExactly(
            endingPerMinute("completed"), endingPerMinute("failed"), endingPerMinute("cancelled"));
    assertThat(legends(rates)).containsExactly("completed", "failed", "cancelled");
    assertThat(rates.unit()).isEqualTo("opm");
  }

  /**
   * The workers' operations of that status; a zero for every type the workers expose in any status,
   * so that the backend's series of such a type (its spurious orphan failures) never fill in; the
   * backend's series of the other types.
   */
  private static String endingPerMinute(String status) {
    String rate = "[$__rate_interval]))";
    return "sum(sum by (operation_type) (rate(ktrdr_operations_total" + WORKER_OPERATIONS
        + ", status=\"" + status + "\"}" + rate
        + " or sum by (operation_type) (rate(ktrdr_operations_total" + WORKER_OPERATIONS + "}" + rate
        + " * 0"
        + " or on (operation_type) sum by (operation_type) (rate(ktrdr_operations_total" + OPERATIONS
        + ", status=\"" + status + "\"}" + rate + ") * 60 or vector(0)";
  }

  @Test
  void durationDistributionIsTheOperationHistogramPerBucketCountedWorkersFirst() {
    Panel distribution = panel("Operation duration distribution");
    assertThat(distribution.type()).isEqualTo("bargauge");
    assertThat(exprs(distribution))
        .containsExactly(
            "sum by (le) (sum by (operation_type, le) (increase(ktrdr_operation_duration_seconds_bucket"
                + WORKER_OPERATIONS + "}[$__range])) or on (operation_type)"
                + " sum by (operation_type, le) (increase(ktrdr_operation_duration_seconds_bucket"
                + OPERATIONS + "}[$__range])))");
    PrometheusTarget buckets = distribution.prometheusTargets().get(0);
    assertThat(buckets.format()).isEqualTo(PrometheusTarget.Format.HEATMAP);
    assertThat(buckets.isInstant()).isTrue();
    assertThat(buckets.legendFormat()).isEqualTo("{{le}}");
  }

  @Test
  void durationQuantilesByTypeComeFromTheHistogramOfCompletedOperationsOfTheProcessThatRanThem() {
    Panel quantiles = panel("Operation duration p50 and p95 by type");
    assertThat(exprs(quantiles)).containsExactly(completedQuantile("0.5"), completedQuantile("0.95"));
    assertThat(quantiles.unit()).isEqualTo("s");
    assertThat(quantiles.option("xField").asText()).isEqualTo("Operation type");
  }

  private static String completedQuantile(String quantile) {
    String buckets = "sum by (operation_type, le) (increase(ktrdr_operation_duration_seconds_bucket";
    return "histogram_quantile(" + quantile + ", "
        + buckets + WORKER_OPERATIONS + ", status=\"completed\"}[$__range]))"
        + " or " + buckets + WORKER_OPERATIONS + "}[$__range])) * 0"
        + " or on (operation_type) " + buckets + OPERATIONS + ", status=\"completed\"}[$__range])))"
        + " > 0";
  }

  @Test
  void recentOperationsListsOperationTracesOfTheBackendAndFlagsFailedOnes() {
    Panel recent = panel("Recent operations");
    assertThat(recent.type()).isEqualTo("table");
    assertThat(recent.jaegerTargets())
        .extracting(
            JaegerTarget::refId,
            JaegerTarget::queryType,
            JaegerTarget::service,
            JaegerTarget::operation,
            JaegerTarget::tags,
            JaegerTarget::limit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "A", "search", "ktrdr-api", "operations.create", null, 20),
            org.assertj.core.groups.Tuple.tuple(
                "B", "search", "ktrdr-api", null, "operation.status=failed", 100));
    assertThat(recent.transformations())
        .extracting(Transformation::id)
        .containsExactly("organize", "joinByField", "filterByValue", "organize");
    Transformation failedColumn = recent.transformations().get(0);
    assertThat(failedColumn.toJson().at("/filter/options").asText()).isEqualTo("B");
    assertThat(failedColumn.options().at("/renameByName/Trace name").asText()).isEqualTo("Failed");
    assertThat(recent.transformations().get(1).options().get("byField").asText())
        .isEqualTo("Trace ID");
    assertThat(propertyValue(overrideOf(recent, "Failed"), "mappings"))
        .contains("\"match\":\"null\"", "\"text\":\"no\"", "\"pattern\":\".+\"", "\"text\":\"failed\"");
    assertThat(recent.unit()).as("the datasource gives each column its unit").isNull();
  }

  @Test
  void recentOperationsKeepsItsStartTimeColumnForTheSortToFind() {
    // organize's excludeByName {Time: true} also drops the time-typed "Start time" of joinByField's
    // output (a frame without meta.typeVersion), and sortBy "Start time" then matches nothing:
    // grafana-frontend's recent-operations test shows it with @grafana/data.
    Panel recent = panel("Recent operations");
    Transformation columns = recent.transformations().get(recent.transformations().size() - 1);
    assertThat(columns.id()).isEqualTo("organize");
    assertThat(columns.options().path("excludeByName").isMissingNode()
            || columns.options().path("excludeByName").isEmpty())
        .as("Recent operations' organize excludes nothing: %s", columns.options())
        .isTrue();
    assertThat(columns.options().at("/indexByName/Start time").asInt()).isEqualTo(1);
    assertThat(recent.options().at("/sortBy/0/displayName").asText()).isEqualTo("Start time");
  }

  @Test
  void eachRecentOperationLinksToItsTraceInExplore() {
    String links = propertyValue(overrideOf(panel("Recent operations"), "Trace ID"), "links");
    String url = links.substring(links.indexOf("/explore?"), links.indexOf("\",\"targetBlank\""));
    String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
    assertThat(decoded)
        .contains("\"datasource\":{\"type\":\"jaeger\",\"uid\":\"${jaeger}\"}")
        .contains("\"queryType\":\"\"")
        .contains("\"query\":\"${__value.raw}\"")
        .contains("\"range\":{\"from\":\"${__from}\",\"to\":\"${__to}\"}");
  }
}
