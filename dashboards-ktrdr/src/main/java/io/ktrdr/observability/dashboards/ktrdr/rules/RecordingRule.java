package io.ktrdr.observability.dashboards.ktrdr.rules;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.PromQl;
import io.ktrdr.observability.dashboards.promql.Selector;
import java.util.regex.Pattern;

/**
 * A Prometheus recording rule: {@code expr} evaluated on every rule evaluation and stored as the
 * series {@code record}. Its windows are fixed (rules run without Grafana's {@code
 * $__rate_interval}), and its name follows Prometheus' {@code level:metric:operations}.
 *
 * @param record the recorded series' name, e.g. {@code service:process_cpu_seconds:rate5m}
 * @param expr the expression recorded
 * @param help what the series holds and which labels it keeps, for readers of the rule file
 */
public record RecordingRule(String record, Expr expr, String help) {

  private static final Pattern LEVEL_METRIC_OPERATIONS =
      Pattern.compile("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+");

  public RecordingRule {
    requireNonNull(record, "record");
    requireNonNull(expr, "expr");
    requireNonNull(help, "help");
    if (!LEVEL_METRIC_OPERATIONS.matcher(record).matches()) {
      throw new IllegalArgumentException(
          "record: expected level:metric:operations, got \"" + record + "\"");
    }
    if (expr.toString().contains("$")) {
      throw new IllegalArgumentException(
          "expr: rules run without Grafana, so no $ variables, got " + expr);
    }
    if (help.isBlank()) {
      throw new IllegalArgumentException("help: expected a description of " + record);
    }
  }

  /** Selects the recorded series, for dashboards: add matchers with {@code eq}, {@code re}, .... */
  public Selector series() {
    return PromQl.metric(record);
  }
}
