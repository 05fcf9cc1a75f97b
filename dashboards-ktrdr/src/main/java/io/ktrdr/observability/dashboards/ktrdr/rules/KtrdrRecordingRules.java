package io.ktrdr.observability.dashboards.ktrdr.rules;

import static io.ktrdr.observability.dashboards.promql.PromQl.histogramQuantile;
import static io.ktrdr.observability.dashboards.promql.PromQl.metric;
import static io.ktrdr.observability.dashboards.promql.PromQl.overTime;
import static io.ktrdr.observability.dashboards.promql.PromQl.rate;
import static io.ktrdr.observability.dashboards.promql.PromQl.sum;

import io.ktrdr.observability.dashboards.promql.Aggregation;
import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.Selector;
import io.ktrdr.observability.dashboards.promql.Window;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The recording rules of KTRDR: the HTTP histogram the dashboards query most heavily (request rate
 * and latency quantiles over every method, status code and path), and the expressions the alerts
 * build on, computed once per evaluation by Prometheus.
 *
 * <p>Panels that must follow the dashboard's zoom or fast changes (error rate, CPU, operation
 * rates) keep rates over {@code $__rate_interval}: a recorded rate is fixed at its window.
 *
 * <p>Every recorded HTTP series keeps the target labels {@code environment}, {@code job} and {@code
 * service}, so dashboards filter them as they filter raw series; the level part of each name lists
 * the labels kept beyond those. Operation series count each operation once, by the process that ran
 * it ({@link OperationCounting}): they keep {@code environment} and the {@code job} that counted the
 * type, not {@code service}, since one type's operations spread over several workers; the running
 * operations are one number per environment. Windows are fixed: 5 minutes for what dashboards plot
 * (twenty 15-second scrapes), longer where operations, which run for minutes, need more to be
 * counted.
 */
public final class KtrdrRecordingRules {

  /** The group the recording rules are evaluated in. */
  public static final String GROUP = "ktrdr.recording";

  /** The scrape job of the backend: its business and HTTP metrics exist only there. */
  public static final String BACKEND_JOB = "ktrdr-backend";
  /** The scrape job of the workers. */
  public static final String WORKERS_JOB = "ktrdr-workers";
  /** The target labels every recorded series keeps. */
  static final String[] TARGET_LABELS = {"environment", "job", "service"};

  private static final String FIXED =
      "recording rules run without Grafana: the window is part of the recorded series' name";
  /** What the dashboards' HTTP panels read. */
  public static final String SHORT_WINDOW = "5m";
  /** Operations end a few times an hour: a failure ratio needs half an hour of them. */
  public static final String FAILURE_RATIO_WINDOW = "30m";
  /** Operations last up to an hour (the histogram's last finite bucket): a p95 needs an hour. */
  public static final String DURATION_QUANTILE_WINDOW = "1h";

  /** Backend HTTP requests per second by method and status code. */
  public static final RecordingRule HTTP_REQUESTS_RATE = new RecordingRule(
      "service_method_code:http_server_requests:rate5m",
      sumKeeping(rate(backend("http_server_duration_milliseconds_count"), window(SHORT_WINDOW)),
          "http_method", "http_status_code"),
      "Backend HTTP requests per second over 5m, by http_method and http_status_code.");

  /** Backend HTTP latency histogram buckets per second, for latency quantiles. */
  public static final RecordingRule HTTP_DURATION_BUCKETS_RATE = new RecordingRule(
      "service_le:http_server_duration_milliseconds_bucket:rate5m",
      sumKeeping(rate(backend("http_server_duration_milliseconds_bucket"), window(SHORT_WINDOW)),
          "le"),
      "Backend HTTP request latency buckets (milliseconds) per second over 5m, by le.");

  /**
   * Share of backend requests answered with a 5xx status: 0 while requests succeed (not absent),
   * absent only while there are no requests.
   */
  public static final RecordingRule HTTP_5XX_RATIO = new RecordingRule(
      "service:http_server_5xx_responses:ratio_rate5m",
      sumKeeping(HTTP_REQUESTS_RATE.series().re("http_status_code", "5.."))
          .or(sumKeeping(HTTP_REQUESTS_RATE.series()).times(0))
          .div(sumKeeping(HTTP_REQUESTS_RATE.series())),
      "Share (0 to 1) of backend HTTP requests answered 5xx over 5m.");

  /**
   * The target label of worker targets that may have no worker running ({@code optional="true"}):
   * KTRDR's homelab scrapes every port a worker could use.
   */
  public static final String OPTIONAL_LABEL = "optional";
  /**
   * How long an optional target counts as started after it was last up: a worker stopped for
   * longer is taken as removed (a compose profile scaled down), no longer as down.
   */
  public static final String OPTIONAL_TARGET_MEMORY = "1d";

  /**
   * 1 for an optional target that was up at some time in the last day, 0 for one that was not:
   * never started, or stopped more than a day ago. Dashboards and alerts leave out the targets at 0
   * instead of showing them down; a worker that was up and stopped is still down for a day.
   */
  public static final RecordingRule OPTIONAL_TARGETS_STARTED = new RecordingRule(
      "service:ktrdr_optional_target_up:max1d",
      overTime("max", metric("up").eq(OPTIONAL_LABEL, "true"), window(OPTIONAL_TARGET_MEMORY)),
      "1 for an optional target (optional=\"true\") up at some time over 1d, else 0; keeps every"
          + " target label.");

  /** What operation series are counted on: their type, per environment. */
  static final List<String> OPERATION_KEY = List.of("environment", OperationCounting.OPERATION_TYPE);

  /**
   * Operations running now, per environment: the workers' {@code ktrdr_operations_active}, plus
   * the backend's, plus every worker-run operation the backend ended. The backend's orphan detector
   * ends worker-run operations on the backend and takes each off a gauge that never had it, so its
   * gauge goes below zero by exactly the count of those endings since the backend started (the
   * counter and the gauge start together with the process): adding that count back cancels them.
   * Once KTRDR fixes the detector the backend ends no worker-run operation and the last term is
   * empty. A type is worker-run while a worker exposes a series of it.
   *
   * <p>The {@code or}s join series of different label sets (gauges of each target, counters by
   * type and status) into one sum; none of them is needed for the others to count.
   */
  public static final RecordingRule OPERATIONS_RUNNING = new RecordingRule(
      "environment:ktrdr_operations_running:sum",
      sum(workers("ktrdr_operations_active")
              .or(backend("ktrdr_operations_active"))
              .or(backend("ktrdr_operations_total")
                  .and(workers("ktrdr_operations_total")).on(OPERATION_KEY.toArray(String[]::new))))
          .by("environment"),
      "Operations running now (workers' and backend's active, the backend's orphan endings of"
          + " worker-run operations added back), by environment.");

  /**
   * Share of the operations ending in the window that failed, by type, each counted by the process
   * that ran it: 0 when they all succeeded, absent when none ended. The backend's spurious orphan
   * failures of worker-run types are not counted.
   */
  public static final RecordingRule OPERATIONS_FAILED_RATIO = new RecordingRule(
      "operation_type:ktrdr_operations_failed:ratio_rate30m",
      operationsRate(s -> s.eq("status", "failed"), "ktrdr_operations_total")
          .or(operationsRate(UnaryOperator.identity(), "ktrdr_operations_total").times(0))
          .div(operationsRate(UnaryOperator.identity(), "ktrdr_operations_total").gt(0)),
      "Share (0 to 1) of the operations ending over 30m that failed, by environment, job (the"
          + " process that ran them) and operation_type.");

  /**
   * The 95th percentile of how long completed operations took, by type, each measured by the
   * process that ran it. The {@code > 0} drops the NaN of types with no completion in the window.
   */
  public static final RecordingRule OPERATION_DURATION_P95 = new RecordingRule(
      "operation_type:ktrdr_completed_operation_duration_seconds:p95_rate1h",
      histogramQuantile(0.95,
              OperationCounting.workersFirst(
                  workers("ktrdr_operation_duration_seconds_bucket"),
                  backend("ktrdr_operation_duration_seconds_bucket"),
                  s -> s.eq("status", "completed"),
                  s -> rate(s, window(DURATION_QUANTILE_WINDOW)),
                  OPERATION_KEY, "job", "le"))
          .gt(0),
      "95th percentile duration (seconds) of the operations completed over 1h, by environment,"
          + " job (the process that ran them) and operation_type.");

  private static final List<RecordingRule> ALL = List.of(
      HTTP_REQUESTS_RATE,
      HTTP_DURATION_BUCKETS_RATE,
      HTTP_5XX_RATIO,
      OPTIONAL_TARGETS_STARTED,
      OPERATIONS_RUNNING,
      OPERATIONS_FAILED_RATIO,
      OPERATION_DURATION_P95);

  private KtrdrRecordingRules() {}

  /** Every recording rule, in evaluation order: a rule reads only rules listed before it. */
  public static List<RecordingRule> all() {
    return ALL;
  }

  /** {@code metric} of the backend target. */
  static Selector backend(String metric) {
    return metric(metric).eq("job", BACKEND_JOB);
  }

  /** {@code metric} of the worker targets. */
  static Selector workers(String metric) {
    return metric(metric).eq("job", WORKERS_JOB);
  }

  /**
   * Per-second rate over the failure-ratio window of an operation metric, counted once by the
   * process that ran each type, by environment, job and operation type.
   */
  static Expr operationsRate(UnaryOperator<Selector> only, String metric) {
    return OperationCounting.workersFirst(workers(metric), backend(metric), only,
        s -> rate(s, window(FAILURE_RATIO_WINDOW)), OPERATION_KEY, "job");
  }

  /** {@code sum by (environment, job, service, <labels>)}. */
  static Aggregation sumKeeping(Expr expr, String... labels) {
    return sum(expr).by(targetLabelsAnd(labels));
  }

  /** The target labels followed by {@code labels}. */
  static String[] targetLabelsAnd(String... labels) {
    String[] all = new String[TARGET_LABELS.length + labels.length];
    System.arraycopy(TARGET_LABELS, 0, all, 0, TARGET_LABELS.length);
    System.arraycopy(labels, 0, all, TARGET_LABELS.length, labels.length);
    return all;
  }

  private static Window window(String duration) {
    return Window.fixed(duration, FIXED);
  }
}
