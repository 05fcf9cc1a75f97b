package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import io.ktrdr.observability.dashboards.internal.promql.Node;
import io.ktrdr.observability.dashboards.model.Annotation;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PromQL expression of a dashboard, wherever it sits: a panel target, a query variable or an
 * annotation. The rules about PromQL check all of them alike.
 */
final class PrometheusQuery {

  private static final Pattern LABEL_VALUES =
      Pattern.compile("(?s)\\s*label_values\\s*\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*");
  private static final Pattern QUERY_RESULT =
      Pattern.compile("(?s)\\s*query_result\\s*\\((.*)\\)\\s*");

  @Nullable final Panel panel;
  @Nullable final String refId;
  /** For variables and annotations: what the expression belongs to, as a message prefix. */
  final String prefix;
  final String expr;
  @Nullable final String fixedWindowReason;

  private PrometheusQuery(
      @Nullable Panel panel,
      @Nullable String refId,
      String prefix,
      String expr,
      @Nullable String fixedWindowReason) {
    this.panel = panel;
    this.refId = refId;
    this.prefix = prefix;
    this.expr = expr;
    this.fixedWindowReason = fixedWindowReason;
  }

  /** Sees a query of a dashboard with its parsed expression. */
  @FunctionalInterface
  interface ParsedVisitor {
    void visit(PrometheusQuery query, Node root);
  }

  /** Every query of the dashboard that parses (the syntax rule reports the others). */
  static void forEachParsed(Dashboard dashboard, LintContext context, ParsedVisitor visitor) {
    for (PrometheusQuery query : of(dashboard)) {
      context.parse(query.expr).ifPresent(root -> visitor.visit(query, root));
    }
  }

  Finding finding(String ruleId, Dashboard dashboard, String message) {
    return Finding.of(ruleId, dashboard, panel, refId, prefix + message);
  }

  /** Every PromQL expression of the dashboard, panels first in grid order. */
  static List<PrometheusQuery> of(Dashboard dashboard) {
    List<PrometheusQuery> queries = new ArrayList<>();
    for (Panel panel : dashboard.allPanels()) {
      for (PrometheusTarget target : panel.prometheusTargets()) {
        queries.add(
            new PrometheusQuery(
                panel, target.refId(), "", target.expr(), target.fixedWindowReason()));
      }
    }
    for (Variable variable : Json.orEmpty(dashboard.variables())) {
      if ("query".equals(variable.type()) && isPrometheus(variable.datasource(), dashboard)) {
        variableExpression(variable)
            .ifPresent(
                expr ->
                    queries.add(
                        new PrometheusQuery(
                            null, null, "variable " + variable.name() + ": ", expr, null)));
      }
    }
    for (Annotation annotation : Json.orEmpty(dashboard.annotations())) {
      if (annotation.expr() != null && isPrometheus(annotation.datasource(), dashboard)) {
        queries.add(
            new PrometheusQuery(
                null, null, "annotation " + annotation.name() + ": ", annotation.expr(), null));
      }
    }
    return queries;
  }

  /** The PromQL inside a variable's {@code label_values(expr, label)} or {@code query_result(expr)}. */
  private static Optional<String> variableExpression(Variable variable) {
    String query = variable.query();
    if (query == null) {
      var node = variable.additionalProperties().get("query");
      if (node != null && node.path("query").isTextual()) {
        query = node.path("query").textValue();
      }
    }
    if (query == null) {
      return Optional.empty();
    }
    for (Pattern pattern : List.of(LABEL_VALUES, QUERY_RESULT)) {
      Matcher matcher = pattern.matcher(query);
      if (matcher.matches()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }

  private static boolean isPrometheus(@Nullable DatasourceRef datasource, Dashboard dashboard) {
    if (datasource == null) {
      return false;
    }
    if (DatasourceRef.PROMETHEUS.equals(datasource.type())) {
      return true;
    }
    String variable = datasource.variableName();
    return variable != null
        && dashboard
            .variable(variable)
            .map(v -> "datasource".equals(v.type()) && DatasourceRef.PROMETHEUS.equals(v.query()))
            .orElse(false);
  }
}
