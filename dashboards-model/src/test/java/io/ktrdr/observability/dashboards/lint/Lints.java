package io.ktrdr.observability.dashboards.lint;

import static java.util.stream.Collectors.toList;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;

/** Dashboards that pass every rule, to be broken one way at a time by the rule tests. */
final class Lints {

  static final DatasourceRef PROMETHEUS = DatasourceRef.prometheus("${datasource}");
  static final DatasourceRef JAEGER = DatasourceRef.jaeger("${jaeger}");

  static final MetricCatalog CATALOG =
      MetricCatalog.builder()
          .counter("ktrdr_operations_total")
          .gauge("ktrdr_workers_registered_total")
          .gauge("ktrdr_operations_active")
          .histogram("ktrdr_operation_duration_seconds")
          .counter("process_cpu_seconds")
          .gauge("process_resident_memory_bytes")
          .build();

  private Lints() {}

  static DashboardLinter linter() {
    return DashboardLinter.builder()
        .provisionedDatasources("prometheus", "jaeger")
        .metricCatalog(CATALOG)
        .build();
  }

  /** A dashboard with uid, title, description and datasource variables for Prometheus and Jaeger. */
  static Dashboard.Builder dashboard(String uid) {
    return Dashboard.builder()
        .uid(uid)
        .title("Dashboard " + uid)
        .description("What " + uid + " shows.")
        .variable(Variable.datasource("datasource", DatasourceRef.PROMETHEUS).defaultValue("prometheus"))
        .variable(Variable.datasource("jaeger", DatasourceRef.JAEGER).defaultValue("jaeger"));
  }

  /** A stat panel with a title, description, Prometheus datasource, unit and one query. */
  static StatPanelBuilder stat(String title, String expr) {
    return Panel.stat(title)
        .description("What " + title + " shows.")
        .datasource(PROMETHEUS)
        .target(PrometheusTarget.builder(expr))
        .unit("short");
  }

  static Dashboard withStat(String title, String expr) {
    return dashboard("d").panel(stat(title, expr)).build();
  }

  static Dashboard withTarget(String title, PrometheusTarget.Builder target) {
    return dashboard("d")
        .panel(
            Panel.timeseries(title)
                .description("d")
                .datasource(PROMETHEUS)
                .target(target)
                .unit("short"))
        .build();
  }

  /** The findings of one rule. */
  static List<Finding> findings(String ruleId, Dashboard... dashboards) {
    return linter().lint(dashboards).stream()
        .filter(finding -> finding.ruleId().equals(ruleId))
        .collect(toList());
  }
}
