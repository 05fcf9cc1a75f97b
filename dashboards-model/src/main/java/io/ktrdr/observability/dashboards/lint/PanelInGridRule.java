package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.List;

/** Every panel has a place inside the 24-column grid, with a positive width and height. */
final class PanelInGridRule implements LintRule {

  static final String ID = "panel-in-grid";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Panel panel : dashboard.panelsAndRows()) {
      GridPos pos = panel.gridPos();
      if (pos == null) {
        findings.add(Finding.of(ID, dashboard, panel, null, "panel has no gridPos"));
      } else if (pos.w() <= 0 || pos.h() <= 0) {
        findings.add(
            Finding.of(ID, dashboard, panel, null,
                "width and height must be positive, got w=" + pos.w() + " h=" + pos.h()));
      } else if (pos.x() < 0 || pos.y() < 0) {
        findings.add(
            Finding.of(ID, dashboard, panel, null,
                "position must not be negative, got x=" + pos.x() + " y=" + pos.y()));
      } else if (pos.x() + pos.w() > GridPos.COLUMNS) {
        findings.add(
            Finding.of(ID, dashboard, panel, null,
                "panel at x=" + pos.x() + " w=" + pos.w() + " reaches past column "
                    + GridPos.COLUMNS));
      }
    }
    return findings;
  }
}
