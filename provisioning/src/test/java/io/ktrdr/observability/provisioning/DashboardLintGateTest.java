package io.ktrdr.observability.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.ktrdr.KtrdrDashboards;
import io.ktrdr.observability.dashboards.lint.LintException;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dashboard that fails the lint stops the whole generation before anything is written. */
class DashboardLintGateTest {
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));

  /** A dashboard reading a metric KTRDR does not emit. */
  private static Dashboard dashboardWithUnknownMetric() {
    DatasourceRef prometheus = DatasourceRef.prometheus("${datasource}");
    return Dashboard.builder()
        .uid("ktrdr-broken").title("Broken").description("Reads a metric KTRDR does not emit.")
        .tags("ktrdr").refresh("30s").time("now-6h", "now")
        .variable(Variable.datasource("datasource", DatasourceRef.PROMETHEUS).defaultValue("prometheus"))
        .row(Panel.row("Queue").panels(
            Panel.timeseries("Queue depth").description("Jobs waiting.")
                .datasource(prometheus)
                .target(PrometheusTarget.builder("sum(ktrdr_queue_depth)").legendFormat("depth"))
                .unit("short").build()))
        .build();
  }

  @Test
  void theKtrdrDashboardsPassTheLint() {
    assertThat(Provisioning.render(dev, ProjectFiles.root()).files())
        .containsKey("monitoring/grafana/dashboards/ktrdr-system-overview.json");
  }

  @Test
  void lintFindingNamesDashboardPanelAndRuleAndNothingIsWritten(@TempDir Path output) throws IOException {
    Provisioning.generate(dev, output);
    Path prometheusConfig = output.resolve("monitoring/prometheus/prometheus.yml");
    Files.writeString(prometheusConfig, "# the previous configuration\n");
    List<Dashboard> dashboards = new ArrayList<>(KtrdrDashboards.all());
    dashboards.add(dashboardWithUnknownMetric());

    assertThatThrownBy(() -> Provisioning.generate(dev, output, dashboards))
        .isInstanceOf(GenerationException.class)
        .hasCauseInstanceOf(LintException.class)
        .hasMessageContaining("[metric-in-catalog] dashboard ktrdr-broken (\"Broken\"), panel \"Queue depth\"")
        .hasMessageContaining("ktrdr_queue_depth");

    assertThat(prometheusConfig).hasContent("# the previous configuration");
    assertThat(output.resolve("monitoring/grafana/dashboards/ktrdr-broken.json")).doesNotExist();
    try (var entries = Files.list(output)) {
      assertThat(entries.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("monitoring", "docker-compose.dev.yml");
    }
  }
}
