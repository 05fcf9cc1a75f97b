package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

/**
 * A Prometheus target of a panel.
 *
 * @param expr the query with the dashboard's variables substituted, built-ins not yet
 * @param instant an instant query ({@code /api/v1/query}) rather than a range query
 * @param format {@code time_series}, {@code table} or {@code heatmap}
 */
public record PrometheusPanelQuery(
    PanelRef panel, String datasourceUid, String expr, boolean instant, String format, String legendFormat,
    QueryWindow window) implements PanelQuery {
  public PrometheusPanelQuery {
    requireNonNull(panel, "panel");
    requireNonNull(datasourceUid, "datasourceUid");
    requireNonNull(expr, "expr");
    requireNonNull(format, "format");
    requireNonNull(window, "window");
  }

  /** The query as Prometheus receives it: built-ins substituted too. */
  public String finalExpr() {
    return window.withBuiltIns(expr);
  }
}
