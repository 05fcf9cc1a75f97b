package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.RequiresGrafana;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.stack.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grafana restarted, and a dashboard file changed under a running Grafana. */
@RequiresGrafana
@Order(10)
@ExtendWith(SharedStack.class)
class GrafanaRestartIT {
  @Test
  void afterAGrafanaRestartTheSameDashboardsAreThereWithoutDuplicates(StackHandle stack) {
    GrafanaApi grafana = new GrafanaApi(stack);
    stack.stop(Component.GRAFANA);
    stack.start(Component.GRAFANA);

    await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
        assertThat(grafana.dashboardUidsInFolder("ktrdr"))
            .as("dashboards in folder KTRDR after the restart")
            .containsExactlyInAnyOrderElementsOf(Panels.DASHBOARDS.stream().map(Dashboard::uid).toList()));
  }

  @Test
  void aChangedDashboardFileIsPickedUpWithinTheProvidersInterval(StackHandle stack) throws Exception {
    GrafanaApi grafana = new GrafanaApi(stack);
    Dashboard dashboard = Panels.DASHBOARDS.get(0);
    Path file = stack.provisionedDashboardsDirectory().resolve(dashboard.uid() + ".json");
    String original = Files.readString(file);
    ObjectMapper json = new ObjectMapper();
    ObjectNode changed = (ObjectNode) json.readTree(original);
    String title = dashboard.title() + " (changed)";
    changed.put("title", title);
    Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(changed));
    try {
      // The provider re-reads its directory every 30 s.
      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(grafana.get("/api/dashboards/uid/" + dashboard.uid()).path("dashboard").path("title").asText())
              .isEqualTo(title));
    } finally {
      Files.writeString(file, original);
    }
  }
}
