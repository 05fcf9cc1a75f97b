package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.List;

/**
 * No two panels shown together overlap. The panels of a collapsed row are checked among
 * themselves only: they are laid out as if the row were open, while what follows the row is not.
 */
final class NoOverlapRule implements LintRule {

  static final String ID = "panel-no-overlap";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<List<Panel>> groups = new ArrayList<>();
    List<Panel> shown = new ArrayList<>();
    groups.add(shown);
    for (Panel panel : Json.orEmpty(dashboard.panels())) {
      shown.add(panel);
      if (Boolean.TRUE.equals(panel.collapsed())) {
        groups.add(Json.orEmpty(panel.panels()));
      } else {
        shown.addAll(Json.orEmpty(panel.panels()));
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Panel> group : groups) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = 0; j < i; j++) {
          GridPos later = group.get(i).gridPos();
          GridPos earlier = group.get(j).gridPos();
          if (later != null && earlier != null && later.overlaps(earlier)) {
            findings.add(
                Finding.of(ID, dashboard, group.get(i), null,
                    "panel at " + describe(later) + " overlaps panel \"" + group.get(j).title()
                        + "\" at " + describe(earlier)));
          }
        }
      }
    }
    return findings;
  }

  private static String describe(GridPos pos) {
    return "x=" + pos.x() + " y=" + pos.y() + " w=" + pos.w() + " h=" + pos.h();
  }
}
