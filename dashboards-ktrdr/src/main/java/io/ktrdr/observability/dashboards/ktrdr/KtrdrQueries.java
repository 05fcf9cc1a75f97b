package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.promql.PromQl.histogramQuantile;
import static io.ktrdr.observability.dashboards.promql.PromQl.increase;
import static io.ktrdr.observability.dashboards.promql.PromQl.labelReplace;
import static io.ktrdr.observability.dashboards.promql.PromQl.max;
import static io.ktrdr.observability.dashboards.promql.PromQl.metric;
import static io.ktrdr.observability.dashboards.promql.PromQl.rate;
import static io.ktrdr.observability.dashboards.promql.PromQl.sum;
import static io.ktrdr.observability.dashboards.promql.PromQl.timestamp;
import static io.ktrdr.observability.dashboards.promql.PromQl.vector;

import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.OperationCounting;
import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.PromQl;
import io.ktrdr.observability.dashboards.promql.Selector;
import io.ktrdr.observability.dashboards.promql.Window;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
  /**
   * The scrape job of the workers: process metrics, and the operation metrics of the operations
   * they run (backtesting, training).
   */
  static final String WORKERS_JOB = "ktrdr-workers";

  private KtrdrQueries() {}

  // ---- Selectors ------------------------------------------------------------------------------

  /** {@code metric} of every KTRDR target, narrowed by the environment and service variables. */
  static Selector ofServices(String metric) {
    return metric(metric)
        .re("job", BACKEND_JOB + "|" + WORKERS_JOB)
        .re("environment", "$environment")
        .re("service", "$service");
  }

  /** {@code metric} of the backend target of the selected environments. */
  static Selector ofBackend(String metric) {
    return metric(metric).eq("job", BACKEND_JOB).re("environment", "$environment");
  }

  /** {@code metric} of the worker targets, narrowed by environment, worker type and service. */
  static Selector ofWorkers(String metric) {
    return metric(metric)
        .eq("job", WORKERS_JOB)
        .re("environment", "$environment")
        .re("worker_type", "$worker_type")
        .re("service", "$service");
  }

  /**
   * One of the backend's worker-registry gauges: their own {@code worker_type} label says which
   * workers they count (the backend target has no {@code worker_type} target label to clash with
   * it).
   */
  static Selector ofWorkerRegistry(String metric) {
    return ofBackend(metric).re("worker_type", "$worker_type");
  }

  /** One of the backend's operation metrics, narrowed by the operation type variable. */
  static Selector ofOperations(String metric) {
    return ofBackend(metric).re("operation_type", "$operation_type");
  }

  /**
   * One of the workers' operation metrics (of the operations they run), narrowed by environment
   * and operation type: the Operations dashboard has no worker variables.
   */
  static Selector ofWorkerOperations(String metric) {
    return metric(metric)
        .eq("job", WORKERS_JOB)
        .re("environment", "$environment")
        .re("operation_type", "$operation_type");
  }

  /** What the Operations dashboard decides which process counts an operation type on. */
  private static final List<String> BY_TYPE = List.of(OperationCounting.OPERATION_TYPE);

  /**
   * An operation metric of the Operations dashboard counted once, by the process that ran each
   * type: the workers' series of the types they expose, else the backend's (see {@link
   * OperationCounting}).
   */
  private static Expr countedOnce(
      String metric, UnaryOperator<Selector> only, Function<Selector, Expr> windowed,
      String... extra) {
    return OperationCounting.workersFirst(
        ofWorkerOperations(metric), ofOperations(metric), only, windowed, BY_TYPE, extra);
  }

  private static Expr increaseOverRange(Selector selector) {
    return increase(selector, Window.range());
  }

  // ---- System overview ------------------------------------------------------------------------

  /**
   * {@code up} without the optional targets that have not been up within a day: ports where KTRDR
   * may run a worker but none was started are not failures. A worker that was up and stopped
   * stays, shown down ({@link KtrdrRecordingRules#OPTIONAL_TARGETS_STARTED}).
   */
  private static Expr startedTargets(Expr up) {
    return up.unless(
            KtrdrRecordingRules.OPTIONAL_TARGETS_STARTED.series()
                .re("environment", "$environment")
                .eq(0))
        .on("environment", "service");
  }

  /**
   * 1 while Prometheus scrapes the service, 0 when the scrape fails; one series per service,
   * optional targets whose worker never started left out.
   */
  static final Expr SERVICE_UP = startedTargets(ofServices("up"));

  /** {@link #SERVICE_UP} with only the labels the services table shows. */
  static final Expr SERVICE_UP_ROWS =
      max(SERVICE_UP).by("environment", "service", "service_type", "worker_type");

  /** When Prometheus last scraped each service, in milliseconds for Grafana's date units. */
  static final Expr SERVICE_LAST_SCRAPE_ROWS =
      // The timestamp of the scraped sample itself: the filter comes after it.
      max(startedTargets(timestamp(ofServices("up"))))
          .by("environment", "service", "service_type", "worker_type")
          .times(1000);

  private static final String HTTP_REQUESTS = "http_server_duration_milliseconds_count";

  /**
   * Backend HTTP requests per second by method; only the backend has HTTP metrics. Read from the
   * 5-minute rate Prometheus records over every status code and path.
   */
  static final Expr REQUEST_RATE =
      sum(ofBackend(KtrdrRecordingRules.HTTP_REQUESTS_RATE.record())).by("http_method");

  /**
   * Share of backend requests answered with a 5xx status. Without any 5xx series yet the numerator
   * is 0, not absent, so a healthy backend shows 0 % rather than no data.
   */
  static final Expr ERROR_RATE =
      sum(rate(ofBackend(HTTP_REQUESTS).re("http_status_code", "5..")))
          .or(vector(0))
          .div(sum(rate(ofBackend(HTTP_REQUESTS))));

  /**
   * A quantile of backend request latency, in milliseconds as the histogram records it, from the
   * 5-minute bucket rates Prometheus records (the raw buckets multiply by method, status and path).
   */
  static Expr responseTimeQuantile(double quantile) {
    return histogramQuantile(
        quantile, sum(ofBackend(KtrdrRecordingRules.HTTP_DURATION_BUCKETS_RATE.record())).by("le"));
  }

  /** CPU seconds used per second (1 = one core) by each service, backend and workers alike. */
  static final Expr CPU_BY_SERVICE =
      sum(rate(ofServices("process_cpu_seconds_total"))).by("service");

  /** Resident memory of each service. */
  static final Expr MEMORY_BY_SERVICE =
      sum(ofServices("process_resident_memory_bytes")).by("service");

  // ---- Worker status --------------------------------------------------------------------------

  /** Workers registered with the backend (a gauge despite its {@code _total} name). */
  static final Expr REGISTERED_WORKERS =
      sum(ofWorkerRegistry("ktrdr_workers_registered_total"));

  /** Workers registered with the backend, by worker type. */
  static final Expr REGISTERED_WORKERS_BY_TYPE =
      sum(ofWorkerRegistry("ktrdr_workers_registered_total")).by("worker_type");

  /** Workers whose status is {@code available}. */
  static final Expr AVAILABLE_WORKERS = sum(ofWorkerRegistry("ktrdr_workers_available"));

  /** Workers whose status is {@code available}, by worker type. */
  static final Expr AVAILABLE_WORKERS_BY_TYPE =
      sum(ofWorkerRegistry("ktrdr_workers_available")).by("worker_type");

  /**
   * 1 while Prometheus scrapes the worker, 0 when the scrape fails; one series per worker, optional
   * targets whose worker never started left out.
   */
  static final Expr WORKER_UP = startedTargets(ofWorkers("up"));

  /** {@link #WORKER_UP} with only the labels the worker table shows. */
  static final Expr WORKER_UP_ROWS = max(WORKER_UP).by("environment", "service", "worker_type");

  /**
   * When each worker's process started, in milliseconds for Grafana's date units. A worker that is
   * down has no value: its process metrics cannot be scraped.
   */
  static final Expr WORKER_STARTED_ROWS =
      max(ofWorkers("process_start_time_seconds"))
          .by("environment", "service", "worker_type")
          .times(1000);

  /**
   * Operations of the two worker-run types that ended with a status matching {@code statusRegex}
   * in the selected range, counted by the workers that ran them (the workers narrowed by the worker
   * type and worker variables); the backend's series of those types count only for a type no worker
   * exposes (a type KTRDR would run on the backend), never beside the workers' (the backend's
   * orphan detector fails some worker-run operations spuriously). Backtest workers run {@code
   * backtesting} operations and training workers {@code training} operations, so the operation
   * type names the worker type. A zero per type keeps both bars on the chart while no such
   * operation has ended.
   */
  static Expr workerOperations(String statusRegex) {
    String metric = "ktrdr_operations_total";
    return OperationCounting.workersFirst(
            ofWorkers(metric),
            ofBackend(metric)
                .re("operation_type", "backtesting|training")
                .re("operation_type", "$worker_type")
                .re("service", "$service"),
            s -> s.re("status", statusRegex),
            KtrdrQueries::increaseOverRange,
            BY_TYPE)
        .or(zeroFor("backtesting"))
        .or(zeroFor("training"));
  }

  /** {@code vector(0)} labelled with one operation type. */
  private static Expr zeroFor(String operationType) {
    return labelReplace(vector(0), "operation_type", operationType, "operation_type", "");
  }

  // ---- Operations -----------------------------------------------------------------------------

  /**
   * Operations running now, as Prometheus records them ({@link
   * KtrdrRecordingRules#OPERATIONS_RUNNING}): the workers' and the backend's active gauges, with
   * the backend's orphan endings of worker-run operations added back. Never the backend's gauge
   * alone, which counts only backend-local operations and goes below zero.
   */
  static final Expr ACTIVE_OPERATIONS =
      sum(KtrdrRecordingRules.OPERATIONS_RUNNING.series().re("environment", "$environment"));

  /** Operations that ended in the selected range, by operation type, each counted once. */
  static final Expr OPERATIONS_BY_TYPE =
      countedOnce("ktrdr_operations_total", UnaryOperator.identity(), KtrdrQueries::increaseOverRange);

  /**
   * Operations that ended in the selected range per duration bucket, each counted once; Grafana's
   * heatmap format turns the cumulative {@code le} buckets into per-bucket counts.
   */
  static final Expr OPERATION_DURATION_BUCKETS =
      sum(countedOnce(
              "ktrdr_operation_duration_seconds_bucket",
              UnaryOperator.identity(),
              KtrdrQueries::increaseOverRange,
              "le"))
          .by("le");

  /**
   * A quantile of the duration of operations that completed in the selected range, by type, each
   * measured by the process that ran it. The {@code > 0} drops the NaN of types with no completed
   * operation in the range (a real quantile is above 0: the first bucket starts at 0).
   */
  static Expr operationDurationQuantile(double quantile) {
    return histogramQuantile(
            quantile,
            countedOnce(
                "ktrdr_operation_duration_seconds_bucket",
                s -> s.eq("status", "completed"),
                KtrdrQueries::increaseOverRange,
                "le"))
        .gt(0);
  }

  /**
   * Operations ending with {@code status} per minute, each counted once (the backend's spurious
   * orphan failures of worker-run types are not failures). A zero while no operation has ended yet
   * keeps the line on the chart: the counter has no series before its first increment.
   */
  static Expr operationsEndingPerMinute(String status) {
    return sum(countedOnce("ktrdr_operations_total", s -> s.eq("status", status), PromQl::rate))
        .times(60)
        .or(vector(0));
  }
}
