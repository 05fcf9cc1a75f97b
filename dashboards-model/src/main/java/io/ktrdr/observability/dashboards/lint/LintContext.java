package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.promql.Node;
import io.ktrdr.observability.dashboards.internal.promql.PromQlParser;
import io.ktrdr.observability.dashboards.internal.promql.PromQlSyntaxException;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What rules may know beyond the dashboard they check: every dashboard of the run, the uids of
 * the provisioned datasources, the metric catalog and the linter's options.
 */
public final class LintContext {

  private final List<Dashboard> dashboards;
  private final Set<String> provisionedDatasourceUids;
  private final Optional<MetricCatalog> metricCatalog;
  private final boolean requireNotEditable;
  private final Map<String, Object> parsed = new HashMap<>();

  LintContext(
      List<Dashboard> dashboards,
      Set<String> provisionedDatasourceUids,
      Optional<MetricCatalog> metricCatalog,
      boolean requireNotEditable) {
    this.dashboards = List.copyOf(dashboards);
    this.provisionedDatasourceUids = Set.copyOf(provisionedDatasourceUids);
    this.metricCatalog = metricCatalog;
    this.requireNotEditable = requireNotEditable;
  }

  /** Every dashboard linted together, in order. */
  public List<Dashboard> dashboards() {
    return dashboards;
  }

  /** The uids of the datasources Grafana is provisioned with. */
  public Set<String> provisionedDatasourceUids() {
    return provisionedDatasourceUids;
  }

  /** The metrics queries may name; empty when none was supplied (the catalog rules then pass). */
  public Optional<MetricCatalog> metricCatalog() {
    return metricCatalog;
  }

  /** Whether dashboards must not be editable in Grafana's UI. */
  public boolean requireNotEditable() {
    return requireNotEditable;
  }

  /** The parsed expression, or empty when it does not parse; parsed once per run. */
  Optional<Node> parse(String expr) {
    Object result = parsed.computeIfAbsent(expr, LintContext::parseOrError);
    return result instanceof Node ? Optional.of((Node) result) : Optional.empty();
  }

  /** Why the expression does not parse, or empty when it does. */
  Optional<String> syntaxError(String expr) {
    Object result = parsed.computeIfAbsent(expr, LintContext::parseOrError);
    return result instanceof String ? Optional.of((String) result) : Optional.empty();
  }

  private static Object parseOrError(String expr) {
    try {
      return PromQlParser.parse(expr);
    } catch (PromQlSyntaxException e) {
      return e.getMessage();
    }
  }
}
