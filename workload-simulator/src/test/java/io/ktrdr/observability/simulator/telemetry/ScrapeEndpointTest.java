package io.ktrdr.observability.simulator.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScrapeEndpointTest {

  private static final String PROMETHEUS_3 = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
      + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
      + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

  @Test
  void contentTypeIsChosenAsPrometheusClientChoosesIt() {
    assertThat(ScrapeEndpoint.contentType(null)).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(ScrapeEndpoint.contentType(PROMETHEUS_3))
        .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=allow-utf-8");
    assertThat(ScrapeEndpoint.contentType("text/plain;version=1.0.0;escaping=allow-utf-8;q=0.6,*/*;q=0.5"))
        .isEqualTo("text/plain; version=1.0.0; charset=utf-8; escaping=allow-utf-8");
    assertThat(ScrapeEndpoint.contentType("text/plain;version=0.0.4;q=0.6,*/*;q=0.5"))
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(ScrapeEndpoint.contentType("application/openmetrics-text"))
        .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    // Header order, not q, decides; an OpenMetrics version below 1.0.0 is passed over.
    assertThat(ScrapeEndpoint.contentType("application/openmetrics-text;version=0.0.1,text/plain;version=1.0.0;escaping=bogus"))
        .isEqualTo("text/plain; version=1.0.0; charset=utf-8; escaping=underscores");
  }

  @Test
  void aWorkerAnswersTheTextFormatWhateverIsAsked() {
    PrometheusRegistry registry = new PrometheusRegistry();
    HttpTelemetry.Response response = ScrapeEndpoint.textOnly(registry).render(PROMETHEUS_3);
    assertThat(response.contentType()).isEqualTo("text/plain; version=1.0.0; charset=utf-8");
    assertThat(response.streamed()).isFalse();
    assertThat(ScrapeEndpoint.negotiating(registry).render(PROMETHEUS_3).streamed()).isTrue();
  }

  @Test
  void anOpenTelemetryMetricGetsOneHelpAndTypeBlockPerSetOfLabelNames() {
    PrometheusRegistry registry = backendRegistry(histogram -> {
      histogram.record(3, Attributes.builder().put("http.method", "GET").put("http.target", "/api/v1/operations").build());
      histogram.record(4, Attributes.builder().put("http.method", "GET").build());
    });

    String text = ScrapeEndpoint.negotiating(registry).render(null).body();
    String openMetrics = ScrapeEndpoint.negotiating(registry).render(PROMETHEUS_3).body();

    assertThat(count(text, "# TYPE http_server_duration_milliseconds histogram")).isEqualTo(2);
    assertThat(count(text, "# HELP http_server_duration_milliseconds Measures the duration")).isEqualTo(2);
    assertThat(count(openMetrics, "# TYPE http_server_duration_milliseconds histogram")).isEqualTo(2);
    assertThat(count(openMetrics, "# EOF")).isEqualTo(1);
    assertThat(openMetrics).endsWith("# EOF\n");
  }

  @Test
  void aMetricNeverSetIsDeclaredWithoutSamplesAsPrometheusClientDoes() {
    PrometheusRegistry registry = new PrometheusRegistry();
    io.prometheus.metrics.core.metrics.Gauge.builder().name("ktrdr_workers_available").help("Number of available workers")
        .labelNames("worker_type").register(registry);
    io.prometheus.metrics.core.metrics.Counter.builder().name("ktrdr_operations_total").help("Total number of operations")
        .labelNames("operation_type", "status").register(registry);

    String text = ScrapeEndpoint.textOnly(registry).render(null).body();
    String openMetrics = ScrapeEndpoint.negotiating(registry).render(PROMETHEUS_3).body();

    assertThat(text.split("\n")).containsExactlyInAnyOrder(
        "# HELP ktrdr_workers_available Number of available workers", "# TYPE ktrdr_workers_available gauge",
        "# HELP ktrdr_operations_total Total number of operations", "# TYPE ktrdr_operations_total counter");
    assertThat(text).contains("# HELP ktrdr_operations_total Total number of operations\n# TYPE ktrdr_operations_total counter\n");
    assertThat(openMetrics.split("\n")).containsExactlyInAnyOrder(
        "# HELP ktrdr_workers_available Number of available workers", "# TYPE ktrdr_workers_available gauge",
        "# HELP ktrdr_operations Total number of operations", "# TYPE ktrdr_operations counter", "# EOF");
    assertThat(openMetrics).endsWith("# EOF\n");
  }

  @Test
  void targetInfoCarriesHelpAndTheTelemetrySdkOfKtrdr() {
    PrometheusRegistry registry = backendRegistry(histogram -> histogram.record(1, Attributes.empty()));

    String text = ScrapeEndpoint.negotiating(registry).render(null).body();

    assertThat(text).contains("# HELP target_info Target metadata\n");
    assertThat(Arrays.stream(text.split("\n")).filter(l -> l.startsWith("target_info{")).findFirst().orElseThrow())
        .contains("service_name=\"ktrdr-api\"", "telemetry_sdk_language=\"python\"", "telemetry_sdk_name=\"opentelemetry\"",
            "telemetry_sdk_version=\"1.38.0\"")
        .doesNotContain("java");
  }

  private static PrometheusRegistry backendRegistry(java.util.function.Consumer<DoubleHistogram> record) {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusMetricReader reader = PrometheusMetricReader.builder().setOtelScopeLabelsEnabled(false).build();
    SdkMeterProvider provider = SdkMeterProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.builder()
            .put("service.name", "ktrdr-api").build())))
        .registerMetricReader(reader).build();
    ScrapeEndpoint.registerOpenTelemetry(registry, reader);
    record.accept(provider.get(HttpTelemetry.SERVER_SCOPE).histogramBuilder("http.server.duration").setUnit("ms")
        .setDescription("Measures the duration of inbound HTTP requests.").build());
    return registry;
  }

  private static int count(String text, String line) {
    return (int) Arrays.stream(text.split("\n")).filter(l -> l.startsWith(line)).count();
  }
}
