package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import io.ktrdr.observability.dashboards.internal.promql.PromQlTree;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every metric an expression names is in the metric catalog: a panel naming a metric the system
 * does not emit would stay empty. Passes when no catalog was supplied.
 */
final class MetricInCatalogRule implements LintRule {

  static final String ID = "metric-in-catalog";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    if (context.metricCatalog().isEmpty()) {
      return findings;
    }
    MetricCatalog catalog = context.metricCatalog().get();
    PrometheusQuery.forEachParsed(dashboard, context, (query, root) -> {
      Set<String> unknown = new LinkedHashSet<>();
      for (VectorSelector selector : PromQlTree.selectors(root)) {
        String metric = selector.metric();
        if (metric != null && !catalog.contains(metric)) {
          unknown.add(metric);
        }
      }
      for (String metric : unknown) {
        findings.add(query.finding(ID, dashboard, "metric " + metric + " is not in the catalog"));
      }
    });
    return findings;
  }
}
