/**
 * What Grafana does with a panel target, without Grafana: dashboard variables substituted as the
 * front end substitutes them ({@link io.ktrdr.observability.e2e.panels.TemplateInterpolator}),
 * Grafana's built-in intervals computed as its backend computes them ({@link
 * io.ktrdr.observability.e2e.panels.QueryWindow}, {@link io.ktrdr.observability.e2e.panels.GrafanaIntervals}),
 * and the request Grafana's backend would send to Prometheus or Jaeger ({@link
 * io.ktrdr.observability.e2e.panels.DirectQueryPath}). Where a Grafana runs, {@link
 * io.ktrdr.observability.e2e.panels.GrafanaQueryPath} sends the same targets through its {@code
 * /api/ds/query}; both are a {@link io.ktrdr.observability.e2e.panels.QueryPath}.
 *
 * <pre>{@code
 * Dashboard dashboard = DashboardJson.read(Path.of("monitoring/grafana/dashboards/ktrdr-system-overview.json"));
 * Map<String, List<String>> options = VariableOptions.resolve(dashboard, Map.of(), prometheus, from, to);
 * List<PanelQuery> queries = DashboardQueries.of(
 *     dashboard, TemplateInterpolator.of(dashboard.variables(), Map.of(), options), from, to, Duration.ofSeconds(15));
 * QueryResult result = DirectQueryPath.of(prometheus, jaegerQuery).run(queries.get(0));
 * }</pre>
 */
package io.ktrdr.observability.e2e.panels;
