package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Grafana is started with: the settings and provisioning it finds in its run directory. */
class GrafanaServerTest {
  @TempDir Path temp;

  @Test
  void grafanaIsConfiguredOfflineOnLoopbackWithTheGeneratedProvisioning() throws Exception {
    Path datasources = Files.writeString(temp.resolve("datasources.yml"), "apiVersion: 1\n");
    Path dashboards = Files.writeString(temp.resolve("dashboards.yml"), "apiVersion: 1\n");
    GeneratedConfiguration generated =
        new GeneratedConfiguration(temp.resolve("prometheus.yml"), datasources, dashboards);
    StackAddresses addresses = StackAddresses.onFreePorts();
    Path run = temp.resolve("run");

    Path settingsFile = GrafanaServer.prepare(generated, addresses, run);

    String settings = Files.readString(settingsFile);
    assertThat(settingsFile).isEqualTo(run.resolve("grafana/grafana.ini"));
    assertThat(settings)
        .contains("http_addr = 127.0.0.1\n")
        .contains("http_port = " + addresses.grafanaPort() + "\n")
        .contains("provisioning = " + run.resolve("grafana/provisioning") + "\n")
        .contains("data = " + run.resolve("grafana/data") + "\n")
        .contains("[plugins]\npreinstall_disabled = true\n")
        .contains("reporting_enabled = false\n")
        .contains("check_for_updates = false\n")
        .contains("check_for_plugin_updates = false\n")
        .contains("admin_user = admin\nadmin_password = admin\n");
    assertThat(run.resolve("grafana/provisioning/datasources/datasources.yml")).hasSameTextualContentAs(datasources);
    assertThat(run.resolve("grafana/provisioning/dashboards/dashboards.yml")).hasSameTextualContentAs(dashboards);
  }
}
