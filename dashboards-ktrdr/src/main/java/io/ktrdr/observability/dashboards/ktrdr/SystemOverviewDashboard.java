package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.range;
import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.table;
import static io.ktrdr.observability.dashboards.ktrdr.KtrdrPanels.timeseries;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.Thresholds;
import io.ktrdr.observability.dashboards.model.TimeseriesPanelBuilder.ThresholdsStyle;
import io.ktrdr.observability.dashboards.model.Transformation;

/**
 * KTRDR System Overview: is every service up, how is the backend serving requests, and what do
 * the services use.
 */
final class SystemOverviewDashboard {

  static final String UID = "ktrdr-system-overview";
  static final String TITLE = "KTRDR System Overview";

  private SystemOverviewDashboard() {}

  static Dashboard build() {
    return KtrdrDashboards.dashboard(
            UID,
            TITLE,
            "Health of the KTRDR backend and its four workers, backend HTTP traffic, and CPU and"
                + " memory per service.")
        .link(KtrdrDashboards.linkTo(WorkerStatusDashboard.TITLE, WorkerStatusDashboard.UID))
        .link(KtrdrDashboards.linkTo(OperationsDashboard.TITLE, OperationsDashboard.UID))
        .variable(KtrdrVariables.environment())
        .variable(KtrdrVariables.service())
        .row(Panel.row("Service health").panel(serviceHealth()))
        .row(Panel.row("Backend traffic").panels(requestRate(), errorRate(), responseTime()))
        .row(Panel.row("Services").panel(activeServices()))
        .row(Panel.row("Resources").panels(cpuPerService(), memoryPerService()))
        .build();
  }

  static Panel serviceHealth() {
    return KtrdrPanels.upDownStat(
            "Service health",
            "Whether Prometheus scrapes each KTRDR service right now (up of jobs ktrdr-backend and"
                + " ktrdr-workers). Normal: UP for the backend and all four workers; DOWN means"
                + " the service does not answer on its metrics endpoint. Optional worker targets"
                + " (a port where a worker may not run) appear once their worker has been up"
                + " within a day; one that was up and stopped shows DOWN.")
        .target(KtrdrPanels.instant(KtrdrQueries.SERVICE_UP, "{{service}}"))
        .size(24, 4)
        .build();
  }

  static Panel requestRate() {
    return timeseries(
            "Request rate",
            "Requests per second the backend serves, by HTTP method, over 5 minutes"
                + " (http_server_duration_milliseconds_count, recorded by Prometheus as"
                + " service_method_code:http_server_requests:rate5m; workers have no HTTP metrics)."
                + " Normal: a steady trickle of status polls and health checks; zero means the"
                + " backend serves nothing.",
            "reqps")
        .target(range(KtrdrQueries.REQUEST_RATE, "{{http_method}}"))
        .size(8, 8)
        .build();
  }

  static Panel errorRate() {
    return timeseries(
            "Error rate",
            "Share of backend requests answered with a 5xx status"
                + " (http_server_duration_milliseconds_count by http_status_code). Normal: 0 %;"
                + " above 1 % something fails, above 5 % the backend is in trouble.",
            "percentunit")
        .target(range(KtrdrQueries.ERROR_RATE, "5xx share"))
        .min(0)
        .thresholds(Thresholds.absolute("green").step(0.01, "orange").step(0.05, "red").build())
        .thresholdsStyle(ThresholdsStyle.LINE)
        .link(
            DataLink.inNewTab(
                "Backend traces answered 500",
                TraceLinks.searchBackendTraces("", "http.status_code=500", "")))
        .link(
            DataLink.inNewTab(
                "Backend traces answered 503",
                TraceLinks.searchBackendTraces("", "http.status_code=503", "")))
        .link(TraceLinks.noWorkerAvailableSelections())
        .size(8, 8)
        .build();
  }

  static Panel responseTime() {
    return timeseries(
            "Response time (p50, p95, p99)",
            "Backend request latency quantiles from the HTTP histogram over 5 minutes, in"
                + " milliseconds (http_server_duration_milliseconds_bucket, recorded by Prometheus as"
                + " service_le:http_server_duration_milliseconds_bucket:rate5m). Normal: p95 well under a second;"
                + " a rising p99 means some requests wait on slow work.",
            "ms")
        .target(range(KtrdrQueries.responseTimeQuantile(0.5), "p50"))
        .target(range(KtrdrQueries.responseTimeQuantile(0.95), "p95"))
        .target(range(KtrdrQueries.responseTimeQuantile(0.99), "p99"))
        .link(
            DataLink.inNewTab(
                "Backend traces slower than 1 s",
                TraceLinks.searchBackendTraces("", "", "1s")))
        .size(8, 8)
        .build();
  }

  static Panel activeServices() {
    return Panel.table("Active services")
        .description(
            "One row per KTRDR service: its type, whether Prometheus scrapes it (up) and when it"
                + " last did. Normal: five rows, all UP, last scrape within the scrape interval"
                + " (15 s); an old last scrape or DOWN needs a look at that service. Optional"
                + " worker targets whose worker has not been up within a day are left out.")
        .datasource(KtrdrVariables.PROMETHEUS)
        .target(table(KtrdrQueries.SERVICE_UP_ROWS))
        .target(table(KtrdrQueries.SERVICE_LAST_SCRAPE_ROWS))
        .transformation(Transformation.merge())
        .transformation(
            KtrdrPanels.columns(
                "service", "Service",
                "service_type", "Type",
                "worker_type", "Worker type",
                "environment", "Environment",
                "Value #A", "Up",
                "Value #B", "Last scrape"))
        .unit("none")
        .override(KtrdrPanels.upDownColumn("Up"))
        .override(FieldOverride.byName("Last scrape").unit("dateTimeFromNow"))
        .sortBy("Service", false)
        .size(24, 8)
        .build();
  }

  static Panel cpuPerService() {
    return timeseries(
            "CPU per service",
            "CPU time each service uses per second, 100 % being one core"
                + " (rate of process_cpu_seconds_total). Normal: low while idle and higher on the"
                + " worker running an operation; a service pinned near 100 % is saturated.",
            "percentunit")
        .target(range(KtrdrQueries.CPU_BY_SERVICE, "{{service}}"))
        .min(0)
        .size(12, 8)
        .build();
  }

  static Panel memoryPerService() {
    return timeseries(
            "Memory per service",
            "Resident memory of each service (process_resident_memory_bytes). Normal: flat, with"
                + " bumps while a worker runs an operation; steady growth hints at a leak.",
            "bytes")
        .target(range(KtrdrQueries.MEMORY_BY_SERVICE, "{{service}}"))
        .min(0)
        .size(12, 8)
        .build();
  }
}
