package io.ktrdr.observability.e2e.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.e2e.panels.GrafanaFrontend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grafana's own front-end code (grafana-frontend/dist/judge.mjs, @grafana/data 13.2.3) turning raw
 * Prometheus and Jaeger answers into what a viewer of each panel sees ({@link GrafanaFrontend}).
 */
final class GrafanaFrontendJudge {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One panel with the raw answer of each of its targets, by refId. */
  record PanelAnswers(String dashboardUid, JsonNode panel, Map<String, JsonNode> answers, long stepMs) {
    PanelAnswers {
      requireNonNull(dashboardUid, "dashboardUid");
      requireNonNull(panel, "panel");
      answers = Map.copyOf(answers);
    }
  }

  /** What a viewer sees of a panel; columns and rows for tables, values for stats, series otherwise. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record PanelView(String dashboardUid, String title, String type, List<String> columns, List<List<String>> rows,
      List<Map<String, String>> values, List<Map<String, Object>> series, List<String> findings) {
    PanelView {
      columns = columns == null ? List.of() : columns;
      rows = rows == null ? List.of() : rows;
      values = values == null ? List.of() : values;
      series = series == null ? List.of() : series;
      findings = findings == null ? List.of() : findings;
    }

    int shown() {
      return rows.size() + values.size() + series.size();
    }

    String describe() {
      return dashboardUid + " / " + title + " (" + type + "): columns " + columns + ", rows " + rows + ", values "
          + values + ", series " + series + ", findings " + findings;
    }
  }

  private GrafanaFrontendJudge() {}

  static List<PanelView> judge(List<PanelAnswers> panels) {
    ObjectNode request = JSON.createObjectNode().put("command", "judge");
    ArrayNode items = request.putArray("panels");
    for (PanelAnswers p : panels) {
      ObjectNode item = items.addObject().put("dashboardUid", p.dashboardUid()).put("stepMs", p.stepMs());
      item.set("panel", p.panel());
      ObjectNode answers = item.putObject("answers");
      p.answers().forEach(answers::set);
    }
    List<PanelView> views = new ArrayList<>();
    try {
      for (JsonNode view : GrafanaFrontend.call(request).path("views")) {
        views.add(JSON.treeToValue(view, PanelView.class));
      }
    } catch (IOException e) {
      throw new IllegalStateException("the judge's answer is not a list of panel views: " + e.getMessage(), e);
    }
    return views;
  }
}
