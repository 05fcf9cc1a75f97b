package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.ArrayList;
import java.util.List;

/**
 * Panels that show numbers (stat, timeseries, barchart, bargauge, histogram, piechart, gauge)
 * have a unit, in the field defaults or in an override.
 */
final class PanelUnitRule implements LintRule {

  static final String ID = "panel-unit";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Panel panel : dashboard.allPanels()) {
      if (Panels.isNumeric(panel) && !hasUnit(panel)) {
        findings.add(
            Finding.of(ID, dashboard, panel, null,
                panel.type() + " panel has no unit; set fieldConfig.defaults.unit"));
      }
    }
    return findings;
  }

  private static boolean hasUnit(Panel panel) {
    if (panel.unit() != null && !panel.unit().isBlank()) {
      return true;
    }
    if (panel.fieldConfig() == null) {
      return false;
    }
    for (FieldOverride override : Json.orEmpty(panel.fieldConfig().overrides())) {
      for (FieldOverride.Property property : override.properties()) {
        if (property.id().equals("unit") && !property.value().asText().isBlank()) {
          return true;
        }
      }
    }
    return false;
  }
}
