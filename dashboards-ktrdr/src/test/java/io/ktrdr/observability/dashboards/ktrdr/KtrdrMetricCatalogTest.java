package io.ktrdr.observability.dashboards.ktrdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.lint.MetricCatalog;
import io.ktrdr.observability.dashboards.lint.MetricCatalog.Series;
import io.ktrdr.observability.dashboards.lint.MetricType;
import org.junit.jupiter.api.Test;

class KtrdrMetricCatalogTest {

  private final MetricCatalog catalog = KtrdrMetricCatalog.catalog();

  @Test
  void typesFollowTheContractIncludingTheGaugeNamedLikeACounter() {
    assertThat(catalog.families())
        .containsEntry("up", MetricType.GAUGE)
        .containsEntry("ktrdr_workers_registered_total", MetricType.GAUGE)
        .containsEntry("ktrdr_workers_available", MetricType.GAUGE)
        .containsEntry("ktrdr_operations_active", MetricType.GAUGE)
        .containsEntry("ktrdr_operations_total", MetricType.COUNTER)
        .containsEntry("ktrdr_operation_duration_seconds", MetricType.HISTOGRAM)
        .containsEntry("http_server_duration_milliseconds", MetricType.HISTOGRAM)
        .containsEntry("process_cpu_seconds_total", MetricType.COUNTER)
        .containsEntry("process_resident_memory_bytes", MetricType.GAUGE)
        .containsEntry("target_info", MetricType.INFO);
    assertThat(catalog.resolve("ktrdr_workers_registered_total").map(Series::isCumulative))
        .contains(false);
  }

  @Test
  void seriesBelongToTheirFamily() {
    assertThat(catalog.resolve("ktrdr_operation_duration_seconds_bucket"))
        .map(Series::family)
        .contains("ktrdr_operation_duration_seconds");
    assertThat(catalog.resolve("ktrdr_operation_duration_seconds_created")).isPresent();
    assertThat(catalog.resolve("ktrdr_operations_created"))
        .map(Series::family)
        .contains("ktrdr_operations_total");
    assertThat(catalog.resolve("http_server_duration_milliseconds_count"))
        .map(Series::family)
        .contains("http_server_duration_milliseconds");
  }

  @Test
  void namesKtrdrDoesNotEmitAreNotInTheCatalog() {
    // The name OpenTelemetry's exporter would give the registry gauge, newer HTTP conventions,
    // seconds instead of milliseconds, and a _created series the exporter does not write.
    assertThat(catalog.contains("ktrdr_workers_registered")).isFalse();
    assertThat(catalog.contains("http_server_request_duration_seconds_bucket")).isFalse();
    assertThat(catalog.contains("http_server_duration_seconds_bucket")).isFalse();
    assertThat(catalog.contains("http_server_duration_milliseconds_created")).isFalse();
    assertThat(catalog.contains("process_cpu_seconds_created")).isFalse();
    assertThat(catalog.contains("ktrdr_operations_active_total")).isFalse();
  }
}
