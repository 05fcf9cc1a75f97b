package io.ktrdr.observability.e2e.dashboards;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.panels.GrafanaFrontend;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.PrometheusPanelQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** Every panel of the dashboard at its defaults over its default range ending now, as the viewer sees it. */
  static Map<String, PanelView> viewsOf(Panels panels, String uid) {
    return viewsOf(panels, uid, null);
  }

  /** As {@link #viewsOf(Panels, String)}, over the last {@code range} (null: the dashboard's default range). */
  static Map<String, PanelView> viewsOf(Panels panels, String uid, Duration range) {
    Map<String, PanelView> views = new LinkedHashMap<>();
    judge(answersOf(panels, uid, range)).forEach(view -> views.put(view.title(), view));
    return views;
  }

  /** Every panel of every dashboard at its defaults, judged in one call. */
  static List<PanelView> viewsOfEveryDashboard(Panels panels) {
    List<PanelAnswers> request = new ArrayList<>();
    Panels.DASHBOARDS.forEach(dashboard -> request.addAll(answersOf(panels, dashboard.uid(), null)));
    return judge(request);
  }

  /** Each panel of the dashboard with this run's raw answer to each of its targets. */
  private static List<PanelAnswers> answersOf(Panels panels, String uid, Duration range) {
    Dashboard dashboard = Panels.dashboard(uid);
    Instant to = Instant.now();
    Instant from = range == null ? Panels.defaultFrom(dashboard, to) : to.minus(range);
    JsonNode json = dashboardJson(uid);
    Map<String, Map<String, JsonNode>> answers = new LinkedHashMap<>();
    Map<String, Long> steps = new LinkedHashMap<>();
    for (PanelQuery query : panels.plan(dashboard, Map.of(), from, to)) {
      String title = query.panel().panelTitle();
      answers.computeIfAbsent(title, t -> new LinkedHashMap<>()).put(query.panel().refId(), panels.run(query).body());
      if (query instanceof PrometheusPanelQuery prometheus) {
        steps.put(title, prometheus.window().step().toMillis());
      }
    }
    List<PanelAnswers> request = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      String title = panel.path("title").asText();
      // A row may have a panel's title ("Service health"); rows have no queries.
      if (!"row".equals(panel.path("type").asText()) && answers.containsKey(title)) {
        request.add(new PanelAnswers(uid, panel, answers.get(title), steps.getOrDefault(title, 15_000L)));
      }
    }
    return request;
  }

  private static JsonNode dashboardJson(String uid) {
    try {
      return JSON.readTree(ProjectFiles.dashboardsDirectory(ProjectFiles.root()).resolve(uid + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index of column {@code name} of a table panel. */
  static int column(PanelView view, String name) {
    int index = view.columns().indexOf(name);
    assertThat(index).as("column %s of %s", name, view.describe()).isNotNegative();
    return index;
  }

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
