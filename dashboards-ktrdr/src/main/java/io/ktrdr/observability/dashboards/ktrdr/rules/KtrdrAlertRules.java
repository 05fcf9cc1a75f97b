package io.ktrdr.observability.dashboards.ktrdr.rules;

import static io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules.BACKEND_JOB;
import static io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules.TARGET_LABELS;
import static io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules.WORKERS_JOB;
import static io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules.backend;
import static io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules.sumKeeping;
import static io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules.workers;
import static io.ktrdr.observability.dashboards.promql.PromQl.increase;
import static io.ktrdr.observability.dashboards.promql.PromQl.max;
import static io.ktrdr.observability.dashboards.promql.PromQl.metric;
import static io.ktrdr.observability.dashboards.promql.PromQl.overTime;
import static io.ktrdr.observability.dashboards.promql.PromQl.sum;
import static io.ktrdr.observability.dashboards.promql.PromQl.time;

import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.Selector;
import io.ktrdr.observability.dashboards.promql.Window;
import java.util.List;

/**
 * The alerts of KTRDR, each with the dashboard that explains it. Thresholds and durations are the
 * constants below; the unit tests of every alert (firing and not) are in the provisioning module.
 */
public final class KtrdrAlertRules {

  /** The group the alerting rules are evaluated in. */
  public static final String GROUP = "ktrdr.alerts";

  /** The dashboards alerts link to (uids of the KTRDR dashboards). */
  public static final String SYSTEM_OVERVIEW_UID = "ktrdr-system-overview";
  public static final String WORKER_STATUS_UID = "ktrdr-worker-status";
  public static final String OPERATIONS_UID = "ktrdr-operations";

  /** A backend that cannot be scraped this long is down, not restarting. */
  public static final String SERVICE_DOWN_FOR = "1m";
  /** Workers restart after each deployment; two minutes tells a crash from a restart. */
  public static final String WORKER_DOWN_FOR = "2m";
  /**
   * A type whose workers are all down or unregistered this long is out, not redeploying: workers
   * restart within {@link #WORKER_DOWN_FOR} and register with the backend as they start.
   */
  public static final String NO_WORKER_AVAILABLE_FOR = "10m";

  /** Share of 5xx responses above which the API is failing its users. */
  public static final double HTTP_ERROR_RATIO_THRESHOLD = 0.05;
  /** Requests per second a ratio needs to mean something (30 requests over 5 minutes). */
  public static final double HTTP_MIN_REQUEST_RATE = 0.1;
  public static final String HTTP_ERROR_RATE_FOR = "5m";

  /** Share of ended operations that failed above which a type is failing. */
  public static final double OPERATIONS_FAILED_RATIO_THRESHOLD = 0.25;
  /** A type's ratio counts once more than this many of its operations ended in the window. */
  public static final int OPERATIONS_FAILING_ENDED_ABOVE = 3;
  public static final String OPERATIONS_FAILING_FOR = "5m";

  /** p95 of completed operations above 30 minutes (a bucket bound of the duration histogram). */
  public static final double OPERATION_P95_DURATION_THRESHOLD_SECONDS = 1800;
  public static final String OPERATION_DURATION_FOR = "15m";

  /** Operations active all this time and none completed: work is stuck. */
  public static final String NO_COMPLETION_WINDOW = "2h";
  static final int NO_COMPLETION_WINDOW_SECONDS = 2 * 60 * 60;
  public static final String NO_COMPLETION_FOR = "5m";

  private static final String FIXED = "alerting rules run without Grafana: fixed windows";
  /**
   * What a worker type's alert keeps: the backend's series and the workers' targets share only
   * these, and the dashboard link needs no more.
   */
  private static final String[] WORKER_TYPE_LABELS = {"environment", "worker_type"};

  public static final AlertRule SERVICE_DOWN = AlertRule.builder("KtrdrServiceDown")
      .expr(metric("up").eq("job", BACKEND_JOB).eq(0))
      .forDuration(SERVICE_DOWN_FOR)
      .severity(Severity.CRITICAL)
      .summary("KTRDR backend {{ $labels.service }} is down in {{ $labels.environment }}")
      .description("Prometheus has not scraped {{ $labels.service }} for " + SERVICE_DOWN_FOR
          + ": the API is unreachable, no operation can start, and the backend's worker and"
          + " operation metrics stop. Check the process and its logs; the System Overview shows"
          + " since when it is down.")
      .dashboard(SYSTEM_OVERVIEW_UID, "environment", "service")
      .build();

  public static final AlertRule WORKER_DOWN = AlertRule.builder("KtrdrWorkerDown")
      // An optional target that has not been up for a day has no worker to be down.
      .expr(metric("up").eq("job", WORKERS_JOB).eq(0)
          .unless(KtrdrRecordingRules.OPTIONAL_TARGETS_STARTED.series().eq(0))
          .on("environment", "service"))
      .forDuration(WORKER_DOWN_FOR)
      .severity(Severity.WARNING)
      .summary("KTRDR {{ $labels.worker_type }} worker {{ $labels.service }} is down in"
          + " {{ $labels.environment }}")
      .description("Prometheus has not scraped {{ $labels.service }} for " + WORKER_DOWN_FOR
          + ": the worker is unavailable and the backend cannot hand it {{ $labels.worker_type }}"
          + " operations. The Worker Status dashboard shows the other workers of the type. (An"
          + " optional target fires only once its worker has been up within "
          + KtrdrRecordingRules.OPTIONAL_TARGET_MEMORY + ".)")
      .dashboard(WORKER_STATUS_UID, "environment", "worker_type", "service")
      .build();

  public static final AlertRule NO_WORKER_AVAILABLE = AlertRule.builder("KtrdrNoWorkerAvailable")
      .expr(noWorkerCanTakeWork())
      .forDuration(NO_WORKER_AVAILABLE_FOR)
      .severity(Severity.WARNING)
      .summary("No {{ $labels.worker_type }} worker can take work in {{ $labels.environment }}")
      .description("For " + NO_WORKER_AVAILABLE_FOR + " every {{ $labels.worker_type }} worker"
          + " has been down or none has been registered with the backend, and the backend has"
          + " counted none available: new {{ $labels.worker_type }} operations fail with"
          + " no_workers_available. Workers that are up and registered do not fire this, busy or"
          + " not. Worker Status shows which workers are down and how many are registered.")
      .dashboard(WORKER_STATUS_UID, "environment", "worker_type")
      .build();

  public static final AlertRule HTTP_ERROR_RATE_HIGH = AlertRule.builder("KtrdrHttpErrorRateHigh")
      .expr(KtrdrRecordingRules.HTTP_5XX_RATIO.series().gt(HTTP_ERROR_RATIO_THRESHOLD)
          .and(sumKeeping(KtrdrRecordingRules.HTTP_REQUESTS_RATE.series()).gt(HTTP_MIN_REQUEST_RATE))
          .on(TARGET_LABELS))
      .forDuration(HTTP_ERROR_RATE_FOR)
      .severity(Severity.WARNING)
      .summary("{{ $value | humanizePercentage }} of KTRDR API requests fail with 5xx in"
          + " {{ $labels.environment }}")
      .description("More than " + percent(HTTP_ERROR_RATIO_THRESHOLD) + " of the requests to"
          + " {{ $labels.service }} were answered with a 5xx status over the last 5 minutes, for "
          + HTTP_ERROR_RATE_FOR + ". The System Overview's error rate and response time panels"
          + " show when it began; the failing requests' traces are in Jaeger (service ktrdr-api).")
      .dashboard(SYSTEM_OVERVIEW_UID, "environment", "service")
      .build();

  public static final AlertRule OPERATIONS_FAILING = AlertRule.builder("KtrdrOperationsFailing")
      .expr(KtrdrRecordingRules.OPERATIONS_FAILED_RATIO.series()
          .gt(OPERATIONS_FAILED_RATIO_THRESHOLD)
          .and(OperationCounting.workersFirst(
                  workers("ktrdr_operations_total"), backend("ktrdr_operations_total"),
                  s -> increase(s, Window.fixed(KtrdrRecordingRules.FAILURE_RATIO_WINDOW, FIXED)),
                  KtrdrRecordingRules.OPERATION_KEY, "job")
              .gt(OPERATIONS_FAILING_ENDED_ABOVE))
          .on(KtrdrRecordingRules.OPERATION_KEY.toArray(String[]::new)))
      .forDuration(OPERATIONS_FAILING_FOR)
      .severity(Severity.WARNING)
      .summary("{{ $value | humanizePercentage }} of KTRDR {{ $labels.operation_type }} operations"
          + " fail in {{ $labels.environment }}")
      .description("Over the last " + KtrdrRecordingRules.FAILURE_RATIO_WINDOW + " more than "
          + percent(OPERATIONS_FAILED_RATIO_THRESHOLD) + " of the {{ $labels.operation_type }}"
          + " operations that ended (more than " + OPERATIONS_FAILING_ENDED_ABOVE + ") failed, as"
          + " counted by the process that ran them ({{ $labels.job }}). The Operations dashboard"
          + " lists the recent ones; each links to its trace, whose operation.error attribute says"
          + " why.")
      .dashboard(OPERATIONS_UID, "environment", "operation_type")
      .build();

  public static final AlertRule OPERATION_DURATION_HIGH =
      AlertRule.builder("KtrdrOperationDurationHigh")
          .expr(KtrdrRecordingRules.OPERATION_DURATION_P95.series()
              .gt(OPERATION_P95_DURATION_THRESHOLD_SECONDS))
          .forDuration(OPERATION_DURATION_FOR)
          .severity(Severity.WARNING)
          .summary("KTRDR {{ $labels.operation_type }} operations take {{ $value | humanizeDuration }}"
              + " (p95) in {{ $labels.environment }}")
          .description("The 95th percentile duration of the {{ $labels.operation_type }} operations"
              + " completed over the last " + KtrdrRecordingRules.DURATION_QUANTILE_WINDOW
              + " is above " + (int) OPERATION_P95_DURATION_THRESHOLD_SECONDS / 60 + " minutes."
              + " Compare with the duration panels of the Operations dashboard; slow phases show in"
              + " the operations' traces.")
          .dashboard(OPERATIONS_UID, "environment", "operation_type")
          .build();

  public static final AlertRule NO_OPERATION_COMPLETING =
      AlertRule.builder("KtrdrNoOperationCompleting")
          .expr(noOperationCompleting())
          .forDuration(NO_COMPLETION_FOR)
          .severity(Severity.WARNING)
          .summary("No KTRDR operation completed for " + NO_COMPLETION_WINDOW + " in"
              + " {{ $labels.environment }} while operations were running")
          .description("Operations have been running in {{ $labels.environment }} (on the"
              + " backend or the workers) for the last " + NO_COMPLETION_WINDOW + " and none"
              + " completed: work is stuck (a worker hangs, or operations wait for workers that"
              + " never come). The Operations dashboard shows what is active; Worker Status shows"
              + " whether the workers are up and available.")
          .dashboard(OPERATIONS_UID, "environment")
          .build();

  private static final List<AlertRule> ALL = List.of(
      SERVICE_DOWN,
      WORKER_DOWN,
      NO_WORKER_AVAILABLE,
      HTTP_ERROR_RATE_HIGH,
      OPERATIONS_FAILING,
      OPERATION_DURATION_HIGH,
      NO_OPERATION_COMPLETING);

  private KtrdrAlertRules() {}

  /** Every alerting rule. */
  public static List<AlertRule> all() {
    return ALL;
  }

  /**
   * Fires for a worker type whose workers are all down as Prometheus scrapes them, or of which the
   * backend has none registered, unless the backend counts one available. Not {@code
   * ktrdr_workers_available == 0} alone: a busy worker is not available, and trainings keep every
   * worker of the type busy for hours in normal operation. Registered minus available is busy or
   * temporarily unavailable, which the metrics cannot tell apart; a worker the backend finds
   * unhealthy is usually down for Prometheus too. A type with no worker targets fires only when
   * none is registered; with the backend down, only when its workers are down as well.
   */
  private static Expr noWorkerCanTakeWork() {
    Expr allDown = max(metric("up").eq("job", WORKERS_JOB)).by(WORKER_TYPE_LABELS).eq(0);
    Expr noneRegistered =
        max(backend("ktrdr_workers_registered_total")).by(WORKER_TYPE_LABELS).eq(0);
    Expr someAvailable = max(backend("ktrdr_workers_available")).by(WORKER_TYPE_LABELS).gt(0);
    return allDown.or(noneRegistered).unless(someAvailable).on(WORKER_TYPE_LABELS);
  }

  /**
   * Fires when operations were running for the whole window (the recorded count of running
   * operations, right whether or not KTRDR's orphan detector still drives the backend's gauge
   * below zero) and none completed in it, on the backend or on any worker. Completions are never
   * spurious, so both jobs' completed counters are summed. Until the running series reaches back
   * over the whole window (rules just loaded) it does not fire, and a type's first completion on a
   * process (a counter series that appears already at 1, so its increase is 0) counts through its
   * {@code _created} timestamp.
   */
  private static Expr noOperationCompleting() {
    Window window = Window.fixed(NO_COMPLETION_WINDOW, FIXED);
    Selector running = KtrdrRecordingRules.OPERATIONS_RUNNING.series();
    Expr completedInWindow = sum(increase(
            ktrdrJobs("ktrdr_operations_total").eq("status", "completed"), window))
        .by("environment")
        // No completed series at all: nothing ever completed, which counts as 0.
        .or(running.times(0));
    Expr firstCompletionInWindow = time()
        .minus(ktrdrJobs("ktrdr_operations_created").eq("status", "completed"))
        .lt(NO_COMPLETION_WINDOW_SECONDS);
    Expr runningThroughout = overTime("min", running, window).gt(0);
    Expr recordedOverTheWindow = running.offset(NO_COMPLETION_WINDOW);
    return completedInWindow.eq(0)
        .unless(firstCompletionInWindow).on("environment")
        .and(runningThroughout).on("environment")
        .and(recordedOverTheWindow).on("environment");
  }

  /** {@code metric} of the backend and the workers. */
  private static Selector ktrdrJobs(String metric) {
    return metric(metric).re("job", BACKEND_JOB + "|" + WORKERS_JOB);
  }

  private static String percent(double ratio) {
    return Math.round(ratio * 100) + " %";
  }
}
