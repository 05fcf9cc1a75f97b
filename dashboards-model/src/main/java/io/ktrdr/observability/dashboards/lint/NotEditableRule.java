package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.List;

/**
 * When the linter is told to (provisioned dashboards whose source is code), dashboards are not
 * editable in Grafana's UI: an edit there would be lost at the next provisioning.
 */
final class NotEditableRule implements LintRule {

  static final String ID = "dashboard-not-editable";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    if (context.requireNotEditable() && !Boolean.FALSE.equals(dashboard.editable())) {
      return List.of(Finding.of(ID, dashboard, "dashboard is editable; set editable to false"));
    }
    return List.of();
  }
}
