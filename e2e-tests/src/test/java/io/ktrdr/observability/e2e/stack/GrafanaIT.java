package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.e2e.harness.RequiresGrafana;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grafana with the generated provisioning, over the local Prometheus and Jaeger.
 *
 * <p>The Go module proxy refuses Grafana's module, so these run where {@code KTRDR_GRAFANA_HOME}
 * names an installed Grafana, whatever the chosen stack mode; without one they are skipped with that
 * reason (a failure under {@code -De2e.requireGrafana=true}).
 */
@RequiresGrafana(nativeStack = true)
class GrafanaIT {
  private static final HttpJson GRAFANA =
      HttpJson.basicAuth(NativeStack.grafanaAdminUser(), NativeStack.grafanaAdminPassword());
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final NativeStackExtension STACK =
      new NativeStackExtension(
          () -> NativeStack.builder().configuration(ProvisionedConfiguration.local(Projects.root())));

  @Test
  void grafanaAnswersItsHealthEndpoint() {
    JsonNode health = GRAFANA.get(STACK.stack().grafanaUri().resolve("/api/health"));

    assertThat(health.path("database").asText()).as("database in %s", health).isEqualTo("ok");
  }

  @Test
  void everyDashboardFileIsProvisionedInFolderKtrdrWithoutImport() throws IOException {
    List<String> expectedUids = dashboardUids();
    URI search = STACK.stack().grafanaUri().resolve("/api/search?type=dash-db&folderUIDs=ktrdr");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(GRAFANA.get(search))
                    .as("dashboards in folder KTRDR")
                    .extracting(hit -> hit.path("uid").asText())
                    .containsExactlyInAnyOrderElementsOf(expectedUids));
    for (String uid : expectedUids) {
      JsonNode meta = GRAFANA.get(STACK.stack().grafanaUri().resolve("/api/dashboards/uid/" + uid)).path("meta");
      assertThat(meta.path("provisioned").asBoolean()).as("%s provisioned", uid).isTrue();
      assertThat(meta.path("folderTitle").asText()).as("%s folder", uid).isEqualTo("KTRDR");
    }
  }

  @Test
  void bothDatasourcesPassTheirHealthChecks() {
    for (String uid : List.of("prometheus", "jaeger")) {
      URI health = STACK.stack().grafanaUri().resolve("/api/datasources/uid/" + uid + "/health");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(GRAFANA.get(health).path("status").asText()).as(uid).isEqualTo("OK"));
    }
  }

  @Test
  void aPrometheusQueryThroughGrafanaReturnsData() {
    String query =
        """
        {"from":"now-5m","to":"now","queries":[{"refId":"A",
          "datasource":{"uid":"prometheus","type":"prometheus"},
          "expr":"count(up{job=\\"ktrdr-backend\\"})","instant":true,"range":false,
          "intervalMs":1000,"maxDataPoints":100}]}
        """;

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode frames =
                  GRAFANA.post(STACK.stack().grafanaUri().resolve("/api/ds/query"), query)
                      .path("results").path("A").path("frames");
              assertThat(frames).as("frames of count(up{job=\"ktrdr-backend\"})").isNotEmpty();
              assertThat(frames.get(0).path("data").path("values").get(1).get(0).asDouble())
                  .isEqualTo(1.0);
            });
  }

  private static List<String> dashboardUids() throws IOException {
    List<String> uids = new ArrayList<>();
    Path dashboards = STACK.stack().runDirectory().resolve("config/monitoring/grafana/dashboards");
    try (Stream<Path> files = Files.list(dashboards)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        uids.add(JSON.readTree(file.toFile()).path("uid").asText());
      }
    }
    assertThat(uids).as("dashboards in %s", dashboards).hasSize(3);
    return uids;
  }
}
