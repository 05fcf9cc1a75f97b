package io.ktrdr.observability.dashboards.ktrdr.rules;

import static io.ktrdr.observability.dashboards.promql.PromQl.histogramQuantile;
import static io.ktrdr.observability.dashboards.promql.PromQl.metric;
import static io.ktrdr.observability.dashboards.promql.PromQl.rate;
import static io.ktrdr.observability.dashboards.promql.PromQl.sum;

import io.ktrdr.observability.dashboards.promql.Aggregation;
import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.Selector;
import io.ktrdr.observability.dashboards.promql.Window;
import java.util.List;

/**
 * The recording rules of KTRDR: the HTTP histogram the dashboards query most heavily (request rate
 * and latency quantiles over every method, status code and path), and the expressions the alerts
 * build on, computed once per evaluation by Prometheus.
 *
 * <p>Panels that must follow the dashboard's zoom or fast changes (error rate, CPU, operation
 * rates) keep rates over {@code $__rate_interval}: a recorded rate is fixed at its window.
 *
 * <p>Every recorded series keeps the target labels {@code environment}, {@code job} and {@code
 * service}, so dashboards filter them as they filter raw series; the level part of each name lists
 * the labels kept beyond those. Windows are fixed: 5 minutes for what dashboards plot (twenty
 * 15-second scrapes), longer where operations, which run for minutes, need more to be counted.
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
   * Share of the operations ending in the window that failed, by type: 0 when they all succeeded,
   * absent when none ended.
   */
  public static final RecordingRule OPERATIONS_FAILED_RATIO = new RecordingRule(
      "operation_type:ktrdr_operations_failed:ratio_rate30m",
      sumKeeping(rate(backend("ktrdr_operations_total").eq("status", "failed"),
              window(FAILURE_RATIO_WINDOW)), "operation_type")
          .or(sumKeeping(rate(backend("ktrdr_operations_total"), window(FAILURE_RATIO_WINDOW)),
              "operation_type").times(0))
          .div(sumKeeping(rate(backend("ktrdr_operations_total"), window(FAILURE_RATIO_WINDOW)),
              "operation_type").gt(0)),
      "Share (0 to 1) of the operations ending over 30m that failed, by operation_type.");

  /**
   * The 95th percentile of how long completed operations took, by type. The {@code > 0} drops the
   * NaN of types with no completion in the window.
   */
  public static final RecordingRule OPERATION_DURATION_P95 = new RecordingRule(
      "operation_type:ktrdr_completed_operation_duration_seconds:p95_rate1h",
      histogramQuantile(0.95,
              sumKeeping(rate(backend("ktrdr_operation_duration_seconds_bucket")
                  .eq("status", "completed"), window(DURATION_QUANTILE_WINDOW)),
                  "operation_type", "le"))
          .gt(0),
      "95th percentile duration (seconds) of the operations completed over 1h, by operation_type.");

  private static final List<RecordingRule> ALL = List.of(
      HTTP_REQUESTS_RATE,
      HTTP_DURATION_BUCKETS_RATE,
      HTTP_5XX_RATIO,
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
