package io.ktrdr.observability.dashboards.ktrdr.rules;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.promql.Expr;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Prometheus alerting rule and the dashboard that explains it. Summary and description may use
 * Prometheus' alert templates ({@code {{ $labels.service }}}, {@code {{ $value }}}).
 *
 * @param alert the alert's name, e.g. {@code KtrdrWorkerDown}
 * @param expr fires for every series it returns
 * @param forDuration how long {@code expr} must hold before the alert fires, e.g. {@code 5m}
 * @param severity the {@code severity} label
 * @param summary one line naming what is wrong and where
 * @param description what it means and where to look first
 * @param dashboardUid the uid of the dashboard that explains the alert
 * @param dashboardVariables labels of the alert handed to that dashboard as {@code var-<label>}
 */
public record AlertRule(
    String alert,
    Expr expr,
    String forDuration,
    Severity severity,
    String summary,
    String description,
    String dashboardUid,
    List<String> dashboardVariables) {

  private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public AlertRule {
    requireNonNull(alert, "alert");
    requireNonNull(expr, "expr");
    requireNonNull(forDuration, "forDuration");
    requireNonNull(severity, "severity");
    requireNonNull(summary, "summary");
    requireNonNull(description, "description");
    requireNonNull(dashboardUid, "dashboardUid");
    dashboardVariables = List.copyOf(requireNonNull(dashboardVariables, "dashboardVariables"));
    if (!ALERT_NAME.matcher(alert).matches()) {
      throw new IllegalArgumentException("alert: expected an UpperCamelCase name, got \"" + alert + "\"");
    }
    if (!DURATION.matcher(forDuration).matches()) {
      throw new IllegalArgumentException(
          "forDuration: expected a Prometheus duration such as 5m, got \"" + forDuration + "\"");
    }
    if (expr.toString().contains("$")) {
      throw new IllegalArgumentException(
          "expr: rules run without Grafana, so no $ variables, got " + expr);
    }
    if (summary.isBlank() || description.isBlank() || dashboardUid.isBlank()) {
      throw new IllegalArgumentException(
          alert + ": summary, description and dashboardUid must not be blank");
    }
    for (String label : dashboardVariables) {
      if (!LABEL_NAME.matcher(label).matches()) {
        throw new IllegalArgumentException("dashboardVariables: not a label name: \"" + label + "\"");
      }
    }
  }

  public static Builder builder(String alert) {
    return new Builder(alert);
  }

  /** Builds an {@link AlertRule}; every field but the dashboard variables is required. */
  public static final class Builder {
    private final String alert;
    private Expr expr;
    private String forDuration;
    private Severity severity;
    private String summary;
    private String description;
    private String dashboardUid;
    private List<String> dashboardVariables = List.of();

    private Builder(String alert) {
      this.alert = requireNonNull(alert, "alert");
    }

    public Builder expr(Expr expr) {
      this.expr = requireNonNull(expr, "expr");
      return this;
    }

    public Builder forDuration(String forDuration) {
      this.forDuration = requireNonNull(forDuration, "forDuration");
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = requireNonNull(severity, "severity");
      return this;
    }

    public Builder summary(String summary) {
      this.summary = requireNonNull(summary, "summary");
      return this;
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /** The dashboard that explains the alert, opened with these alert labels as its variables. */
    public Builder dashboard(String uid, String... variables) {
      this.dashboardUid = requireNonNull(uid, "uid");
      this.dashboardVariables = List.of(variables);
      return this;
    }

    public AlertRule build() {
      return new AlertRule(alert, expr, forDuration, severity, summary, description, dashboardUid,
          dashboardVariables);
    }
  }
}
