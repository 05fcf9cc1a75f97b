package io.ktrdr.observability.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricCatalogTest {

  private final MetricCatalog catalog =
      MetricCatalog.builder()
          .counter("ktrdr_operations_total")
          .counter("process_cpu_seconds")
          .gauge("ktrdr_workers_registered_total")
          .histogram("http_server_duration_milliseconds")
          .summary("rpc_seconds")
          .recorded("job:ktrdr_operations:rate5m")
          .build();

  @Test
  void histogramNamesImplyTheirSeries() {
    for (String series : new String[] {"_bucket", "_sum", "_count"}) {
      assertThat(catalog.resolve("http_server_duration_milliseconds" + series))
          .hasValueSatisfying(s -> assertThat(s.isCumulative()).isTrue());
    }
    assertThat(catalog.resolve("http_server_duration_milliseconds_created"))
        .hasValueSatisfying(s -> assertThat(s.isCumulative()).isFalse());
  }

  @Test
  void countersMayBeListedWithOrWithoutTotal() {
    assertThat(catalog.resolve("process_cpu_seconds_total")).hasValueSatisfying(s -> {
      assertThat(s.type()).isEqualTo(MetricType.COUNTER);
      assertThat(s.isCumulative()).isTrue();
    });
    assertThat(catalog.contains("ktrdr_operations_total")).isTrue();
    assertThat(catalog.resolve("ktrdr_operations_created"))
        .hasValueSatisfying(s -> assertThat(s.isCumulative()).isFalse());
    assertThat(catalog.contains("ktrdr_operations")).isFalse();
  }

  @Test
  void theListedTypeDecidesNotTheSuffix() {
    assertThat(catalog.resolve("ktrdr_workers_registered_total")).hasValueSatisfying(s -> {
      assertThat(s.type()).isEqualTo(MetricType.GAUGE);
      assertThat(s.isCumulative()).isFalse();
    });
    assertThat(catalog.contains("ktrdr_workers_registered_bucket")).isFalse();
  }

  @Test
  void summariesRecordedSeriesAndScrapeSeriesResolve() {
    assertThat(catalog.resolve("rpc_seconds")).hasValueSatisfying(
        s -> assertThat(s.isCumulative()).isFalse());
    assertThat(catalog.resolve("rpc_seconds_count")).hasValueSatisfying(
        s -> assertThat(s.isCumulative()).isTrue());
    assertThat(catalog.contains("rpc_seconds_bucket")).isFalse();
    assertThat(catalog.contains("job:ktrdr_operations:rate5m")).isTrue();
    assertThat(catalog.contains("up")).isTrue();
    assertThat(MetricCatalog.builder().withoutScrapeSeries().build().contains("up")).isFalse();
  }

  @Test
  void familiesWithoutCreatedSeriesHaveNone() {
    MetricCatalog otel =
        MetricCatalog.builder()
            .metric("http_server_duration_milliseconds", MetricType.HISTOGRAM, false)
            .metric("process_cpu_seconds_total", MetricType.COUNTER, false)
            .build();

    assertThat(otel.contains("http_server_duration_milliseconds_count")).isTrue();
    assertThat(otel.contains("http_server_duration_milliseconds_created")).isFalse();
    assertThat(otel.contains("process_cpu_seconds_created")).isFalse();
  }

  @Test
  void aMetricListedWithTwoTypesIsRefused() {
    assertThatThrownBy(() -> MetricCatalog.builder().counter("x").gauge("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric x listed as COUNTER and GAUGE");
  }
}
