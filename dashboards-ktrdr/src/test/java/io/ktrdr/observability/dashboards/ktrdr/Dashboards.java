package io.ktrdr.observability.dashboards.ktrdr;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.ValueMapping;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reading helpers for the dashboard tests. */
final class Dashboards {

  private Dashboards() {}

  static Panel panel(Dashboard dashboard, String title) {
    return dashboard
        .panel(title)
        .orElseThrow(() -> new AssertionError(dashboard.uid() + " has no panel " + title));
  }

  static List<String> exprs(Panel panel) {
    return panel.prometheusTargets().stream()
        .map(PrometheusTarget::expr)
        .collect(Collectors.toList());
  }

  /** Every PromQL text of the dashboard: panel queries and query variables. */
  static List<String> promql(Dashboard dashboard) {
    List<String> texts = new ArrayList<>();
    for (Panel panel : dashboard.allPanels()) {
      texts.addAll(exprs(panel));
    }
    for (Variable variable : dashboard.variables()) {
      if ("query".equals(variable.type())) {
        texts.add(variable.query());
      }
    }
    return texts;
  }

  static List<String> legends(Panel panel) {
    return panel.prometheusTargets().stream()
        .map(PrometheusTarget::legendFormat)
        .collect(Collectors.toList());
  }

  /** The value mappings of the panel's defaults as Grafana JSON. */
  static List<JsonNode> mappings(Panel panel) {
    return panel.fieldConfig().defaults().mappings().stream()
        .map(ValueMapping::toJson)
        .collect(Collectors.toList());
  }

  /** The properties the panel's override of field {@code name} sets, as {@code id -> value}. */
  static JsonNode overrideOf(Panel panel, String name) {
    for (FieldOverride override : panel.fieldConfig().overrides()) {
      if (override.matcherId().equals(FieldOverride.BY_NAME)
          && override.matcherOptions().asText().equals(name)) {
        return override.toJson().get("properties");
      }
    }
    throw new AssertionError(panel.title() + " has no override for " + name);
  }

  static String propertyValue(JsonNode properties, String id) {
    for (JsonNode property : properties) {
      if (property.get("id").asText().equals(id)) {
        JsonNode value = property.get("value");
        return value.isTextual() ? value.asText() : value.toString();
      }
    }
    throw new AssertionError("no property " + id + " in " + properties);
  }
}
