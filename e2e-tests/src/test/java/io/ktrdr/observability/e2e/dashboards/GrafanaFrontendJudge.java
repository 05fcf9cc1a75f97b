package io.ktrdr.observability.e2e.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Grafana's own front-end code (grafana-frontend/dist/judge.mjs, @grafana/data 13.2.3) turning raw
 * Prometheus and Jaeger answers into what a viewer of each panel sees. JSON in on stdin, JSON out on
 * stdout; the Node process is started once per call.
 */
final class GrafanaFrontendJudge {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

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

  static Path script() {
    return ProjectFiles.root().resolve("grafana-frontend/dist/judge.mjs");
  }

  static List<PanelView> judge(List<PanelAnswers> panels) {
    Path script = script();
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(script + " is missing: the grafana-frontend module builds it"
          + " (./mvnw -pl grafana-frontend compile)");
    }
    ObjectNode request = JSON.createObjectNode().put("command", "judge");
    ArrayNode items = request.putArray("panels");
    for (PanelAnswers p : panels) {
      ObjectNode item = items.addObject().put("dashboardUid", p.dashboardUid()).put("stepMs", p.stepMs());
      item.set("panel", p.panel());
      ObjectNode answers = item.putObject("answers");
      p.answers().forEach(answers::set);
    }
    try {
      Path stderr = Files.createTempFile("grafana-frontend-judge", ".log");
      ProcessBuilder builder = new ProcessBuilder(System.getProperty("e2e.node", "node"), script.toString())
          .redirectError(stderr.toFile());
      builder.environment().put("TZ", "UTC");
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(request));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the judge did not finish within " + TIMEOUT);
      }
      String errors = Files.readString(stderr, StandardCharsets.UTF_8);
      Files.deleteIfExists(stderr);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the judge exited with " + process.exitValue() + ":\n" + errors);
      }
      List<PanelView> views = new ArrayList<>();
      for (JsonNode view : JSON.readTree(out).path("views")) {
        views.add(JSON.treeToValue(view, PanelView.class));
      }
      return views;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + script + " with node: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the judge ran", e);
    }
  }
}
