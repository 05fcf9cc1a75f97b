package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.instant;
import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.range;
import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.table;

import io.ktrdr.observability.dashboards.model.BarGaugePanelBuilder.DisplayMode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PanelOptions.Orientation;
import io.ktrdr.observability.dashboards.model.PanelOptions.ShowValue;
import io.ktrdr.observability.dashboards.model.PieChartPanelBuilder.LegendValue;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.GraphMode;
import io.ktrdr.observability.dashboards.model.Thresholds;
import io.ktrdr.observability.dashboards.model.Transformation;

/**
 * KTRDR Operations: what runs now, what ended and how (the operation counter and duration
 * histogram of the process that ran each operation: workers for backtests and trainings, the
 * backend for its local types), and the recent operation traces in Jaeger.
 */
final class OperationsDashboard {

  static final String UID = "ktrdr-operations";
  static final String TITLE = "KTRDR Operations";

  /** Why some queries count over the dashboard's range instead of $__rate_interval. */
  private static final String WHOLE_RANGE =
      "operations end minutes apart: the panel sums those that ended in the selected time range";

  private OperationsDashboard() {}

  static Dashboard build() {
    return KtrdrDashboards.dashboard(
            UID,
            TITLE,
            "KTRDR operations (data loads, backtests, trainings, research): how many run, how"
                + " they end, how long they take, and their recent traces.")
        .link(KtrdrDashboards.linkTo(SystemOverviewDashboard.TITLE, SystemOverviewDashboard.UID))
        .link(KtrdrDashboards.linkTo(WorkerStatusDashboard.TITLE, WorkerStatusDashboard.UID))
        .variable(KtrdrVariables.environment())
        .variable(KtrdrVariables.operationType())
        .row(
            Panel.row("Operations")
                .panels(activeOperations(), operationsByType(), successAndFailureRate()))
        .row(Panel.row("Durations").panels(durationDistribution(), durationByType()))
        .row(Panel.row("Traces").panel(RecentOperationsPanel.build()))
        .build();
  }

  static Panel activeOperations() {
    return KtrdrPanels.stat(
            "Active operations",
            "Operations created or resumed and not yet ended, of every type, on the backend and"
                + " the workers (recorded as environment:ktrdr_operations_running:sum: the workers'"
                + " and the backend's ktrdr_operations_active, with the backend's orphan endings of"
                + " worker-run operations added back, which KTRDR takes off its backend gauge"
                + " although they ran on a worker). Normal: 0 when idle and a few under load; a"
                + " value that never falls back means operations that never end.")
        .target(instant(KtrdrQueries.ACTIVE_OPERATIONS, "active"))
        .unit("none")
        .decimals(0)
        .thresholds(Thresholds.absolute("green").build())
        .graphMode(GraphMode.AREA)
        .size(6, 8)
        .build();
  }

  static Panel operationsByType() {
    return Panel.piechart("Operations by type")
        .description(
            "Operations that ended in the selected time range, by operation type (increase of"
                + " ktrdr_operations_total), each counted once by the process that ran it: the"
                + " workers for the types they run, the backend for the others. Shows what KTRDR"
                + " spends its work on; empty until the first operation of the range ends.")
        .datasource(KtrdrVariables.PROMETHEUS)
        .target(
            instant(KtrdrQueries.OPERATIONS_BY_TYPE, "{{operation_type}}").fixedWindow(WHOLE_RANGE))
        .unit("none")
        .decimals(0)
        .noValue("No operation ended in this time range")
        .legend(LegendMode.TABLE, LegendPlacement.RIGHT)
        .legendValues(LegendValue.VALUE, LegendValue.PERCENT)
        .size(8, 8)
        .build();
  }

  static Panel successAndFailureRate() {
    return KtrdrPanels.timeseries(
            "Operation success and failure rate",
            "Operations ending per minute by outcome: completed, failed, cancelled (rate of"
                + " ktrdr_operations_total by status over the window, not lifetime totals), each"
                + " counted by the process that ran it; the backend's orphan failures of"
                + " operations a worker ran are not failures here. Normal: completed only; any"
                + " failed line deserves the recent traces below.",
            "opm")
        .target(range(KtrdrQueries.operationsEndingPerMinute("completed"), "completed"))
        .target(range(KtrdrQueries.operationsEndingPerMinute("failed"), "failed"))
        .target(range(KtrdrQueries.operationsEndingPerMinute("cancelled"), "cancelled"))
        .min(0)
        .override(KtrdrPanels.fixedColor("completed", "green"))
        .override(KtrdrPanels.fixedColor("failed", "red"))
        .override(KtrdrPanels.fixedColor("cancelled", "orange"))
        .link(
            DataLink.inNewTab(
                "Traces of failed operations",
                TraceLinks.searchBackendTraces("", RecentOperationsPanel.FAILED_TAGS, "")))
        .size(10, 8)
        .build();
  }

  static Panel durationDistribution() {
    return Panel.bargauge("Operation duration distribution")
        .description(
            "How long the operations that ended in the selected time range ran, as counts per"
                + " bucket of ktrdr_operation_duration_seconds (1 s to 1 h), as measured by the"
                + " process that ran them. Normal: each"
                + " operation type in its usual buckets; a pile-up in the last buckets means"
                + " operations that run for an hour or more.")
        .datasource(KtrdrVariables.PROMETHEUS)
        .target(
            instant(KtrdrQueries.OPERATION_DURATION_BUCKETS, "{{le}}")
                .format(PrometheusTarget.Format.HEATMAP)
                .fixedWindow(WHOLE_RANGE))
        .unit("none")
        .decimals(0)
        .displayMode(DisplayMode.GRADIENT)
        .orientation(Orientation.VERTICAL)
        .noValue("No operation ended in this time range")
        .size(12, 8)
        .build();
  }

  static Panel durationByType() {
    return Panel.barchart("Operation duration p50 and p95 by type")
        .description(
            "Median and 95th percentile run time of the operations that completed in the selected"
                + " time range, per operation type (histogram_quantile over"
                + " ktrdr_operation_duration_seconds of the process that ran them: workers for"
                + " backtests and trainings). Normal: stable per type; a p95 far above"
                + " the p50 means some runs take much longer.")
        .datasource(KtrdrVariables.PROMETHEUS)
        .target(table(KtrdrQueries.operationDurationQuantile(0.5)).fixedWindow(WHOLE_RANGE))
        .target(table(KtrdrQueries.operationDurationQuantile(0.95)).fixedWindow(WHOLE_RANGE))
        .transformation(Transformation.merge())
        .transformation(
            KtrdrPanels.columns(
                "operation_type", "Operation type",
                "Value #A", "p50",
                "Value #B", "p95"))
        .xField("Operation type")
        .showValue(ShowValue.AUTO)
        .legend(LegendMode.LIST, LegendPlacement.BOTTOM)
        .unit("s")
        .noValue("No operation completed in this time range")
        .size(12, 8)
        .build();
  }
}
