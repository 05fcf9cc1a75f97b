package io.ktrdr.observability.dashboards.ktrdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DashboardLink;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KtrdrDashboardsTest {

  private final List<Dashboard> dashboards = KtrdrDashboards.all();

  @Test
  void allReturnsOverviewWorkerStatusAndOperationsInThatOrder() {
    assertThat(dashboards)
        .extracting(Dashboard::uid)
        .containsExactly("ktrdr-system-overview", "ktrdr-worker-status", "ktrdr-operations");
    assertThat(dashboards)
        .extracting(Dashboard::title)
        .containsExactly("KTRDR System Overview", "KTRDR Worker Status", "KTRDR Operations");
  }

  @Test
  void everyDashboardIsTaggedKtrdrAndRefreshesEveryThirtySeconds() {
    for (Dashboard dashboard : dashboards) {
      assertThat(dashboard.tags()).as(dashboard.uid()).containsExactly("ktrdr");
      assertThat(dashboard.refresh()).as(dashboard.uid()).isEqualTo("30s");
      assertThat(dashboard.description()).as(dashboard.uid()).isNotBlank();
    }
  }

  @Test
  void everyDashboardChoosesPrometheusAndJaegerThroughVariablesDefaultingToProvisionedUids() {
    for (Dashboard dashboard : dashboards) {
      Variable prometheus = dashboard.variable("datasource").orElseThrow();
      assertThat(prometheus.type()).isEqualTo("datasource");
      assertThat(prometheus.query()).isEqualTo("prometheus");
      assertThat(prometheus.defaultValues()).containsExactly("prometheus");

      Variable jaeger = dashboard.variable("jaeger").orElseThrow();
      assertThat(jaeger.type()).isEqualTo("datasource");
      assertThat(jaeger.query()).isEqualTo("jaeger");
      assertThat(jaeger.defaultValues()).containsExactly("jaeger");
    }
  }

  @Test
  void eachDashboardHasTheFiltersOfWhatItShows() {
    Map<String, List<String>> expected =
        Map.of(
            "ktrdr-system-overview", List.of("datasource", "jaeger", "environment", "service"),
            "ktrdr-worker-status",
                List.of("datasource", "jaeger", "environment", "worker_type", "service"),
            "ktrdr-operations", List.of("datasource", "jaeger", "environment", "operation_type"));
    for (Dashboard dashboard : dashboards) {
      assertThat(dashboard.variables())
          .as(dashboard.uid())
          .extracting(Variable::name)
          .containsExactlyElementsOf(expected.get(dashboard.uid()));
    }
  }

  @Test
  void filterVariablesAreMultiValueDefaultingToAllWhichMatchesEverything() {
    for (Dashboard dashboard : dashboards) {
      for (Variable variable : dashboard.variables()) {
        if (variable.type().equals("datasource")) {
          continue;
        }
        assertThat(variable.multi()).as(dashboard.uid() + " $" + variable.name()).isTrue();
        assertThat(variable.includeAll()).as(dashboard.uid() + " $" + variable.name()).isTrue();
        assertThat(variable.defaultsToAll()).as(dashboard.uid() + " $" + variable.name()).isTrue();
        assertThat(variable.allValue()).as(dashboard.uid() + " $" + variable.name()).isEqualTo(".*");
      }
    }
  }

  @Test
  void filterVariablesReadTargetLabelsOfThePrometheusVariable() {
    Dashboard workers = WorkerStatusDashboard.build();
    assertThat(workers.variable("environment").orElseThrow().query())
        .isEqualTo("label_values(up{job=~\"ktrdr-backend|ktrdr-workers\"}, environment)");
    assertThat(workers.variable("worker_type").orElseThrow().query())
        .isEqualTo(
            "label_values(up{job=\"ktrdr-workers\", environment=~\"$environment\"}, worker_type)");
    assertThat(workers.variable("service").orElseThrow().query())
        .isEqualTo(
            "label_values(up{job=\"ktrdr-workers\", environment=~\"$environment\","
                + " worker_type=~\"$worker_type\"}, service)");
    assertThat(SystemOverviewDashboard.build().variable("service").orElseThrow().query())
        .isEqualTo(
            "label_values(up{job=~\"ktrdr-backend|ktrdr-workers\", environment=~\"$environment\"},"
                + " service)");
    for (Dashboard dashboard : dashboards) {
      for (Variable variable : dashboard.variables()) {
        if (variable.type().equals("query")) {
          assertThat(variable.datasource())
              .as(dashboard.uid() + " $" + variable.name())
              .isEqualTo(DatasourceRef.prometheus("${datasource}"));
        }
      }
    }
  }

  @Test
  void operationTypeOffersEveryTypeOfTheContractBeforeAnyOperationEnded() {
    Variable operationType = OperationsDashboard.build().variable("operation_type").orElseThrow();
    assertThat(operationType.type()).isEqualTo("custom");
    assertThat(operationType.query())
        .isEqualTo(
            "data_load,training,backtesting,indicator_compute,fuzzy_analysis,dummy,"
                + "agent_research,agent_design,agent_assessment");
  }

  @Test
  void dashboardsLinkToEachOtherKeepingTimeRangeAndVariables() {
    Map<String, List<String>> expected =
        Map.of(
            "ktrdr-system-overview", List.of("/d/ktrdr-worker-status", "/d/ktrdr-operations"),
            "ktrdr-worker-status", List.of("/d/ktrdr-system-overview", "/d/ktrdr-operations"),
            "ktrdr-operations", List.of("/d/ktrdr-system-overview", "/d/ktrdr-worker-status"));
    for (Dashboard dashboard : dashboards) {
      assertThat(dashboard.links())
          .as(dashboard.uid())
          .extracting(DashboardLink::url)
          .containsExactlyElementsOf(expected.get(dashboard.uid()));
      for (DashboardLink link : dashboard.links()) {
        assertThat(link.type()).isEqualTo(DashboardLink.LINK);
        assertThat(link.keepTime()).as(link.url()).isTrue();
        assertThat(link.includeVars()).as(link.url()).isTrue();
      }
    }
  }

  @Test
  void everyPanelHasATitleAndADescriptionAndEveryRowHasPanels() {
    for (Dashboard dashboard : dashboards) {
      for (Panel panel : dashboard.allPanels()) {
        assertThat(panel.title()).as(dashboard.uid()).isNotBlank();
        assertThat(panel.description()).as(dashboard.uid() + " / " + panel.title()).isNotBlank();
      }
      for (Panel row : dashboard.rows()) {
        assertThat(row.panels()).as(dashboard.uid() + " row " + row.title()).isNotEmpty();
      }
    }
  }

  @Test
  void prometheusQueriesUseTheDatasourceVariableAndJaegerQueriesTheJaegerVariable() {
    for (Dashboard dashboard : dashboards) {
      for (Panel panel : dashboard.allPanels()) {
        for (PrometheusTarget target : panel.prometheusTargets()) {
          assertThat(panel.datasourceOf(target))
              .as(dashboard.uid() + " / " + panel.title())
              .isEqualTo(DatasourceRef.prometheus("${datasource}"));
        }
        for (JaegerTarget target : panel.jaegerTargets()) {
          assertThat(panel.datasourceOf(target))
              .as(dashboard.uid() + " / " + panel.title())
              .isEqualTo(DatasourceRef.jaeger("${jaeger}"));
        }
      }
    }
  }

  @Test
  void writingTheDashboardsTwiceGivesTheSameBytes() {
    List<Dashboard> again = KtrdrDashboards.all();
    for (int i = 0; i < dashboards.size(); i++) {
      assertThat(DashboardJson.write(again.get(i)))
          .as(dashboards.get(i).uid())
          .isEqualTo(DashboardJson.write(dashboards.get(i)));
    }
  }
}
