package io.ktrdr.observability.simulator.telemetry;

import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a service's registry as the Python client does: the text format, or OpenMetrics when the
 * scraper asks for it, with {@code _created} series beside counters and histograms.
 */
public final class ScrapeEndpoint {

  private static final ExpositionFormatWriter TEXT =
      // Python writes _created in seconds since the epoch.
      PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(true).setTimestampsInMs(false).build();
  private static final ExpositionFormatWriter OPEN_METRICS = new OpenMetricsTextFormatWriter(true, false);

  private final PrometheusRegistry registry;

  public ScrapeEndpoint(PrometheusRegistry registry) {
    this.registry = registry;
  }

  /** The response to a scrape carrying this {@code Accept} header (may be null). */
  public HttpTelemetry.Response render(String acceptHeader) {
    ExpositionFormatWriter writer = acceptHeader != null && OPEN_METRICS.accepts(acceptHeader) ? OPEN_METRICS : TEXT;
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HttpTelemetry.Response(200, out.toString(StandardCharsets.UTF_8), writer.getContentType());
  }

  /**
   * Registers OpenTelemetry's metrics in a Prometheus registry the way KTRDR's Python exporter
   * shows them: its collector writes no {@code _created} series for them, so the start times the
   * Java exporter carries are left out.
   */
  public static void registerOpenTelemetry(PrometheusRegistry registry, PrometheusMetricReader reader) {
    registry.register((MultiCollector) () -> {
      List<MetricSnapshot> snapshots = new ArrayList<>();
      for (MetricSnapshot snapshot : reader.collect()) {
        snapshots.add(snapshot instanceof HistogramSnapshot ? withoutCreated((HistogramSnapshot) snapshot) : snapshot);
      }
      return new MetricSnapshots(snapshots);
    });
  }

  private static HistogramSnapshot withoutCreated(HistogramSnapshot histogram) {
    List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>();
    for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
      points.add(new HistogramSnapshot.HistogramDataPointSnapshot(
          point.getClassicBuckets(), point.getSum(), point.getLabels(), point.getExemplars(), 0L));
    }
    return new HistogramSnapshot(histogram.getMetadata(), points);
  }
}
