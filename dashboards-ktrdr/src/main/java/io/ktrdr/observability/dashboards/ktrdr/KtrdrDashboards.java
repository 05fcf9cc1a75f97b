package io.ktrdr.observability.dashboards.ktrdr;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DashboardLink;
import java.util.List;

/**
 * The KTRDR dashboards: System Overview, Worker Status and Operations, in that order.
 *
 * <p>Each is tagged {@value #TAG}, refreshes every {@value #REFRESH}, reads Prometheus through the
 * {@code $datasource} variable and Jaeger through {@code $jaeger}, and links to the other two
 * keeping the time range and the variables.
 */
public final class KtrdrDashboards {

  /** The tag of every KTRDR dashboard. */
  public static final String TAG = "ktrdr";
  /** The auto-refresh interval of every KTRDR dashboard. */
  public static final String REFRESH = "30s";

  private KtrdrDashboards() {}

  /** The three dashboards, in a stable order: overview, worker status, operations. */
  public static List<Dashboard> all() {
    return List.of(
        SystemOverviewDashboard.build(), WorkerStatusDashboard.build(), OperationsDashboard.build());
  }

  /** A KTRDR dashboard with its uid, title, tag, refresh and the two datasource variables. */
  static Dashboard.Builder dashboard(String uid, String title, String description) {
    return Dashboard.builder()
        .uid(uid)
        .title(title)
        .description(description)
        .tags(TAG)
        .refresh(REFRESH)
        .time("now-6h", "now")
        .variable(KtrdrVariables.prometheusDatasource())
        .variable(KtrdrVariables.jaegerDatasource());
  }

  /** A header link to another KTRDR dashboard, carrying the time range and the variables. */
  static DashboardLink linkTo(String title, String uid) {
    return DashboardLink.link(title, "/d/" + uid)
        .icon("dashboard")
        .tooltip("Open " + title + " with this time range and these filters")
        .keepTime(true)
        .includeVars(true)
        .build();
  }
}
