package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.List;

/** No two dashboards of a run share a uid: Grafana's provisioning would stop saving either. */
final class UniqueUidRule implements LintRule {

  static final String ID = "dashboard-uid-unique";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    if (dashboard.uid() == null) {
      return findings;
    }
    for (Dashboard other : context.dashboards()) {
      if (other != dashboard && dashboard.uid().equals(other.uid())) {
        findings.add(
            Finding.of(ID, dashboard,
                "uid " + dashboard.uid() + " is also used by dashboard \"" + other.title() + "\""));
      }
    }
    return findings;
  }
}
