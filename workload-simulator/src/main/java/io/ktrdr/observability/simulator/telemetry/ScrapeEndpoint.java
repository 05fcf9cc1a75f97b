package io.ktrdr.observability.simulator.telemetry;

import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a service's registry as KTRDR's Python processes do (measured against prometheus-client
 * 0.23.1 and opentelemetry-exporter-prometheus 0.59b0): {@code _created} series beside counters
 * and histograms, and one HELP/TYPE block per set of label names of an OpenTelemetry metric (the
 * Python exporter's duplicate blocks). The backend's metrics app negotiates the format as
 * prometheus_client's ASGI app does ({@link #negotiating}); a worker's {@code /metrics} route
 * always answers the text format ({@link #textOnly}).
 */
public final class ScrapeEndpoint {

  /** prometheus_client's {@code CONTENT_TYPE_PLAIN_0_0_4}. */
  static final String TEXT_0_0_4 = "text/plain; version=0.0.4; charset=utf-8";
  /** prometheus_client's {@code CONTENT_TYPE_LATEST}, what KTRDR's workers always answer. */
  static final String TEXT_1_0_0 = "text/plain; version=1.0.0; charset=utf-8";

  /** The resource attributes of KTRDR's OpenTelemetry SDK, which {@code target_info} carries. */
  static final Map<String, String> KTRDR_TELEMETRY_SDK = Map.of(
      "telemetry_sdk_language", "python",
      "telemetry_sdk_name", "opentelemetry",
      "telemetry_sdk_version", "1.38.0");
  static final String TARGET_INFO_HELP = "Target metadata";

  private static final ExpositionFormatWriter TEXT =
      // Python writes _created in seconds since the epoch.
      PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(true).setTimestampsInMs(false).build();
  private static final ExpositionFormatWriter OPEN_METRICS = new OpenMetricsTextFormatWriter(true, false);

  private final PrometheusRegistry registry;
  private final boolean negotiates;

  /** As {@link #negotiating}. */
  public ScrapeEndpoint(PrometheusRegistry registry) {
    this(registry, true);
  }

  private ScrapeEndpoint(PrometheusRegistry registry, boolean negotiates) {
    this.registry = registry;
    this.negotiates = negotiates;
  }

  /** prometheus_client's ASGI app (KTRDR's backend): OpenMetrics or text as the scraper asks, streamed. */
  public static ScrapeEndpoint negotiating(PrometheusRegistry registry) {
    return new ScrapeEndpoint(registry, true);
  }

  /**
   * A route answering {@code generate_latest()} as {@code CONTENT_TYPE_LATEST} (KTRDR's workers):
   * the text format whatever the scraper asks.
   */
  public static ScrapeEndpoint textOnly(PrometheusRegistry registry) {
    return new ScrapeEndpoint(registry, false);
  }

  /** The response to a scrape carrying this {@code Accept} header (may be null). */
  public HttpTelemetry.Response render(String acceptHeader) {
    String contentType = negotiates ? contentType(acceptHeader) : TEXT_1_0_0;
    boolean openMetrics = contentType.startsWith("application/openmetrics-text");
    ExpositionFormatWriter writer = openMetrics ? OPEN_METRICS : TEXT;
    StringBuilder out = new StringBuilder(16 * 1024);
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot.getDataPoints().isEmpty()) {
        out.append(declaration(snapshot, openMetrics));
        continue;
      }
      for (MetricSnapshot block : blocks(snapshot)) {
        String text = write(writer, block);
        out.append(openMetrics && text.endsWith("# EOF\n") ? text.substring(0, text.length() - "# EOF\n".length()) : text);
      }
    }
    if (openMetrics) {
      out.append("# EOF\n");
    }
    return new HttpTelemetry.Response(200, out.toString(), contentType, negotiates);
  }

  /**
   * The content type prometheus_client 0.23.1's {@code choose_encoder} answers to {@code accept}:
   * the first entry naming OpenMetrics (1.0.0 or later, or no version) or text 1.0.0 or later wins,
   * in the header's order; anything else gets the text format 0.0.4.
   */
  static String contentType(String accept) {
    if (accept == null) {
      return TEXT_0_0_4;
    }
    for (String accepted : accept.split(",")) {
      String[] tokens = accepted.split(";");
      String mediaType = tokens[0].strip();
      if (!mediaType.equals("application/openmetrics-text") && !mediaType.equals("text/plain")) {
        continue;
      }
      String version = parameter(tokens, "version");
      String escaping = escaping(parameter(tokens, "escaping"));
      if (mediaType.equals("application/openmetrics-text")) {
        if (version.isEmpty()) {
          return "application/openmetrics-text; version=1.0.0; charset=utf-8";
        }
        if (atLeastOne(version)) {
          return "application/openmetrics-text; version=" + version + "; charset=utf-8; escaping=" + escaping;
        }
      } else if (!version.isEmpty() && atLeastOne(version)) {
        return TEXT_1_0_0 + "; escaping=" + escaping;
      }
    }
    return TEXT_0_0_4;
  }

  private static String parameter(String[] tokens, String key) {
    for (String token : tokens) {
      int eq = token.indexOf('=');
      if (eq >= 0 && token.substring(0, eq).strip().equals(key)) {
        return token.substring(eq + 1);
      }
    }
    return "";
  }

  private static String escaping(String value) {
    return Set.of("allow-utf-8", "underscores", "dots", "values").contains(value) ? value : "underscores";
  }

  private static boolean atLeastOne(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0].strip()) >= 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * HELP and TYPE of a metric declared and never set, as prometheus_client prints it (the Java
   * writers leave such a metric out): KTRDR's workers declare {@code ktrdr_workers_*} that way.
   */
  static String declaration(MetricSnapshot snapshot, boolean openMetrics) {
    String type;
    String name = snapshot.getMetadata().getName();
    if (snapshot instanceof CounterSnapshot) {
      type = "counter";
      name = openMetrics ? name : name + "_total";
    } else if (snapshot instanceof GaugeSnapshot) {
      type = "gauge";
    } else if (snapshot instanceof HistogramSnapshot) {
      type = ((HistogramSnapshot) snapshot).isGaugeHistogram() ? "gaugehistogram" : "histogram";
    } else {
      return ""; // none of KTRDR's metrics declared without samples is of another type
    }
    StringBuilder out = new StringBuilder();
    String help = snapshot.getMetadata().getHelp();
    if (help != null) {
      String escaped = help.replace("\\", "\\\\").replace("\n", "\\n");
      out.append("# HELP ").append(name).append(' ').append(openMetrics ? escaped.replace("\"", "\\\"") : escaped).append('\n');
    }
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    if (openMetrics && snapshot.getMetadata().hasUnit()) {
      out.append("# UNIT ").append(name).append(' ').append(snapshot.getMetadata().getUnit()).append('\n');
    }
    return out.toString();
  }

  private static String write(ExpositionFormatWriter writer, MetricSnapshot snapshot) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024);
    try {
      // Names are all legacy-valid: no escaping scheme changes them.
      writer.write(out, MetricSnapshots.of(snapshot), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * One snapshot per set of label names, in order of first appearance, as the Python exporter
   * groups an OpenTelemetry metric into families (each written with its own HELP and TYPE). A
   * prometheus_client metric has one set of label names, so it stays one block.
   */
  static List<MetricSnapshot> blocks(MetricSnapshot snapshot) {
    Map<Set<String>, List<DataPointSnapshot>> groups = new LinkedHashMap<>();
    for (DataPointSnapshot point : snapshot.getDataPoints()) {
      Set<String> names = new TreeSet<>();
      point.getLabels().forEach(label -> names.add(label.getName()));
      groups.computeIfAbsent(names, n -> new ArrayList<>()).add(point);
    }
    if (groups.size() <= 1) {
      return List.of(snapshot);
    }
    List<MetricSnapshot> blocks = new ArrayList<>();
    for (List<DataPointSnapshot> points : groups.values()) {
      blocks.add(withPoints(snapshot, points));
    }
    return blocks;
  }

  @SuppressWarnings("unchecked")
  private static MetricSnapshot withPoints(MetricSnapshot snapshot, List<DataPointSnapshot> points) {
    MetricMetadata metadata = snapshot.getMetadata();
    if (snapshot instanceof HistogramSnapshot) {
      return new HistogramSnapshot(((HistogramSnapshot) snapshot).isGaugeHistogram(), metadata,
          (List<HistogramSnapshot.HistogramDataPointSnapshot>) (List<?>) points);
    }
    if (snapshot instanceof GaugeSnapshot) {
      return new GaugeSnapshot(metadata, (List<GaugeSnapshot.GaugeDataPointSnapshot>) (List<?>) points);
    }
    if (snapshot instanceof CounterSnapshot) {
      return new CounterSnapshot(metadata, (List<CounterSnapshot.CounterDataPointSnapshot>) (List<?>) points);
    }
    return snapshot; // other types are not split: none of KTRDR's OpenTelemetry metrics is one
  }

  /**
   * Registers OpenTelemetry's metrics in a Prometheus registry the way KTRDR's Python exporter
   * shows them: no {@code _created} series for them (its collector writes none), and
   * {@code target_info} with its HELP text and the {@code telemetry_sdk_*} labels of KTRDR's
   * Python SDK (the Java exporter writes neither).
   */
  public static void registerOpenTelemetry(PrometheusRegistry registry, PrometheusMetricReader reader) {
    registry.register((MultiCollector) () -> {
      List<MetricSnapshot> snapshots = new ArrayList<>();
      for (MetricSnapshot snapshot : reader.collect()) {
        if (snapshot instanceof HistogramSnapshot) {
          snapshots.add(withoutCreated((HistogramSnapshot) snapshot));
        } else if (snapshot instanceof InfoSnapshot && snapshot.getMetadata().getName().equals("target")) {
          snapshots.add(ktrdrTargetInfo((InfoSnapshot) snapshot));
        } else {
          snapshots.add(snapshot);
        }
      }
      return new MetricSnapshots(snapshots);
    });
  }

  private static InfoSnapshot ktrdrTargetInfo(InfoSnapshot target) {
    List<InfoSnapshot.InfoDataPointSnapshot> points = new ArrayList<>();
    for (InfoSnapshot.InfoDataPointSnapshot point : target.getDataPoints()) {
      Labels labels = Labels.EMPTY;
      for (io.prometheus.metrics.model.snapshots.Label label : point.getLabels()) {
        if (!label.getName().startsWith("telemetry_sdk_")) {
          labels = labels.add(label.getName(), label.getValue());
        }
      }
      for (Map.Entry<String, String> sdk : KTRDR_TELEMETRY_SDK.entrySet()) {
        labels = labels.add(sdk.getKey(), sdk.getValue());
      }
      points.add(new InfoSnapshot.InfoDataPointSnapshot(labels));
    }
    return new InfoSnapshot(new MetricMetadata("target", TARGET_INFO_HELP), points);
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
