package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaProvisioningContentTest {
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));

  private static Map<String, Object> datasource(GeneratedFiles files, String uid) {
    return list(Yamls.parse(files.text(Provisioning.DATASOURCES)).get("datasources")).stream().map(Yamls::map)
        .filter(datasource -> uid.equals(datasource.get("uid"))).findFirst()
        .orElseThrow(() -> new AssertionError("no datasource with uid " + uid));
  }

  private GeneratedFiles render(Environment environment, Path monitoringDir) {
    return Provisioning.renderMonitoring(environment, monitoringDir);
  }

  @Test
  void prometheusDatasourceHasTheContractUidAndTheScrapeIntervalAsTimeInterval() {
    Map<String, Object> prometheus = datasource(render(dev, Path.of("monitoring")), "prometheus");

    assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090")
        .containsEntry("isDefault", true).containsEntry("editable", true);
    assertThat(at(prometheus, "jsonData", "timeInterval")).isEqualTo("15s");
  }

  @Test
  void timeIntervalFollowsTheScrapeInterval() {
    Environment slower = dev.toBuilder().prometheus(
        dev.prometheus().toBuilder().scrapeInterval(PrometheusDuration.parse("30s")).build()).build();

    assertThat(at(datasource(render(slower, Path.of("monitoring")), "prometheus"), "jsonData", "timeInterval"))
        .isEqualTo("30s");
  }

  @Test
  void jaegerDatasourceHasTheContractUidAndQueryUrl() {
    assertThat(datasource(render(dev, Path.of("monitoring")), "jaeger")).containsEntry("type", "jaeger")
        .containsEntry("url", "http://jaeger:16686").containsEntry("editable", true);
  }

  @Test
  void datasourcesAreReadOnlyWhenTheEnvironmentSaysSo() {
    Environment locked = dev.toBuilder().grafana(dev.grafana().toBuilder().datasourcesEditable(false).build()).build();

    assertThat(datasource(render(locked, Path.of("monitoring")), "prometheus")).containsEntry("editable", false);
    assertThat(datasource(render(locked, Path.of("monitoring")), "jaeger")).containsEntry("editable", false);
  }

  @Test
  void dashboardProviderLoadsTheKtrdrFolderFromTheMountedDirectory() {
    Map<String, Object> provider =
        map(list(Yamls.parse(render(dev, Path.of("monitoring")).text(Provisioning.DASHBOARDS_PROVIDER))
            .get("providers")).get(0));

    assertThat(provider).containsEntry("name", "KTRDR Dashboards").containsEntry("folder", "KTRDR")
        .containsEntry("folderUid", "ktrdr").containsEntry("type", "file")
        .containsEntry("updateIntervalSeconds", 30).containsEntry("allowUiUpdates", true);
    assertThat(at(provider, "options", "path")).isEqualTo("/var/lib/grafana/dashboards");
  }

  @Test
  void relativeDashboardsPathIsResolvedAgainstTheMonitoringDirectory(@TempDir Path workDir) {
    Environment local = EnvironmentFile.load(ProjectFiles.environment("local"));
    Path monitoringDir = workDir.resolve("monitoring");
    Map<String, Object> provider =
        map(list(Yamls.parse(render(local, monitoringDir).text(Provisioning.DASHBOARDS_PROVIDER))
            .get("providers")).get(0));

    assertThat(at(provider, "options", "path")).isEqualTo(monitoringDir.resolve("grafana/dashboards").toString());
    assertThat(datasource(render(local, monitoringDir), "prometheus")).containsEntry("url", "http://127.0.0.1:9090");
    assertThat(datasource(render(local, monitoringDir), "jaeger")).containsEntry("url", "http://127.0.0.1:16686");
  }
}
