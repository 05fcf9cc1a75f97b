package io.ktrdr.observability.e2e.provisioning;

import static io.ktrdr.observability.e2e.provisioning.GeneratedFiles.list;
import static io.ktrdr.observability.e2e.provisioning.GeneratedFiles.map;
import static io.ktrdr.observability.e2e.provisioning.GeneratedFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.NativeStackHandle;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.provisioning.Provisioning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Grafana will make of the generated files, checked in the files themselves: the facts the
 * Grafana-tagged tests check through Grafana's API where a Grafana runs.
 */
class GeneratedProvisioningTest {
  private static final Path ROOT = ProjectFiles.root();
  private static final Path MONITORING = ROOT.resolve(Provisioning.MONITORING_DIR);

  @Test
  void everyDashboardRefreshesEvery30SecondsAndIsNamedForItsUid() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.dashboardsDirectory(ROOT))) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();

      assertThat(json).hasSize(ProjectFiles.dashboards(ROOT).size()).isNotEmpty();
      for (Path file : json) {
        Dashboard dashboard = io.ktrdr.observability.dashboards.json.DashboardJson.read(file);
        assertThat(dashboard.refresh()).as("refresh of %s", file).isEqualTo("30s");
        assertThat(file.getFileName().toString()).as("file of dashboard %s", dashboard.uid()).isEqualTo(dashboard.uid() + ".json");
      }
    }
  }

  @Test
  void theDashboardsAreProvisionedIntoFolderKtrdrAndReReadEvery30Seconds() throws IOException {
    List<Map<String, Object>> providers = list(yaml(MONITORING.resolve(Provisioning.DASHBOARDS_PROVIDER)), "providers");

    assertThat(providers).hasSize(1);
    assertThat(providers.get(0))
        .containsEntry("folder", "KTRDR")
        .containsEntry("folderUid", "ktrdr")
        .containsEntry("type", "file")
        .containsEntry("updateIntervalSeconds", 30);
  }

  @Test
  void theDatasourcesHaveTheUidsTheDashboardsUseAndThePrometheusScrapeIntervalAsTimeInterval() throws IOException {
    List<Map<String, Object>> datasources = list(yaml(MONITORING.resolve(Provisioning.DATASOURCES)), "datasources");
    String scrapeInterval = (String) map(yaml(MONITORING.resolve(Provisioning.PROMETHEUS_CONFIG)), "global").get("scrape_interval");

    assertThat(datasources).extracting(d -> d.get("uid")).containsExactlyInAnyOrder("prometheus", "jaeger", "alertmanager");
    Map<String, Object> prometheus = datasources.stream().filter(d -> "prometheus".equals(d.get("uid"))).findFirst().orElseThrow();
    assertThat(map(prometheus, "jsonData")).containsEntry("timeInterval", scrapeInterval);
  }

  @Test
  void theTestStacksShortScrapeIntervalIsItsDatasourcesTimeInterval(@TempDir Path output) throws IOException {
    Provisioning.generateMonitoring(NativeStackHandle.testEnvironment(ROOT), output);

    List<Map<String, Object>> datasources = list(yaml(output.resolve(Provisioning.DATASOURCES)), "datasources");
    Map<String, Object> prometheus = datasources.stream().filter(d -> "prometheus".equals(d.get("uid"))).findFirst().orElseThrow();
    assertThat(map(yaml(output.resolve(Provisioning.PROMETHEUS_CONFIG)), "global"))
        .containsEntry("scrape_interval", NativeStackHandle.SCRAPE_INTERVAL_SECONDS + "s");
    assertThat(map(prometheus, "jsonData")).containsEntry("timeInterval", NativeStackHandle.SCRAPE_INTERVAL_SECONDS + "s");
  }
}
