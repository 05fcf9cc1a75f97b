package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.instant;
import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.range;
import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.table;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PanelOptions.ShowValue;
import io.ktrdr.observability.dashboards.model.PanelOptions.Stacking;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.ColorMode;
import io.ktrdr.observability.dashboards.model.Transformation;
import io.ktrdr.observability.dashboards.promql.Expr;

/**
 * KTRDR Worker Status: the workers as the backend's registry counts them, and as Prometheus sees
 * them (each worker's {@code up}); and how many operations each worker type ran.
 */
final class WorkerStatusDashboard {

  static final String UID = "ktrdr-worker-status";
  static final String TITLE = "KTRDR Worker Status";

  /** Why the bar chart counts over the dashboard's range instead of $__rate_interval. */
  private static final String WHOLE_RANGE =
      "counts the operations that ended in the selected time range";

  private WorkerStatusDashboard() {}

  static Dashboard build() {
    return KtrdrDashboards.dashboard(
            UID,
            TITLE,
            "The KTRDR workers: registered and available as the backend counts them, up or down"
                + " as Prometheus scrapes them, and the operations each worker type ran.")
        .link(KtrdrDashboards.linkTo(SystemOverviewDashboard.TITLE, SystemOverviewDashboard.UID))
        .link(KtrdrDashboards.linkTo(OperationsDashboard.TITLE, OperationsDashboard.UID))
        .variable(KtrdrVariables.environment())
        .variable(KtrdrVariables.workerType())
        .variable(KtrdrVariables.worker())
        .row(Panel.row("Worker registry").panels(registeredWorkers(), availableWorkers()))
        .row(Panel.row("Workers").panels(workerHealth(), operationsByWorkerType()))
        .row(Panel.row("Availability").panel(workerAvailability()))
        .build();
  }

  static Panel registeredWorkers() {
    return workerCount(
        "Registered workers",
        "Workers registered with the backend, in all and by type"
            + " (ktrdr_workers_registered_total, a gauge despite its name). Normal: 4, two"
            + " backtesting and two training; fewer means a worker never registered or was"
            + " dropped.",
        KtrdrQueries.REGISTERED_WORKERS,
        KtrdrQueries.REGISTERED_WORKERS_BY_TYPE)
        .build();
  }

  static Panel availableWorkers() {
    return workerCount(
        "Available workers",
        "Registered workers whose status is available, in all and by type"
            + " (ktrdr_workers_available). Normal while idle: as many as registered; 0 for a"
            + " type means every such worker is busy or unreachable and new operations of"
            + " that type find no worker (the linked traces show those selections).",
        KtrdrQueries.AVAILABLE_WORKERS,
        KtrdrQueries.AVAILABLE_WORKERS_BY_TYPE)
        .link(TraceLinks.noWorkerAvailableSelections())
        .build();
  }

  /** A count of workers in all and by type, red when a count drops to zero. */
  private static StatPanelBuilder workerCount(
      String title, String description, Expr all, Expr byType) {
    return KtrdrPanels.stat(title, description)
        .target(instant(all, "all"))
        .target(instant(byType, "{{worker_type}}"))
        .unit("none")
        .decimals(0)
        .thresholds(KtrdrPanels.ZERO_IS_BAD)
        .colorMode(ColorMode.BACKGROUND)
        .size(12, 5);
  }

  static Panel workerHealth() {
    return Panel.table("Worker health")
        .description(
            "One row per worker: its type, whether Prometheus scrapes it (up) and since when its"
                + " process runs (process_start_time_seconds). Normal: four rows, all UP; a recent"
                + " start means a restart, and a DOWN worker has no start time. Optional targets"
                + " (a port where a worker may not run) are listed once their worker has been up"
                + " within a day; one that was up and stopped shows DOWN.")
        .datasource(KtrdrVariables.PROMETHEUS)
        .target(table(KtrdrQueries.WORKER_UP_ROWS))
        .target(table(KtrdrQueries.WORKER_STARTED_ROWS))
        .transformation(Transformation.merge())
        .transformation(
            KtrdrPanels.columns(
                "service", "Worker",
                "worker_type", "Type",
                "environment", "Environment",
                "Value #A", "Up",
                "Value #B", "Up since"))
        .unit("none")
        .override(KtrdrPanels.upDownColumn("Up"))
        .override(FieldOverride.byName("Up since").unit("dateTimeAsIso"))
        .sortBy("Worker", false)
        .size(12, 8)
        .build();
  }

  static Panel operationsByWorkerType() {
    return Panel.barchart("Operations by worker type")
        .description(
            "Backtesting and training operations that ended in the selected time range,"
                + " completed or not, as the workers that ran them count them (increase of"
                + " ktrdr_operations_total on the workers; the backend's orphan failures of"
                + " these operations are not counted). Follows the worker type and worker"
                + " selection. Normal: mostly completed; a tall failed or cancelled part points at"
                + " that worker type.")
        .datasource(KtrdrVariables.PROMETHEUS)
        .target(
            table(KtrdrQueries.workerOperations("completed"))
                .fixedWindow(WHOLE_RANGE))
        .target(
            table(KtrdrQueries.workerOperations("failed|cancelled"))
                .fixedWindow(WHOLE_RANGE))
        .transformation(Transformation.merge())
        .transformation(
            KtrdrPanels.columns(
                "operation_type", "Worker type",
                "Value #A", "Completed",
                "Value #B", "Failed or cancelled"))
        .xField("Worker type")
        .stacking(Stacking.NORMAL)
        .showValue(ShowValue.AUTO)
        .legend(LegendMode.LIST, LegendPlacement.BOTTOM)
        .unit("none")
        .decimals(0)
        .override(KtrdrPanels.fixedColor("Completed", "green"))
        .override(KtrdrPanels.fixedColor("Failed or cancelled", "red"))
        .size(12, 8)
        .build();
  }

  static Panel workerAvailability() {
    return KtrdrPanels.upDownTimeline(
            "Worker availability",
            "Each worker's up over time: green while Prometheus scrapes it, red while it cannot."
                + " Normal: four green lanes; red stretches are outages, and a lane that starts"
                + " late is a worker that came up late. Optional targets whose worker has not"
                + " been up within a day have no lane.")
        .target(range(KtrdrQueries.WORKER_UP, "{{service}}"))
        .link(
            DataLink.inNewTab(
                "Traces of worker selections",
                TraceLinks.searchBackendTraces("workers.select", "", "")))
        .size(24, 8)
        .build();
  }
}
