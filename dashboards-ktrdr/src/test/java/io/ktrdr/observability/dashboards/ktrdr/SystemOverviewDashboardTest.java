package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.exprs;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.legends;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.mappings;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.overrideOf;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.propertyValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import org.junit.jupiter.api.Test;

class SystemOverviewDashboardTest {

  /** Optional worker targets whose worker has not been up within a day are not services down. */
  static final String NEVER_STARTED_LEFT_OUT =
      " unless on (environment, service) service:ktrdr_optional_target_up:max1d{environment=~\"$environment\"} == 0";

  private static final String EVERY_SERVICE =
      "{job=~\"ktrdr-backend|ktrdr-workers\", environment=~\"$environment\","
          + " service=~\"$service\"}";
  private static final String BACKEND = "{job=\"ktrdr-backend\", environment=~\"$environment\"}";

  private final Dashboard overview = SystemOverviewDashboard.build();

  private Panel panel(String title) {
    return Dashboards.panel(overview, title);
  }

  @Test
  void showsThePanelsOfTheIssueInRows() {
    assertThat(overview.rows())
        .extracting(Panel::title)
        .containsExactly("Service health", "Backend traffic", "Services", "Resources");
    assertThat(overview.allPanels())
        .extracting(Panel::title)
        .containsExactly(
            "Service health",
            "Request rate",
            "Error rate",
            "Response time (p50, p95, p99)",
            "Active services",
            "CPU per service",
            "Memory per service");
  }

  @Test
  void serviceHealthShowsUpOfTheBackendAndOfEachWorkerAsUpOrDown() {
    Panel health = panel("Service health");
    assertThat(health.type()).isEqualTo("stat");
    assertThat(exprs(health)).containsExactly("up" + EVERY_SERVICE + NEVER_STARTED_LEFT_OUT);
    assertThat(legends(health)).containsExactly("{{service}}");
    assertThat(health.prometheusTargets()).allMatch(PrometheusTarget::isInstant);
    JsonNode upDown = mappings(health).get(0);
    assertThat(upDown.at("/options/1/text").asText()).isEqualTo("UP");
    assertThat(upDown.at("/options/1/color").asText()).isEqualTo("green");
    assertThat(upDown.at("/options/0/text").asText()).isEqualTo("DOWN");
    assertThat(upDown.at("/options/0/color").asText()).isEqualTo("red");
    assertThat(health.option("colorMode").asText()).isEqualTo("background");
  }

  @Test
  void requestRateIsTheRecordedRateOfBackendRequestsByMethod() {
    Panel requests = panel("Request rate");
    assertThat(exprs(requests))
        .containsExactly(
            "sum by (http_method) (service_method_code:http_server_requests:rate5m" + BACKEND + ")");
    assertThat(requests.unit()).isEqualTo("reqps");
  }

  @Test
  void errorRateIsTheShareOf5xxAndZeroWhileThereIsNone() {
    Panel errors = panel("Error rate");
    assertThat(exprs(errors))
        .containsExactly(
            "(sum(rate(http_server_duration_milliseconds_count{job=\"ktrdr-backend\","
                + " environment=~\"$environment\", http_status_code=~\"5..\"}[$__rate_interval]))"
                + " or vector(0))"
                + " / sum(rate(http_server_duration_milliseconds_count"
                + BACKEND
                + "[$__rate_interval]))");
    assertThat(errors.unit()).isEqualTo("percentunit");
    assertThat(errors.links())
        .extracting(DataLink::url)
        .hasSize(3)
        .allMatch(url -> url.startsWith("/explore?"))
        .anyMatch(url -> url.contains("http.status_code%3D500"))
        .anyMatch(url -> url.contains("http.status_code%3D503"))
        .anyMatch(url -> url.contains("worker.selection_status%3Dno_workers_available"));
  }

  @Test
  void responseTimeQuantilesComeFromTheRecordedMillisecondHistogram() {
    Panel latency = panel("Response time (p50, p95, p99)");
    String buckets = "service_le:http_server_duration_milliseconds_bucket:rate5m" + BACKEND;
    assertThat(exprs(latency))
        .containsExactly(
            "histogram_quantile(0.5, sum by (le) (" + buckets + "))",
            "histogram_quantile(0.95, sum by (le) (" + buckets + "))",
            "histogram_quantile(0.99, sum by (le) (" + buckets + "))");
    assertThat(legends(latency)).containsExactly("p50", "p95", "p99");
    assertThat(latency.unit()).isEqualTo("ms");
  }

  @Test
  void activeServicesListsEachServiceWithTypeUpAndLastScrape() {
    Panel services = panel("Active services");
    assertThat(services.type()).isEqualTo("table");
    assertThat(exprs(services))
        .containsExactly(
            "max by (environment, service, service_type, worker_type) (up" + EVERY_SERVICE
                + NEVER_STARTED_LEFT_OUT + ")",
            "max by (environment, service, service_type, worker_type) (timestamp(up"
                + EVERY_SERVICE
                + ")" + NEVER_STARTED_LEFT_OUT + ") * 1000");
    assertThat(services.prometheusTargets())
        .allMatch(target -> target.format() == PrometheusTarget.Format.TABLE)
        .allMatch(PrometheusTarget::isInstant);
    assertThat(services.transformations().get(1).options().get("renameByName").toString())
        .contains("\"service\":\"Service\"")
        .contains("\"service_type\":\"Type\"")
        .contains("\"Value #A\":\"Up\"")
        .contains("\"Value #B\":\"Last scrape\"");
    assertThat(propertyValue(overrideOf(services, "Up"), "mappings")).contains("DOWN");
    assertThat(propertyValue(overrideOf(services, "Last scrape"), "unit"))
        .isEqualTo("dateTimeFromNow");
  }

  @Test
  void cpuAndMemoryArePerServiceForTheBackendAndEveryWorker() {
    assertThat(exprs(panel("CPU per service")))
        .containsExactly(
            "sum by (service) (rate(process_cpu_seconds_total"
                + EVERY_SERVICE
                + "[$__rate_interval]))");
    assertThat(panel("CPU per service").unit()).isEqualTo("percentunit");
    assertThat(exprs(panel("Memory per service")))
        .containsExactly("sum by (service) (process_resident_memory_bytes" + EVERY_SERVICE + ")");
    assertThat(panel("Memory per service").unit()).isEqualTo("bytes");
  }
}
