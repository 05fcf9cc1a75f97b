package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.List;

/**
 * A dashboard with Prometheus queries has a datasource variable for Prometheus, so that it can be
 * pointed at another Prometheus without editing (grafana/dashboard-linter's
 * template-datasource-rule).
 */
final class PrometheusDatasourceVariableRule implements LintRule {

  static final String ID = "prometheus-datasource-variable";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    boolean queriesPrometheus =
        dashboard.allPanels().stream().map(Panel::prometheusTargets).anyMatch(t -> !t.isEmpty());
    boolean hasVariable =
        Json.orEmpty(dashboard.variables()).stream()
            .anyMatch(v -> "datasource".equals(v.type())
                && DatasourceRef.PROMETHEUS.equals(v.query()));
    if (queriesPrometheus && !hasVariable) {
      return List.of(
          Finding.of(ID, dashboard,
              "Prometheus queries are used but no datasource variable chooses a prometheus"
                  + " datasource"));
    }
    return List.of();
  }
}
