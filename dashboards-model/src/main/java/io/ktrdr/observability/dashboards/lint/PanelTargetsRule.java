package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.List;

/** Every panel that shows data has at least one query (text panels and rows have none). */
final class PanelTargetsRule implements LintRule {

  static final String ID = "panel-has-targets";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Panel panel : dashboard.allPanels()) {
      if (Panels.queries(panel) && Json.orEmpty(panel.targets()).isEmpty()) {
        findings.add(Finding.of(ID, dashboard, panel, null, "panel has no queries"));
      }
    }
    return findings;
  }
}
