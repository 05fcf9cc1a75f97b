package io.ktrdr.observability.dashboards.ktrdr;

/**
 * The PromQL behind the KTRDR panels, read off the telemetry contract.
 *
 * <p>Targets are chosen by the stable labels every scrape target carries ({@code job}, {@code
 * service}, {@code service_type}, {@code environment}, and {@code worker_type} on workers), never
 * by {@code instance} strings, hosts or ports. Counters are read through {@code rate} over {@code
 * $__rate_interval}, or through {@code increase} over {@code $__range} where a panel counts what
 * happened in the selected time range.
 */
final class KtrdrQueries {

  /** The scrape job of the backend; its business and HTTP metrics exist only there. */
  static final String BACKEND_JOB = "ktrdr-backend";
  /** The scrape job of the four workers; they expose process metrics only. */
  static final String WORKERS_JOB = "ktrdr-workers";

  private static final String ENVIRONMENT = "environment=~\"$environment\"";

  /** Every KTRDR target, narrowed by the environment and service variables. */
  static final String SERVICES =
      "{job=~\""
          + BACKEND_JOB
          + "|"
          + WORKERS_JOB
          + "\", "
          + ENVIRONMENT
          + ", service=~\"$service\"}";

  /** The backend target of the selected environments. */
  static final String BACKEND = "{job=\"" + BACKEND_JOB + "\", " + ENVIRONMENT + "}";

  /** Worker targets, narrowed by the environment, worker type and service variables. */
  static final String WORKERS =
      "{job=\""
          + WORKERS_JOB
          + "\", "
          + ENVIRONMENT
          + ", worker_type=~\"$worker_type\", service=~\"$service\"}";

  /**
   * The backend's worker-registry gauges: their own {@code worker_type} label says which workers
   * they count (the backend target has no {@code worker_type} target label to clash with it).
   */
  static final String WORKER_REGISTRY =
      "{job=\"" + BACKEND_JOB + "\", " + ENVIRONMENT + ", worker_type=~\"$worker_type\"}";

  private KtrdrQueries() {}

  // ---- System overview ------------------------------------------------------------------------

  /** 1 while Prometheus scrapes the service, 0 when the scrape fails; one series per service. */
  static final String SERVICE_UP = "up" + SERVICES;

  private static final String BY_SERVICE =
      "max by (environment, service, service_type, worker_type) ";

  /** {@link #SERVICE_UP} with only the labels the services table shows. */
  static final String SERVICE_UP_ROWS = BY_SERVICE + "(up" + SERVICES + ")";

  /** When Prometheus last scraped each service, in milliseconds for Grafana's date units. */
  static final String SERVICE_LAST_SCRAPE_ROWS =
      BY_SERVICE + "(timestamp(up" + SERVICES + ")) * 1000";

  private static final String HTTP_REQUESTS = "http_server_duration_milliseconds_count";

  /** Backend HTTP requests per second by method; only the backend has HTTP metrics. */
  static final String REQUEST_RATE =
      "sum by (http_method) (rate(" + HTTP_REQUESTS + BACKEND + "[$__rate_interval]))";

  /**
   * Share of backend requests answered with a 5xx status. Without any 5xx series yet the numerator
   * is 0, not absent, so a healthy backend shows 0 % rather than no data.
   */
  static final String ERROR_RATE =
      "(sum(rate("
          + HTTP_REQUESTS
          + "{job=\""
          + BACKEND_JOB
          + "\", "
          + ENVIRONMENT
          + ", http_status_code=~\"5..\"}[$__rate_interval])) or vector(0))"
          + " / sum(rate("
          + HTTP_REQUESTS
          + BACKEND
          + "[$__rate_interval]))";

  /** A quantile of backend request latency, in milliseconds as the histogram records it. */
  static String responseTimeQuantile(double quantile) {
    return "histogram_quantile("
        + quantile
        + ", sum by (le) (rate(http_server_duration_milliseconds_bucket"
        + BACKEND
        + "[$__rate_interval])))";
  }

  /** CPU seconds used per second (1 = one core) by each service, backend and workers alike. */
  static final String CPU_BY_SERVICE =
      "sum by (service) (rate(process_cpu_seconds_total" + SERVICES + "[$__rate_interval]))";

  /** Resident memory of each service. */
  static final String MEMORY_BY_SERVICE =
      "sum by (service) (process_resident_memory_bytes" + SERVICES + ")";

  // ---- Worker status --------------------------------------------------------------------------

  /** Workers registered with the backend (a gauge despite its {@code _total} name). */
  static final String REGISTERED_WORKERS =
      "sum(ktrdr_workers_registered_total" + WORKER_REGISTRY + ")";

  /** Workers registered with the backend, by worker type. */
  static final String REGISTERED_WORKERS_BY_TYPE =
      "sum by (worker_type) (ktrdr_workers_registered_total" + WORKER_REGISTRY + ")";

  /** Workers whose status is {@code available}. */
  static final String AVAILABLE_WORKERS = "sum(ktrdr_workers_available" + WORKER_REGISTRY + ")";

  /** Workers whose status is {@code available}, by worker type. */
  static final String AVAILABLE_WORKERS_BY_TYPE =
      "sum by (worker_type) (ktrdr_workers_available" + WORKER_REGISTRY + ")";

  /** 1 while Prometheus scrapes the worker, 0 when the scrape fails; one series per worker. */
  static final String WORKER_UP = "up" + WORKERS;

  private static final String BY_WORKER = "max by (environment, service, worker_type) ";

  /** {@link #WORKER_UP} with only the labels the worker table shows. */
  static final String WORKER_UP_ROWS = BY_WORKER + "(up" + WORKERS + ")";

  /**
   * When each worker's process started, in milliseconds for Grafana's date units. A worker that is
   * down has no value: its process metrics cannot be scraped.
   */
  static final String WORKER_STARTED_ROWS =
      BY_WORKER + "(process_start_time_seconds" + WORKERS + ") * 1000";

  /**
   * Operations of the two worker-run types that ended with {@code statusRegex} in the selected
   * range. Backtest workers run {@code backtesting} operations and training workers {@code
   * training} operations, so the operation type names the worker type. A zero per type keeps both
   * bars on the chart while no such operation has ended.
   */
  static String workerOperations(String statusRegex) {
    return "sum by (operation_type) (increase(ktrdr_operations_total{job=\""
        + BACKEND_JOB
        + "\", "
        + ENVIRONMENT
        + ", operation_type=~\"backtesting|training\", status=~\""
        + statusRegex
        + "\"}[$__range]))"
        + " or label_replace(vector(0), \"operation_type\", \"backtesting\", \"\", \"\")"
        + " or label_replace(vector(0), \"operation_type\", \"training\", \"\", \"\")";
  }

  // ---- Operations -----------------------------------------------------------------------------

  private static final String OPERATIONS =
      "{job=\"" + BACKEND_JOB + "\", " + ENVIRONMENT + ", operation_type=~\"$operation_type\"";

  /** Operations started or resumed and not yet ended (the gauge has no labels of its own). */
  static final String ACTIVE_OPERATIONS = "sum(ktrdr_operations_active" + BACKEND + ")";

  /** Operations that ended in the selected range, by operation type. */
  static final String OPERATIONS_BY_TYPE =
      "sum by (operation_type) (increase(ktrdr_operations_total" + OPERATIONS + "}[$__range]))";

  /**
   * Operations that ended in the selected range per duration bucket; Grafana's heatmap format turns
   * the cumulative {@code le} buckets into per-bucket counts.
   */
  static final String OPERATION_DURATION_BUCKETS =
      "sum by (le) (increase(ktrdr_operation_duration_seconds_bucket"
          + OPERATIONS
          + "}[$__range]))";

  /**
   * A quantile of the duration of operations that completed in the selected range, by type. The
   * {@code >= 0} drops the NaN of types with no completed operation in the range.
   */
  static String operationDurationQuantile(double quantile) {
    return "histogram_quantile("
        + quantile
        + ", sum by (le, operation_type) (increase(ktrdr_operation_duration_seconds_bucket"
        + OPERATIONS
        + ", status=\"completed\"}[$__range]))) >= 0";
  }

  /**
   * Operations ending with {@code status} per minute. A zero while no operation has ended yet
   * keeps the line on the chart: the counter has no series before its first increment.
   */
  static String operationsEndingPerMinute(String status) {
    return "sum(rate(ktrdr_operations_total"
        + OPERATIONS
        + ", status=\""
        + status
        + "\"}[$__rate_interval])) * 60 or vector(0)";
  }
}
