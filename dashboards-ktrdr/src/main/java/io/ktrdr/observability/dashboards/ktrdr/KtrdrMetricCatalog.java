package io.ktrdr.observability.dashboards.ktrdr;

import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.lint.MetricCatalog;
import io.ktrdr.observability.dashboards.lint.MetricType;

/**
 * Every metric KTRDR emits, with its Prometheus type, read off the telemetry contract; plus the
 * {@code up} series Prometheus adds to every target. The lint fails a panel naming a metric missing
 * here: it names something KTRDR does not emit.
 *
 * <p>Counters are listed by their {@code _total} name and histograms by their base name. Metrics
 * of the Prometheus Python client registry have a {@code _created} series per counter and
 * histogram; those of OpenTelemetry's exporter (the HTTP metrics) and of the client's collectors
 * (process, gc) do not.
 */
public final class KtrdrMetricCatalog {

  private static final MetricCatalog CATALOG =
      MetricCatalog.builder()
          // Prometheus' own series for each target: 1 when the scrape succeeded.
          .withoutScrapeSeries()
          .gauge("up")
          // Worker registry (Python client registry): set on the backend (job ktrdr-backend);
          // every worker declares them too but never sets them, so they have no samples there.
          .gauge("ktrdr_workers_registered_total") // a gauge despite its name
          .gauge("ktrdr_workers_available")
          // Operation metrics of each process's OperationsService, on the backend (job
          // ktrdr-backend: backend-local types, plus the orphan detector's spurious failures of
          // worker-run types) AND on every worker (job ktrdr-workers: the backtesting and training
          // operations it runs). Count each type where it runs: rules.OperationCounting.
          .gauge("ktrdr_operations_active")
          .metric("ktrdr_operations_total", MetricType.COUNTER, true)
          .metric("ktrdr_operation_duration_seconds", MetricType.HISTOGRAM, true)
          // Research-agent metrics, backend only (same registry).
          .metric("agent_cycles_total", MetricType.COUNTER, true)
          .metric("agent_cycle_duration_seconds", MetricType.HISTOGRAM, true)
          .metric("agent_phase_duration_seconds", MetricType.HISTOGRAM, true)
          .metric("agent_gate_results_total", MetricType.COUNTER, true)
          .metric("agent_tokens_total", MetricType.COUNTER, true)
          .metric("agent_budget_spend_total", MetricType.COUNTER, true)
          // HTTP server metrics, backend only (job ktrdr-backend): OpenTelemetry's FastAPI instrumentation (older
          // conventions) through its Prometheus exporter; histograms but the active requests.
          .metric("http_server_duration_milliseconds", MetricType.HISTOGRAM, false)
          .metric("http_server_response_size_bytes", MetricType.HISTOGRAM, false)
          .metric("http_server_request_size_bytes", MetricType.HISTOGRAM, false)
          .metric("http_server_active_requests", MetricType.GAUGE, false)
          .info("target_info")
          // Process and runtime metrics of the Python client, on the backend and every worker
          // (jobs ktrdr-backend and ktrdr-workers). Workers have no HTTP metrics, no target_info.
          .metric("process_cpu_seconds_total", MetricType.COUNTER, false)
          .gauge("process_resident_memory_bytes")
          .gauge("process_virtual_memory_bytes")
          .gauge("process_start_time_seconds")
          .gauge("process_open_fds")
          .gauge("process_max_fds")
          .metric("python_gc_objects_collected_total", MetricType.COUNTER, false)
          .metric("python_gc_objects_uncollectable_total", MetricType.COUNTER, false)
          .metric("python_gc_collections_total", MetricType.COUNTER, false)
          .info("python_info")
          // Series Prometheus records from the above (KtrdrRecordingRules): rates and ratios already.
          .recorded(KtrdrRecordingRules.HTTP_REQUESTS_RATE.record())
          .recorded(KtrdrRecordingRules.HTTP_DURATION_BUCKETS_RATE.record())
          .recorded(KtrdrRecordingRules.HTTP_5XX_RATIO.record())
          .recorded(KtrdrRecordingRules.OPTIONAL_TARGETS_STARTED.record())
          .recorded(KtrdrRecordingRules.OPERATIONS_RUNNING.record())
          .recorded(KtrdrRecordingRules.OPERATIONS_FAILED_RATIO.record())
          .recorded(KtrdrRecordingRules.OPERATION_DURATION_P95.record())
          .build();

  private KtrdrMetricCatalog() {}

  /** The catalog the lint checks the KTRDR dashboards against. */
  public static MetricCatalog catalog() {
    return CATALOG;
  }
}
