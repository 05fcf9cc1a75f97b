package io.ktrdr.observability.dashboards.ktrdr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric KTRDR emits, with its Prometheus type, read off the telemetry contract; plus the
 * {@code up} series Prometheus adds to every target. A panel naming a metric missing here names
 * something KTRDR does not emit.
 *
 * <p>Names are metric family names as queries use them: a counter by its {@code _total} name, a
 * histogram by its base name (its series add {@code _bucket}, {@code _sum} and {@code _count}).
 * Metrics of the Prometheus Python client registry also have a {@code _created} series per counter
 * and histogram; those of OpenTelemetry's exporter (the HTTP metrics) and of the client's
 * collectors (process, gc) do not.
 */
public final class KtrdrMetricCatalog {

  /** The Prometheus type of a metric family. */
  public enum Type {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    /** A gauge of value 1 whose labels carry information ({@code target_info}, {@code python_info}). */
    INFO
  }

  /** One metric family: its name, type and whether it has {@code _created} series. */
  public record Metric(String name, Type type, boolean hasCreatedSeries) {
    public Metric {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }

    /** The names of the series this family exposes. */
    public List<String> seriesNames() {
      List<String> names = new ArrayList<>();
      switch (type) {
        case HISTOGRAM:
          names.add(name + "_bucket");
          names.add(name + "_sum");
          names.add(name + "_count");
          if (hasCreatedSeries) {
            names.add(name + "_created");
          }
          break;
        case COUNTER:
          names.add(name);
          if (hasCreatedSeries) {
            names.add(name.substring(0, name.length() - "_total".length()) + "_created");
          }
          break;
        default:
          names.add(name);
      }
      return List.copyOf(names);
    }
  }

  private static final Map<String, Metric> METRICS = catalog();

  private KtrdrMetricCatalog() {}

  /** Every metric family, in the contract's order. */
  public static List<Metric> metrics() {
    return List.copyOf(METRICS.values());
  }

  /** The family named {@code name}, if KTRDR emits it. */
  public static Optional<Metric> metric(String name) {
    return Optional.ofNullable(METRICS.get(requireNonNull(name, "name")));
  }

  /**
   * The family a series name belongs to ({@code ktrdr_operation_duration_seconds_bucket} belongs
   * to the histogram {@code ktrdr_operation_duration_seconds}), if KTRDR emits it.
   */
  public static Optional<Metric> familyOf(String seriesName) {
    requireNonNull(seriesName, "seriesName");
    for (Metric metric : METRICS.values()) {
      if (metric.seriesNames().contains(seriesName)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }

  private static Map<String, Metric> catalog() {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    // Prometheus' own series for each target: 1 when the scrape succeeded.
    add(metrics, "up", Type.GAUGE, false);

    // Backend business metrics (Prometheus Python client registry).
    add(metrics, "ktrdr_workers_registered_total", Type.GAUGE, false); // a gauge despite _total
    add(metrics, "ktrdr_workers_available", Type.GAUGE, false);
    add(metrics, "ktrdr_operations_active", Type.GAUGE, false);
    add(metrics, "ktrdr_operations_total", Type.COUNTER, true);
    add(metrics, "ktrdr_operation_duration_seconds", Type.HISTOGRAM, true);

    // Backend research-agent metrics (same registry).
    add(metrics, "agent_cycles_total", Type.COUNTER, true);
    add(metrics, "agent_cycle_duration_seconds", Type.HISTOGRAM, true);
    add(metrics, "agent_phase_duration_seconds", Type.HISTOGRAM, true);
    add(metrics, "agent_gate_results_total", Type.COUNTER, true);
    add(metrics, "agent_tokens_total", Type.COUNTER, true);
    add(metrics, "agent_budget_spend_total", Type.COUNTER, true);

    // Backend HTTP server metrics (OpenTelemetry FastAPI instrumentation, older conventions,
    // through OpenTelemetry's Prometheus exporter): histograms except the active-request count.
    add(metrics, "http_server_duration_milliseconds", Type.HISTOGRAM, false);
    add(metrics, "http_server_active_requests", Type.GAUGE, false);
    add(metrics, "http_server_response_size_bytes", Type.HISTOGRAM, false);
    add(metrics, "http_server_request_size_bytes", Type.HISTOGRAM, false);
    add(metrics, "target_info", Type.INFO, false);

    // Process and runtime metrics of the Python client, on the backend and on every worker.
    add(metrics, "process_cpu_seconds_total", Type.COUNTER, false);
    add(metrics, "process_resident_memory_bytes", Type.GAUGE, false);
    add(metrics, "process_virtual_memory_bytes", Type.GAUGE, false);
    add(metrics, "process_start_time_seconds", Type.GAUGE, false);
    add(metrics, "process_open_fds", Type.GAUGE, false);
    add(metrics, "process_max_fds", Type.GAUGE, false);
    add(metrics, "python_gc_objects_collected_total", Type.COUNTER, false);
    add(metrics, "python_gc_objects_uncollectable_total", Type.COUNTER, false);
    add(metrics, "python_gc_collections_total", Type.COUNTER, false);
    add(metrics, "python_info", Type.INFO, false);
    return Collections.unmodifiableMap(metrics);
  }

  private static void add(Map<String, Metric> metrics, String name, Type type, boolean created) {
    metrics.put(name, new Metric(name, type, created));
  }
}
