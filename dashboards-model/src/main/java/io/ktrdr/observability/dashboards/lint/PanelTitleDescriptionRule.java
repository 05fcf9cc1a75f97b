package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.List;

/** Every panel has a title and a description (what it shows, how to read it); rows a title. */
final class PanelTitleDescriptionRule implements LintRule {

  static final String ID = "panel-title-description";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Panel panel : dashboard.panelsAndRows()) {
      if (isBlank(panel.title())) {
        findings.add(Finding.of(ID, dashboard, panel, null, "panel has no title"));
      }
      if (!panel.isRow() && isBlank(panel.description())) {
        findings.add(Finding.of(ID, dashboard, panel, null, "panel has no description"));
      }
    }
    return findings;
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
