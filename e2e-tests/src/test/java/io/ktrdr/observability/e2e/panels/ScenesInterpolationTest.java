package io.ktrdr.observability.e2e.panels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.panels.TemplateInterpolator.PrometheusEscaping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every query of every generated dashboard interpolated by @grafana/scenes (Grafana 13's dashboard
 * runtime, run by grafana-frontend) and by {@link TemplateInterpolator}, at the defaults, All, one
 * value and two values of each variable, in both modes of prometheusSpecialCharsInLabelValues: they
 * agree. Query variables get options with regex metacharacters and quotes of both kinds.
 */
class ScenesInterpolationTest {
  private static final List<String> QUERY_OPTIONS = List.of("dev", "pre.prod", "o'brien \"q\"", "a\\b|c");
  private static final JsonNode[] results = new JsonNode[1];

  @Test
  void theJavaInterpolatorAgreesWithScenesOnEveryQueryOfEveryDashboard() throws IOException {
    List<String> disagreements = new ArrayList<>();
    ObjectNode request = GrafanaFrontend.JSON.createObjectNode().put("command", "interpolate");
    ArrayNode cases = request.putArray("cases");
    List<Runnable> checks = new ArrayList<>();
    int[] compared = {0};
    for (Dashboard dashboard : ProjectFiles.dashboards(ProjectFiles.root())) {
      JsonNode json = GrafanaFrontend.JSON.readTree(
          ProjectFiles.dashboardsDirectory(ProjectFiles.root()).resolve(dashboard.uid() + ".json").toFile());
      Map<String, List<String>> options = options(dashboard);
      List<String> prometheus = prometheusTexts(dashboard);
      List<String> text = otherTexts(dashboard);
      for (Map.Entry<String, Map<String, List<String>>> selection : selections(dashboard, options).entrySet()) {
        for (PrometheusEscaping escaping : PrometheusEscaping.values()) {
          ObjectNode one = cases.addObject()
              .put("escaping", escaping == PrometheusEscaping.CLASSIC ? "classic" : "specialCharsInLabelValues");
          one.set("variables", json.path("templating").path("list"));
          one.set("options", GrafanaFrontend.JSON.valueToTree(options));
          one.set("selection", GrafanaFrontend.JSON.valueToTree(selection.getValue()));
          one.set("prometheus", GrafanaFrontend.JSON.valueToTree(prometheus));
          one.set("text", GrafanaFrontend.JSON.valueToTree(text));
          int index = cases.size() - 1;
          TemplateInterpolator java =
              TemplateInterpolator.of(dashboard.variables(), selection.getValue(), options).withEscaping(escaping);
          checks.add(() -> {
            JsonNode scenes = results[0].get(index);
            for (int i = 0; i < prometheus.size(); i++) {
              compared[0]++;
              compare(disagreements, dashboard, selection.getKey(), escaping, prometheus.get(i),
                  scenes.path("prometheus").get(i).asText(), java.prometheusQuery(prometheus.get(i)));
            }
            for (int i = 0; i < text.size(); i++) {
              compared[0]++;
              compare(disagreements, dashboard, selection.getKey(), escaping, text.get(i),
                  scenes.path("text").get(i).asText(), java.text(text.get(i)));
            }
          });
        }
      }
    }
    results[0] = GrafanaFrontend.call(request).path("results");
    assertThat(results[0].size()).as("answers of @grafana/scenes").isEqualTo(cases.size());
    checks.forEach(Runnable::run);
    assertThat(compared[0]).as("interpolations compared").isGreaterThan(100);
    assertThat(disagreements).as("queries where TemplateInterpolator and @grafana/scenes disagree").isEmpty();
  }

  private static void compare(List<String> out, Dashboard dashboard, String selection, PrometheusEscaping escaping,
      String template, String scenes, String java) {
    if (!scenes.equals(java)) {
      out.add(dashboard.uid() + " [" + selection + ", " + escaping + "] " + template
          + "\n  scenes: " + scenes + "\n  java:   " + java);
    }
  }

  /** A custom variable's own options, a query variable's {@link #QUERY_OPTIONS}, others their default. */
  private static Map<String, List<String>> options(Dashboard dashboard) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (Variable variable : dashboard.variables()) {
      options.put(variable.name(), switch (variable.type()) {
        case "custom" -> VariableOptions.customOptions(variable.query());
        case "query" -> QUERY_OPTIONS;
        default -> variable.defaultValues();
      });
    }
    return options;
  }

  /** The defaults, then for each multi-value variable: All, each one value, two neighbouring values (the others at their defaults). */
  private static Map<String, Map<String, List<String>>> selections(Dashboard dashboard, Map<String, List<String>> options) {
    Map<String, Map<String, List<String>>> selections = new LinkedHashMap<>();
    selections.put("defaults", Map.of());
    for (Variable variable : dashboard.variables()) {
      List<String> values = options.get(variable.name());
      if (!Boolean.TRUE.equals(variable.multi()) || values.size() < 2) {
        if ("custom".equals(variable.type()) || "query".equals(variable.type())) {
          selections.put(variable.name() + "=" + values.get(values.size() - 1),
              Map.of(variable.name(), List.of(values.get(values.size() - 1))));
        }
        continue;
      }
      if (Boolean.TRUE.equals(variable.includeAll())) {
        selections.put(variable.name() + "=All", Map.of(variable.name(), List.of(Variable.ALL_VALUE)));
      }
      for (int i = 1; i < values.size(); i++) {
        selections.put(variable.name() + "=" + values.get(i), Map.of(variable.name(), List.of(values.get(i))));
        if (i + 1 < values.size()) {
          selections.put(variable.name() + "=" + values.get(i) + "+" + values.get(i + 1),
              Map.of(variable.name(), List.of(values.get(i), values.get(i + 1))));
        }
      }
    }
    return selections;
  }

  /** Every PromQL text of the dashboard: its panels' queries and its query variables' queries. */
  private static List<String> prometheusTexts(Dashboard dashboard) {
    Set<String> texts = new LinkedHashSet<>();
    for (Panel panel : dashboard.allPanels()) {
      panel.prometheusTargets().stream().map(PrometheusTarget::expr).filter(Objects::nonNull).forEach(texts::add);
    }
    dashboard.variables().stream().filter(v -> "query".equals(v.type())).map(Variable::query).forEach(texts::add);
    return List.copyOf(texts);
  }

  /** Every other text Grafana interpolates: datasource uids and Jaeger search fields. */
  private static List<String> otherTexts(Dashboard dashboard) {
    Set<String> texts = new LinkedHashSet<>();
    for (Panel panel : dashboard.allPanels()) {
      if (panel.datasource() != null && panel.datasource().uid() != null) {
        texts.add(panel.datasource().uid());
      }
      for (JaegerTarget target : panel.jaegerTargets()) {
        Stream.of(target.service(), target.operation(), target.tags(),
                target.datasource() == null ? null : target.datasource().uid())
            .filter(Objects::nonNull).forEach(texts::add);
      }
    }
    return List.copyOf(texts);
  }
}
