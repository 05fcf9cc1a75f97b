package io.ktrdr.observability.e2e.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Picture requests from grafana-frontend's pinned answers (fixtures/prometheus/<uid>.json by panel
 * title, the two Jaeger searches for every Jaeger panel), as its every-panel test uses them.
 */
final class FixturePictures {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = ProjectFiles.root().resolve("grafana-frontend/fixtures");

  private FixturePictures() {}

  static ObjectNode request(String uid) throws IOException {
    JsonNode dashboard = DashboardPicture.readDashboard(ProjectFiles.dashboardsDirectory(ProjectFiles.root()).resolve(uid + ".json"));
    JsonNode fixtures = JSON.readTree(FIXTURES.resolve("prometheus").resolve(uid + ".json").toFile());
    ObjectNode answers = fixtures.path("panels").deepCopy();
    ObjectNode jaeger = JSON.createObjectNode();
    jaeger.set("A", JSON.readTree(FIXTURES.resolve("jaeger/search-operations-create.json").toFile()));
    jaeger.set("B", JSON.readTree(FIXTURES.resolve("jaeger/search-failed.json").toFile()));
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        if (target.path("queryType").asText().equals("search")) {
          answers.set(panel.path("title").asText(), jaeger);
        }
      }
    }
    Instant to = Instant.ofEpochSecond(fixtures.path("evaluatedAt").asLong());
    return DashboardPicture.request(dashboard, answers, Map.of(), to.minus(Duration.ofMinutes(5)), to,
        "Preview drawn by Grafana's UI library (@grafana/ui 13.2.3) from grafana-frontend's fixtures, not a capture of Grafana");
  }
}
