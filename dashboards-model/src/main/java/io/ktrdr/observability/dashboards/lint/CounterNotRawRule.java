package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.promql.Node;
import io.ktrdr.observability.dashboards.internal.promql.Node.Aggregate;
import io.ktrdr.observability.dashboards.internal.promql.Node.Call;
import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import io.ktrdr.observability.dashboards.internal.promql.PromQlTree;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counters and the cumulative series of histograms ({@code _bucket}, {@code _sum}, {@code
 * _count}) are never shown raw: their value is a lifetime total that resets with the process.
 * They must sit inside rate, irate, increase, resets or changes (or be only counted or tested for
 * presence). Applies to panel queries, the ones that show values. The catalog's type decides what is a counter, never the {@code _total} suffix.
 */
final class CounterNotRawRule implements LintRule {

  static final String ID = "counter-not-raw";

  /** Functions that make a cumulative series meaningful, or do not show its value. */
  static final Set<String> SAFE_FUNCTIONS =
      Set.of(
          "rate", "irate", "increase", "resets", "changes", "absent", "absent_over_time",
          "present_over_time", "count_over_time", "timestamp");

  /** Aggregations that count series rather than show their values. */
  static final Set<String> SAFE_AGGREGATIONS = Set.of("count", "group");

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
      // Variables read label values and annotations mark times: neither shows a value.
      if (query.panel == null) {
        return;
      }
      Set<String> raw = new LinkedHashSet<>();
      PromQlTree.walk(root, (node, ancestors) -> {
        if (node instanceof VectorSelector && ((VectorSelector) node).metric() != null) {
          String metric = ((VectorSelector) node).metric();
          boolean cumulative =
              catalog.resolve(metric).map(MetricCatalog.Series::isCumulative).orElse(false);
          if (cumulative && ancestors.stream().noneMatch(CounterNotRawRule::isSafe)) {
            raw.add(metric);
          }
        }
      });
      for (String metric : raw) {
        MetricType type = catalog.resolve(metric).get().type();
        String kind =
            type == MetricType.COUNTER
                ? "counter "
                : type.name().toLowerCase(Locale.ROOT) + " series ";
        findings.add(
            query.finding(ID, dashboard,
                kind + metric + " is shown raw; wrap it in rate(), increase() or irate()"));
      }
    });
    return findings;
  }

  private static boolean isSafe(Node ancestor) {
    if (ancestor instanceof Call) {
      return SAFE_FUNCTIONS.contains(((Call) ancestor).function());
    }
    return ancestor instanceof Aggregate
        && SAFE_AGGREGATIONS.contains(((Aggregate) ancestor).operator());
  }
}
