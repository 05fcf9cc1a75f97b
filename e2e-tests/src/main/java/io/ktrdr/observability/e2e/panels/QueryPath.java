package io.ktrdr.observability.e2e.panels;

/**
 * How a panel target reaches its datasource: through Grafana's {@code /api/ds/query}, or straight to
 * Prometheus and Jaeger the way Grafana's backend would send it.
 */
public interface QueryPath {
  /**
   * Runs one target.
   *
   * @throws QueryFailedException when the datasource refuses the query or cannot be reached
   */
  QueryResult run(PanelQuery query);

  /** Names the path in reports, e.g. {@code prometheus+jaeger} or {@code grafana}. */
  String name();
}
