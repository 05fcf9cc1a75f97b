package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Variable;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a dashboard's variables, found as Grafana finds them: a custom variable's
 * comma-separated list, a query variable's {@code label_values(...)} asked of Prometheus (with the
 * variables before it substituted), a datasource variable's current datasource.
 */
public final class VariableOptions {
  private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*)\\)\\s*$", Pattern.DOTALL);

  private VariableOptions() {}

  /**
   * @param selection selected values of variables; others at their defaults
   * @return every variable's options, in the dashboard's order, sorted as Prometheus answers them
   */
  public static Map<String, List<String>> resolve(
      Dashboard dashboard, Map<String, List<String>> selection, URI prometheus, Instant from, Instant to) {
    requireNonNull(dashboard, "dashboard");
    requireNonNull(prometheus, "prometheus");
    Map<String, List<String>> options = new LinkedHashMap<>();
    JsonHttp http = JsonHttp.anonymous();
    for (Variable variable : dashboard.variables()) {
      TemplateInterpolator interpolator = TemplateInterpolator.of(dashboard.variables(), selection, options);
      switch (variable.type()) {
        case "custom" -> options.put(variable.name(), customOptions(variable.query()));
        case "query" -> options.put(
            variable.name(), labelValues(http, prometheus, interpolator.prometheusQuery(variable.query()), from, to));
        default -> options.put(variable.name(), variable.defaultValues());
      }
    }
    return options;
  }

  /** A custom variable's options: its query split at commas, trimmed. */
  public static List<String> customOptions(String query) {
    return Arrays.stream(query.split("(?<!\\\\),")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** {@code label_values(label)} or {@code label_values(selector, label)}, asked as Grafana asks it. */
  static List<String> labelValues(JsonHttp http, URI prometheus, String query, Instant from, Instant to) {
    Matcher matcher = LABEL_VALUES.matcher(query);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("only label_values(...) variable queries are supported, not: " + query);
    }
    String arguments = matcher.group(1);
    int comma = arguments.lastIndexOf(',');
    String label = arguments.substring(comma + 1).strip();
    Map<String, String> parameters = new LinkedHashMap<>();
    if (comma > 0) {
      parameters.put("match[]", arguments.substring(0, comma).strip());
    }
    parameters.put("start", Long.toString(from.getEpochSecond()));
    parameters.put("end", Long.toString(to.getEpochSecond()));
    JsonNode answer = http.get(JsonHttp.uri(prometheus, "/api/v1/label/" + label + "/values", parameters));
    List<String> values = new ArrayList<>();
    answer.path("data").forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }
}
