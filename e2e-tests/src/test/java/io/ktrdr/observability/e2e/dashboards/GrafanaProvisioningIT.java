package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.RequiresGrafana;
import io.ktrdr.observability.e2e.harness.StackHandle;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grafana provisions the kit as a user would find it: no manual import, both datasources healthy. */
@RequiresGrafana
@Order(9)
@ExtendWith(SharedStack.class)
class GrafanaProvisioningIT {
  @Test
  void theDashboardsAreInFolderKtrdrAndMarkedProvisioned(StackHandle stack) {
    GrafanaApi grafana = new GrafanaApi(stack);
    await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
        assertThat(grafana.dashboardUidsInFolder("ktrdr"))
            .containsExactlyInAnyOrderElementsOf(Panels.DASHBOARDS.stream().map(Dashboard::uid).toList()));

    for (Dashboard dashboard : Panels.DASHBOARDS) {
      JsonNode meta = grafana.get("/api/dashboards/uid/" + dashboard.uid()).path("meta");
      assertThat(meta.path("provisioned").asBoolean()).as("%s provisioned: %s", dashboard.uid(), meta).isTrue();
      assertThat(meta.path("folderUid").asText()).as("%s folder uid", dashboard.uid()).isEqualTo("ktrdr");
      assertThat(meta.path("folderTitle").asText()).as("%s folder title", dashboard.uid()).isEqualTo("KTRDR");
    }
  }

  @Test
  void bothDatasourcesPassTheirHealthChecks(StackHandle stack) {
    GrafanaApi grafana = new GrafanaApi(stack);
    for (String uid : new String[] {"prometheus", "jaeger"}) {
      JsonNode health = grafana.get("/api/datasources/uid/" + uid + "/health");
      assertThat(health.path("status").asText()).as("health of datasource %s: %s", uid, health).isEqualTo("OK");
    }
  }

  @Test
  void everyDashboardRefreshesEvery30Seconds(StackHandle stack) {
    GrafanaApi grafana = new GrafanaApi(stack);
    for (Dashboard dashboard : Panels.DASHBOARDS) {
      assertThat(grafana.get("/api/dashboards/uid/" + dashboard.uid()).path("dashboard").path("refresh").asText())
          .as("refresh of %s", dashboard.uid()).isEqualTo("30s");
    }
  }
}
