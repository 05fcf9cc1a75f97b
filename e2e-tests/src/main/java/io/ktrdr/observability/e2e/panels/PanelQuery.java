package io.ktrdr.observability.e2e.panels;

/**
 * One target of one panel, with the dashboard's variables substituted as the browser sends it;
 * Grafana's built-in variables are still in it (its backend fills them in from the {@link #window()}).
 */
public sealed interface PanelQuery permits PrometheusPanelQuery, JaegerPanelQuery {
  PanelRef panel();

  /** The datasource uid, variables substituted. */
  String datasourceUid();

  QueryWindow window();
}
