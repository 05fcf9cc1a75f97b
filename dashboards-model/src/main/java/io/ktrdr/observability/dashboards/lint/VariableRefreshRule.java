package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Query variables reload their values when the time range changes, so that a worker or an
 * operation type that appeared in the range can be chosen (grafana/dashboard-linter's
 * template-on-time-change-reload-rule).
 */
final class VariableRefreshRule implements LintRule {

  static final String ID = "variable-refresh-on-time-change";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    int onTimeRangeChange = Variable.Refresh.ON_TIME_RANGE_CHANGE.ordinal();
    for (Variable variable : Json.orEmpty(dashboard.variables())) {
      if ("query".equals(variable.type())
          && (variable.refresh() == null || variable.refresh() != onTimeRangeChange)) {
        findings.add(
            Finding.of(ID, dashboard,
                "variable " + variable.name() + " " + describe(variable.refresh())
                    + "; reload them on time range change (refresh 2)"));
      }
    }
    return findings;
  }

  private static String describe(Integer refresh) {
    if (refresh == null || refresh == Variable.Refresh.NEVER.ordinal()) {
      return "never reloads its values";
    }
    return refresh == Variable.Refresh.ON_DASHBOARD_LOAD.ordinal()
        ? "reloads its values on dashboard load only"
        : "has unknown refresh " + refresh;
  }
}
