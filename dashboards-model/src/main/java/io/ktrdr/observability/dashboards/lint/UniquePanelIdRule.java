package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every panel and row has an id, and no two share one. */
final class UniquePanelIdRule implements LintRule {

  static final String ID = "panel-id-unique";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    Map<Integer, Panel> seen = new HashMap<>();
    for (Panel panel : dashboard.panelsAndRows()) {
      if (panel.id() == null) {
        findings.add(Finding.of(ID, dashboard, panel, null, "panel has no id"));
        continue;
      }
      Panel first = seen.putIfAbsent(panel.id(), panel);
      if (first != null) {
        findings.add(
            Finding.of(ID, dashboard, panel, null,
                "panel id " + panel.id() + " is also used by panel \"" + first.title() + "\""));
      }
    }
    return findings;
  }
}
