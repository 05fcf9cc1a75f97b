package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.exprs;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.legends;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.mappings;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.overrideOf;
import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.propertyValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import org.junit.jupiter.api.Test;

class WorkerStatusDashboardTest {

  private static final String REGISTRY =
      "{job=\"ktrdr-backend\", environment=~\"$environment\", worker_type=~\"$worker_type\"}";
  private static final String WORKERS =
      "{job=\"ktrdr-workers\", environment=~\"$environment\", worker_type=~\"$worker_type\","
          + " service=~\"$service\"}";

  private final Dashboard workers = WorkerStatusDashboard.build();

  private Panel panel(String title) {
    return Dashboards.panel(workers, title);
  }

  @Test
  void showsThePanelsOfTheIssue() {
    assertThat(workers.allPanels())
        .extracting(Panel::title)
        .containsExactly(
            "Registered workers",
            "Available workers",
            "Worker health",
            "Operations by worker type",
            "Worker availability");
  }

  @Test
  void registeredWorkersReadsTheRegistryGaugeInAllAndByType() {
    Panel registered = panel("Registered workers");
    assertThat(exprs(registered))
        .containsExactly(
            "sum(ktrdr_workers_registered_total" + REGISTRY + ")",
            "sum by (worker_type) (ktrdr_workers_registered_total" + REGISTRY + ")");
    assertThat(legends(registered)).containsExactly("all", "{{worker_type}}");
    assertThat(registered.unit()).isEqualTo("none");
  }

  @Test
  void availableWorkersTurnsRedAtZero() {
    Panel available = panel("Available workers");
    assertThat(exprs(available))
        .containsExactly(
            "sum(ktrdr_workers_available" + REGISTRY + ")",
            "sum by (worker_type) (ktrdr_workers_available" + REGISTRY + ")");
    assertThat(available.fieldConfig().defaults().thresholds().steps())
        .extracting(step -> step.value() + " " + step.color())
        .containsExactly("null red", "1.0 green");
    assertThat(available.links())
        .extracting(DataLink::url)
        .singleElement()
        .asString()
        .startsWith("/explore?")
        .contains("worker.selection_status%3Dno_workers_available");
  }

  @Test
  void workerHealthHasOneRowPerWorkerWithTypeUpAndStartTime() {
    Panel health = panel("Worker health");
    assertThat(health.type()).isEqualTo("table");
    assertThat(exprs(health))
        .containsExactly(
            "max by (environment, service, worker_type) (up" + WORKERS
                + SystemOverviewDashboardTest.NEVER_STARTED_LEFT_OUT + ")",
            "max by (environment, service, worker_type) (process_start_time_seconds"
                + WORKERS
                + ") * 1000");
    assertThat(health.transformations().get(1).options().get("renameByName").toString())
        .contains("\"service\":\"Worker\"")
        .contains("\"worker_type\":\"Type\"")
        .contains("\"Value #A\":\"Up\"")
        .contains("\"Value #B\":\"Up since\"");
    assertThat(propertyValue(overrideOf(health, "Up"), "mappings")).contains("UP", "DOWN");
    assertThat(propertyValue(overrideOf(health, "Up since"), "unit")).isEqualTo("dateTimeAsIso");
  }

  @Test
  void operationsByWorkerTypeCountsEndedOperationsOfBothTypesOverTheRange() {
    Panel operations = panel("Operations by worker type");
    assertThat(operations.type()).isEqualTo("barchart");
    String zeros =
        " or label_replace(vector(0), \"operation_type\", \"backtesting\", \"operation_type\","
            + " \"\") or label_replace(vector(0), \"operation_type\", \"training\","
            + " \"operation_type\", \"\")";
    assertThat(exprs(operations))
        .containsExactly(byWorkerType("completed") + zeros, byWorkerType("failed|cancelled") + zeros);
    assertThat(operations.prometheusTargets())
        .allMatch(target -> target.fixedWindowReason() != null)
        .allMatch(target -> target.format() == PrometheusTarget.Format.TABLE);
    assertThat(operations.option("xField").asText()).isEqualTo("Worker type");
  }

  /**
   * Counted by the workers (narrowed by the worker variables); the backend's series of a worker
   * type only while no worker exposes that type, so never its spurious orphan failures beside them.
   */
  private static String byWorkerType(String statuses) {
    String workers = "sum by (operation_type) (increase(ktrdr_operations_total{job=\"ktrdr-workers\","
        + " environment=~\"$environment\", worker_type=~\"$worker_type\", service=~\"$service\"";
    return workers + ", status=~\"" + statuses + "\"}[$__range]))"
        + " or " + workers + "}[$__range])) * 0"
        + " or on (operation_type) sum by (operation_type) (increase(ktrdr_operations_total{"
        + "job=\"ktrdr-backend\", environment=~\"$environment\","
        + " operation_type=~\"backtesting|training\", operation_type=~\"$worker_type\","
        + " service=~\"$service\", status=~\"" + statuses + "\"}[$__range]))";
  }

  @Test
  void workerAvailabilityIsAStateTimelineOfEachWorkersUp() {
    Panel availability = panel("Worker availability");
    assertThat(availability.type()).isEqualTo("state-timeline");
    assertThat(exprs(availability))
        .containsExactly("up" + WORKERS + SystemOverviewDashboardTest.NEVER_STARTED_LEFT_OUT);
    assertThat(legends(availability)).containsExactly("{{service}}");
    assertThat(mappings(availability).get(0).at("/options/0/text").asText()).isEqualTo("DOWN");
    assertThat(availability.links())
        .extracting(DataLink::url)
        .singleElement()
        .asString()
        .startsWith("/explore?")
        .contains("workers.select");
  }
}
