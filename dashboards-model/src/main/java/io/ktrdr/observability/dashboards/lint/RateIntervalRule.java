package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.promql.Node;
import io.ktrdr.observability.dashboards.internal.promql.Node.Call;
import io.ktrdr.observability.dashboards.internal.promql.Node.Subquery;
import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import io.ktrdr.observability.dashboards.internal.promql.PromQlTree;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * rate, increase, irate, delta and deriv use {@code $__rate_interval}, which Grafana sizes to the
 * step and the scrape interval; a target may declare a fixed window with a reason instead.
 */
final class RateIntervalRule implements LintRule {

  static final String ID = "rate-interval";
  static final Set<String> FUNCTIONS = Set.of("rate", "increase", "irate", "delta", "deriv");
  private static final Set<String> RATE_INTERVAL = Set.of("$__rate_interval", "${__rate_interval}");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    PrometheusQuery.forEachParsed(dashboard, context, (query, root) -> {
      if (query.fixedWindowReason != null) {
        return;
      }
      PromQlTree.walk(root, (node, ancestors) -> {
        if (node instanceof Call && FUNCTIONS.contains(((Call) node).function())) {
          Call call = (Call) node;
          String window = window(call.arguments().get(0));
          if (window != null && !RATE_INTERVAL.contains(window)) {
            findings.add(
                query.finding(ID, dashboard,
                    call.function() + "() window is " + window
                        + "; use $__rate_interval or declare a fixed window with a reason"));
          }
        }
      });
    });
    return findings;
  }

  private static String window(Node argument) {
    if (argument instanceof VectorSelector) {
      return ((VectorSelector) argument).range();
    }
    if (argument instanceof Subquery) {
      return ((Subquery) argument).range();
    }
    return null;
  }
}
