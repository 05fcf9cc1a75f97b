package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Panel;
import java.util.Set;

/** What the rules know about panel types. */
final class Panels {

  /** Panel types that query nothing, so need neither datasource nor targets. */
  static final Set<String> WITHOUT_QUERIES =
      Set.of(Panel.ROW, "text", "dashlist", "news", "annolist", "alertlist", "welcome");

  /** Panel types that show numbers, so need a unit. */
  static final Set<String> NUMERIC =
      Set.of("stat", "timeseries", "barchart", "bargauge", "histogram", "piechart", "gauge");

  private Panels() {}

  /** Whether the panel shows data it queries; a panel without a type (a library panel) does not. */
  static boolean queries(Panel panel) {
    return panel.type() != null && !WITHOUT_QUERIES.contains(panel.type());
  }

  static boolean isNumeric(Panel panel) {
    return panel.type() != null && NUMERIC.contains(panel.type());
  }
}
