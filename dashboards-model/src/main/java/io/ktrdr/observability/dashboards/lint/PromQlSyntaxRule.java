package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.List;

/**
 * Every PromQL expression parses: balanced brackets, terminated strings, known functions,
 * well-formed matchers and durations (Grafana variables allowed).
 */
final class PromQlSyntaxRule implements LintRule {

  static final String ID = "promql-syntax";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (PrometheusQuery query : PrometheusQuery.of(dashboard)) {
      context
          .syntaxError(query.expr)
          .ifPresent(error -> findings.add(
              query.finding(ID, dashboard, "invalid PromQL: " + error + " in " + query.expr)));
    }
    return findings;
  }
}
