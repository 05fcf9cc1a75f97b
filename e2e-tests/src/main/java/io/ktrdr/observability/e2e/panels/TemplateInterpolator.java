package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.model.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Substitutes a dashboard's variables into a query the way Grafana's front end does before it sends
 * the query ({@code templateSrv.replace} with the Prometheus datasource's {@code interpolateQueryExpr}).
 *
 * <ul>
 *   <li>Forms: {@code $var}, {@code ${var}}, {@code ${var:format}}, {@code [[var]]}, {@code
 *       [[var:format]]}. Names that are no dashboard variable (Grafana's built-ins such as {@code
 *       $__rate_interval}) are left for the backend.
 *   <li>"All" becomes the variable's {@code allValue}, unformatted, when it has one; otherwise every
 *       option's value, formatted like a multi-value selection.
 *   <li>Prometheus queries, no explicit format: a variable that is neither multi-valued nor has
 *       "All" gets only quotes and backslashes escaped; otherwise values are regex-escaped (for
 *       inside a PromQL string) and more than one become {@code (a|b)}.
 *   <li>Explicit formats: {@code regex}, {@code pipe}, {@code csv}, {@code raw}, {@code glob},
 *       {@code text}, {@code json}, {@code singlequote}, {@code doublequote}.
 * </ul>
 */
public final class TemplateInterpolator {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?\\}");
  private static final Pattern REGEX_SPECIAL = Pattern.compile("[-\\[\\]{}()*+?.,\\\\^$|#\\s]");
  private static final Pattern PROMETHEUS_REGEX_SPECIAL = Pattern.compile("[$^*{}\\[\\]'+?.()|]");

  private final Map<String, Variable> variables;
  private final Map<String, List<String>> selection;
  private final Map<String, List<String>> options;

  private TemplateInterpolator(
      Map<String, Variable> variables, Map<String, List<String>> selection, Map<String, List<String>> options) {
    this.variables = variables;
    this.selection = selection;
    this.options = options;
  }

  /**
   * @param variables the dashboard's variables
   * @param selection the selected values of each variable ({@value Variable#ALL_VALUE} for All);
   *     a variable not named here is at its default
   * @param options every option of each variable, used where All has no {@code allValue}
   */
  public static TemplateInterpolator of(
      List<Variable> variables, Map<String, List<String>> selection, Map<String, List<String>> options) {
    requireNonNull(variables, "variables");
    requireNonNull(selection, "selection");
    requireNonNull(options, "options");
    Map<String, Variable> byName = new LinkedHashMap<>();
    variables.forEach(variable -> byName.put(variable.name(), variable));
    for (String name : selection.keySet()) {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException("selection names no variable of the dashboard: " + name);
      }
    }
    return new TemplateInterpolator(byName, Map.copyOf(selection), Map.copyOf(options));
  }

  /** The values selected for {@code name}: the selection, else the variable's default. */
  public List<String> selected(String name) {
    Variable variable = variables.get(name);
    if (variable == null) {
      throw new IllegalArgumentException("no variable " + name);
    }
    return selection.getOrDefault(name, variable.defaultValues());
  }

  /** Substitutes the dashboard's variables into a Prometheus query. */
  public String prometheusQuery(String expr) {
    return replace(expr, true);
  }

  /** Substitutes the dashboard's variables into any other text, e.g. a Jaeger field or a datasource uid. */
  public String text(String text) {
    return replace(text, false);
  }

  private String replace(String text, boolean prometheus) {
    if (text == null) {
      return null;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = first(matcher.group(1), matcher.group(2), matcher.group(4));
      String format = first(matcher.group(3), matcher.group(6));
      Variable variable = variables.get(name);
      String replacement = variable == null ? matcher.group() : value(variable, format, prometheus);
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private String value(Variable variable, String format, boolean prometheus) {
    List<String> values = selected(variable.name());
    if (values.contains(Variable.ALL_VALUE)) {
      if (variable.allValue() != null && !"text".equals(format) && !"percentencode".equals(format)) {
        return replace(variable.allValue(), prometheus);
      }
      values = options.get(variable.name());
      if (values == null || values.isEmpty()) {
        throw new IllegalStateException(
            "variable " + variable.name() + " is at All without an allValue, and its options are unknown");
      }
      return formatted(values, format, prometheus, true, true);
    }
    return formatted(
        values, format, prometheus, Boolean.TRUE.equals(variable.multi()), Boolean.TRUE.equals(variable.includeAll()));
  }

  private static String formatted(
      List<String> values, String format, boolean prometheus, boolean multi, boolean includeAll) {
    if (format == null) {
      if (prometheus) {
        return prometheusDefault(values, multi, includeAll);
      }
      return values.size() == 1 ? values.get(0) : "{" + String.join(",", values) + "}";
    }
    return switch (format) {
      case "regex" -> values.size() == 1
          ? escapeRegex(values.get(0))
          : "(" + values.stream().map(TemplateInterpolator::escapeRegex).collect(Collectors.joining("|")) + ")";
      case "pipe" -> String.join("|", values);
      case "csv", "raw", "text" -> String.join(",", values);
      case "glob" -> values.size() == 1 ? values.get(0) : "{" + String.join(",", values) + "}";
      case "json" -> values.size() == 1
          ? "\"" + values.get(0) + "\""
          : values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
      case "singlequote" -> values.stream().map(v -> "'" + v.replace("'", "\\'") + "'").collect(Collectors.joining(","));
      case "doublequote" -> values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(","));
      default -> throw new IllegalArgumentException("unknown variable format: " + format);
    };
  }

  /** The Prometheus datasource's {@code interpolateQueryExpr}. */
  private static String prometheusDefault(List<String> values, boolean multi, boolean includeAll) {
    if (!multi && !includeAll) {
      return values.stream().map(TemplateInterpolator::prometheusRegularEscape).collect(Collectors.joining(","));
    }
    if (values.size() == 1) {
      return prometheusRegexEscape(values.get(0));
    }
    return values.stream()
        .map(TemplateInterpolator::prometheusRegexEscape)
        .collect(Collectors.joining("|", "(", ")"));
  }

  /** Backslashes doubled and single quotes escaped: the value stays itself inside a PromQL string. */
  static String prometheusRegularEscape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\\\'");
  }

  /** Regex metacharacters escaped for a regex written inside a PromQL string: {@code a.b} becomes {@code a\\.b}. */
  static String prometheusRegexEscape(String value) {
    String backslashes = value.replace("\\", "\\\\\\\\");
    return PROMETHEUS_REGEX_SPECIAL.matcher(backslashes).replaceAll(m -> Matcher.quoteReplacement("\\\\" + m.group()));
  }

  /** Grafana's {@code escapeRegex}, used by the explicit {@code regex} format. */
  static String escapeRegex(String value) {
    return REGEX_SPECIAL.matcher(value).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
