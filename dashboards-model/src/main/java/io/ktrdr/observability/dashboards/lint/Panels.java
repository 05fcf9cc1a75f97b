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

  static boolean queries(Panel panel) {
    return !WITHOUT_QUERIES.contains(panel.type());
  }
}
