package io.ktrdr.observability.dashboards.ktrdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.lint.DashboardLinter;
import io.ktrdr.observability.dashboards.lint.Finding;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KtrdrDashboardsLintTest {

  private final DashboardLinter linter =
      DashboardLinter.builder()
          .provisionedDatasources("prometheus", "jaeger")
          .metricCatalog(KtrdrMetricCatalog.catalog())
          .build();

  @Test
  void theThreeDashboardsPassTheLintWithTheKtrdrCatalogAndTheProvisionedDatasources() {
    assertThat(linter.lint(KtrdrDashboards.all())).isEmpty();
  }

  @Test
  void aPanelNamingAMetricKtrdrDoesNotEmitFailsTheLint() {
    Dashboard overview = SystemOverviewDashboard.build();
    List<Panel> panels = new ArrayList<>(overview.panels());
    panels.add(
        KtrdrPanels.timeseries("Registered workers", "Worker count as a renaming exporter has it.", "none")
            .target(
                PrometheusTarget.builder("sum(ktrdr_workers_registered)")
                    .datasource(KtrdrVariables.PROMETHEUS))
            .build());
    Dashboard broken =
        Dashboard.builder()
            .uid(overview.uid())
            .title(overview.title())
            .description(overview.description())
            .variables(overview.variables())
            .panels(panels)
            .build();

    assertThat(linter.lint(broken))
        .extracting(Finding::ruleId, Finding::panelTitle)
        .contains(org.assertj.core.groups.Tuple.tuple("metric-in-catalog", "Registered workers"));
  }
}
