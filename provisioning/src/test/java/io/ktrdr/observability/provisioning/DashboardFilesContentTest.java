package io.ktrdr.observability.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DashboardFilesContentTest {
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));

  private SortedMap<String, String> dashboards() {
    SortedMap<String, String> dashboards = new TreeMap<>();
    Provisioning.renderMonitoring(dev, ProjectFiles.root().resolve("monitoring")).files().forEach((path, text) -> {
      if (path.startsWith(Provisioning.DASHBOARDS_DIR + "/")) {
        dashboards.put(path.substring(Provisioning.DASHBOARDS_DIR.length() + 1), text);
      }
    });
    return dashboards;
  }

  @Test
  void theThreeKtrdrDashboardsAreWrittenOneFileEachNamedByUid() throws IOException {
    SortedMap<String, String> dashboards = dashboards();

    assertThat(dashboards).containsOnlyKeys(
        "ktrdr-operations.json", "ktrdr-system-overview.json", "ktrdr-worker-status.json");
    for (Map.Entry<String, String> file : dashboards.entrySet()) {
      JsonNode dashboard = new ObjectMapper().readTree(file.getValue());
      assertThat(dashboard.path("uid").asText() + ".json").as(file.getKey()).isEqualTo(file.getKey());
      assertThat(dashboard.path("tags").toString()).as(file.getKey()).contains("\"ktrdr\"");
      assertThat(dashboard.has("id")).as(file.getKey() + " has a database id").isFalse();
    }
  }

  @Test
  void dashboardsReferOnlyToTheProvisionedDatasourcesOrVariables() {
    for (Map.Entry<String, String> file : dashboards().entrySet()) {
      assertThat(file.getValue()).as(file.getKey())
          .doesNotContain("\"uid\": \"Prometheus\"").doesNotContain("\"uid\": \"Jaeger\"")
          .contains("\"uid\": \"${datasource}\"");
    }
  }
}
