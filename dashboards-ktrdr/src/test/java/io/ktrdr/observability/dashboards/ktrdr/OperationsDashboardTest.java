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
  void activeOperationsReadsTheActiveGauge() {
    Panel active = panel("Active operations");
    assertThat(active.type()).isEqualTo("stat");
    assertThat(exprs(active))
        .containsExactly(
            "sum(ktrdr_operations_active{job=\"ktrdr-backend\", environment=~\"$environment\"})");
    assertThat(active.unit()).isEqualTo("none");
  }

  @Test
  void operationsByTypeIsAPieOfOperationsEndedInTheRange() {
    Panel byType = panel("Operations by type");
    assertThat(byType.type()).isEqualTo("piechart");
    assertThat(exprs(byType))
        .containsExactly(
            "sum by (operation_type) (increase(ktrdr_operations_total" + OPERATIONS + "}[$__range]))");
    assertThat(legends(byType)).containsExactly("{{operation_type}}");
    assertThat(byType.prometheusTargets().get(0).fixedWindowReason()).isNotBlank();
  }

  @Test
  void successAndFailureRateAreRatesByStatusWithZeroBeforeTheFirstOperationEnds() {
    Panel rates = panel("Operation success and failure rate");
    assertThat(exprs(rates))
        .containsExactly(
            "sum(rate(ktrdr_operations_total"
                + OPERATIONS
                + ", status=\"completed\"}[$__rate_interval])) * 60 or vector(0)",
            "sum(rate(ktrdr_operations_total"
                + OPERATIONS
                + ", status=\"failed\"}[$__rate_interval])) * 60 or vector(0)",
            "sum(rate(ktrdr_operations_total"
                + OPERATIONS
                + ", status=\"cancelled\"}[$__rate_interval])) * 60 or vector(0)");
    assertThat(legends(rates)).containsExactly("completed", "failed", "cancelled");
    assertThat(rates.unit()).isEqualTo("opm");
  }

  @Test
  void durationDistributionIsTheOperationHistogramPerBucket() {
    Panel distribution = panel("Operation duration distribution");
    assertThat(distribution.type()).isEqualTo("bargauge");
    assertThat(exprs(distribution))
        .containsExactly(
            "sum by (le) (increase(ktrdr_operation_duration_seconds_bucket"
                + OPERATIONS
                + "}[$__range]))");
    PrometheusTarget buckets = distribution.prometheusTargets().get(0);
    assertThat(buckets.format()).isEqualTo(PrometheusTarget.Format.HEATMAP);
    assertThat(buckets.isInstant()).isTrue();
    assertThat(buckets.legendFormat()).isEqualTo("{{le}}");
  }

  @Test
  void durationQuantilesByTypeComeFromTheOperationHistogramOfCompletedOperations() {
    Panel quantiles = panel("Operation duration p50 and p95 by type");
    assertThat(exprs(quantiles))
        .containsExactly(
            "histogram_quantile(0.5, sum by (le, operation_type)"
                + " (increase(ktrdr_operation_duration_seconds_bucket"
                + OPERATIONS
                + ", status=\"completed\"}[$__range]))) > 0",
            "histogram_quantile(0.95, sum by (le, operation_type)"
                + " (increase(ktrdr_operation_duration_seconds_bucket"
                + OPERATIONS
                + ", status=\"completed\"}[$__range]))) > 0");
    assertThat(quantiles.unit()).isEqualTo("s");
    assertThat(quantiles.option("xField").asText()).isEqualTo("Operation type");
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
