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
 *
 * <p>The Prometheus escaping follows Grafana 13.2's {@code interpolateQueryExpr} in either mode of its
 * {@code prometheusSpecialCharsInLabelValues} feature toggle ({@link PrometheusEscaping}); the toggle is
 * experimental and off by default, so {@link PrometheusEscaping#CLASSIC} is the default here too.
 */
public final class TemplateInterpolator {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?\\}");
  private static final Pattern REGEX_SPECIAL = Pattern.compile("[-\\[\\]{}()*+?.,\\\\^$|#\\s]");
  /** Regex metacharacters Grafana escapes in classic mode: no quote of either kind. */
  private static final Pattern CLASSIC_REGEX_SPECIAL = Pattern.compile("[$^*{}\\[\\]+?.()|]");
  /** With special characters in label values, the single quote is escaped as well. */
  private static final Pattern SPECIAL_CHARS_REGEX_SPECIAL = Pattern.compile("[$^*{}\\[\\]'+?.()|]");
  /** A value that is a whole label matcher ({@code job="x"}) keeps its quotes in special-chars mode. */
  private static final Pattern LABEL_MATCHER = Pattern.compile("^\\w+(=|!=|=~|!~)\".*\"$");

  /** The two behaviours of Grafana's {@code prometheusSpecialCharsInLabelValues} feature toggle. */
  public enum PrometheusEscaping {
    /** Toggle off (Grafana 13.2's default): single quotes escaped in plain values, no quote in regexes. */
    CLASSIC,
    /** Toggle on: double quotes escaped in plain values and regexes, single quotes in regexes too. */
    SPECIAL_CHARS_IN_LABEL_VALUES
  }

  private final Map<String, Variable> variables;
  private final Map<String, List<String>> selection;
  private final Map<String, List<String>> options;
  private final PrometheusEscaping escaping;

  private TemplateInterpolator(
      Map<String, Variable> variables,
      Map<String, List<String>> selection,
      Map<String, List<String>> options,
      PrometheusEscaping escaping) {
    this.variables = variables;
    this.selection = selection;
    this.options = options;
    this.escaping = escaping;
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
    return new TemplateInterpolator(byName, Map.copyOf(selection), Map.copyOf(options), PrometheusEscaping.CLASSIC);
  }

  /** The same interpolator with Grafana's escaping in the given mode of its feature toggle. */
  public TemplateInterpolator withEscaping(PrometheusEscaping escaping) {
    return new TemplateInterpolator(variables, selection, options, requireNonNull(escaping, "escaping"));
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

  private String formatted(List<String> values, String format, boolean prometheus, boolean multi, boolean includeAll) {
    if (format == null) {
      if (prometheus) {
        return prometheusDefault(values, multi, includeAll, escaping);
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
  private static String prometheusDefault(
      List<String> values, boolean multi, boolean includeAll, PrometheusEscaping escaping) {
    if (!multi && !includeAll) {
      return values.stream().map(v -> prometheusRegularEscape(v, escaping)).collect(Collectors.joining(","));
    }
    if (values.size() == 1) {
      return prometheusRegexEscape(values.get(0), escaping);
    }
    return values.stream()
        .map(v -> prometheusRegexEscape(v, escaping))
        .collect(Collectors.joining("|", "(", ")"));
  }

  /**
   * A plain value inside a PromQL string: backslashes doubled; in classic mode a single quote becomes
   * {@code \\'}, with special characters a double quote becomes {@code \"} (and a whole label
   * matcher such as {@code job="x"} is left as it is).
   */
  static String prometheusRegularEscape(String value, PrometheusEscaping escaping) {
    if (escaping == PrometheusEscaping.SPECIAL_CHARS_IN_LABEL_VALUES) {
      if (LABEL_MATCHER.matcher(value).matches()) {
        return value;
      }
      return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
    return value.replace("\\", "\\\\").replace("'", "\\\\'");
  }

  /**
   * Regex metacharacters escaped for a regex written inside a PromQL string ({@code a.b} becomes
   * {@code a\\.b}), backslashes quadrupled; with special characters a double quote becomes
   * {@code \\\"} and a single quote is escaped like a metacharacter. Classic mode escapes no quote.
   */
  static String prometheusRegexEscape(String value, PrometheusEscaping escaping) {
    String escaped = value.replace("\\", "\\\\\\\\");
    Pattern special = CLASSIC_REGEX_SPECIAL;
    if (escaping == PrometheusEscaping.SPECIAL_CHARS_IN_LABEL_VALUES) {
      escaped = escaped.replace("\"", "\\\\\\\"");
      special = SPECIAL_CHARS_REGEX_SPECIAL;
    }
    return special.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("\\\\" + m.group()));
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
