package io.ktrdr.observability.dashboards.lint;

import static io.ktrdr.observability.dashboards.lint.Lints.dashboard;
import static io.ktrdr.observability.dashboards.lint.Lints.findings;
import static io.ktrdr.observability.dashboards.lint.Lints.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardRulesTest {

  @Test
  void distinctUidsPass() {
    assertThat(findings("dashboard-uid-unique", dashboard("a").build(), dashboard("b").build()))
        .isEmpty();
  }

  @Test
  void uidSharedByTwoDashboardsIsReportedOnBoth() {
    Dashboard first = dashboard("same").title("First").build();
    Dashboard second = dashboard("same").title("Second").build();

    assertThat(findings("dashboard-uid-unique", first, second))
        .extracting(Finding::dashboardTitle, Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple("First", null, "uid same is also used by dashboard \"Second\""),
            tuple("Second", null, "uid same is also used by dashboard \"First\""));
  }

  @Test
  void dashboardWithUidTitleAndDescriptionPasses() {
    assertThat(findings("dashboard-metadata", dashboard("fine").build())).isEmpty();
  }

  @Test
  void missingDescriptionTitleAndUidAreReported() {
    Dashboard bare = Dashboard.builder().build();

    assertThat(findings("dashboard-metadata", bare))
        .extracting(Finding::dashboardUid, Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple(null, null, "dashboard has no uid"),
            tuple(null, null, "dashboard has no title"),
            tuple(null, null, "dashboard has no description"));
  }

  @Test
  void uidGrafanaWouldRefuseIsReported() {
    Dashboard dashboard = dashboard("has spaces and is far too long to be a grafana uid").build();

    assertThat(findings("dashboard-metadata", dashboard))
        .extracting(Finding::message)
        .containsExactly(
            "uid has spaces and is far too long to be a grafana uid must be 1 to 40 letters,"
                + " digits, '-' or '_'");
  }

  @Test
  void editableDashboardPassesUnlessTheLinterRequiresOtherwise() {
    assertThat(findings("dashboard-not-editable", dashboard("d").editable(true).build())).isEmpty();
  }

  @Test
  void editableDashboardIsReportedWhenNotEditableIsRequired() {
    DashboardLinter strict =
        DashboardLinter.builder().provisionedDatasources("prometheus").requireNotEditable(true)
            .build();

    List<Finding> findings = strict.lint(dashboard("d").editable(true).build(),
        dashboard("e").editable(false).build());

    assertThat(findings)
        .filteredOn(finding -> finding.ruleId().equals("dashboard-not-editable"))
        .extracting(Finding::dashboardUid, Finding::message)
        .containsExactly(tuple("d", "dashboard is editable; set editable to false"));
  }

  @Test
  void prometheusQueriesWithADatasourceVariablePass() {
    assertThat(findings("prometheus-datasource-variable",
        dashboard("d").panel(stat("Up", "sum(up)")).build())).isEmpty();
  }

  @Test
  void prometheusQueriesWithoutADatasourceVariableAreReported() {
    Dashboard dashboard =
        Dashboard.builder()
            .uid("d")
            .title("D")
            .description("d")
            .variable(Variable.datasource("jaeger", DatasourceRef.JAEGER))
            .panel(stat("Up", "sum(up)").datasource(DatasourceRef.prometheus("prometheus")))
            .build();

    assertThat(findings("prometheus-datasource-variable", dashboard))
        .extracting(Finding::dashboardUid, Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple("d", null,
                "Prometheus queries are used but no datasource variable chooses a prometheus"
                    + " datasource"));
  }

  @Test
  void queryVariableRefreshedOnTimeRangeChangePasses() {
    Dashboard dashboard =
        dashboard("d")
            .variable(Variable.query("job", Lints.PROMETHEUS, "label_values(up, job)"))
            .variable(Variable.custom("status", List.of("failed", "completed")))
            .build();

    assertThat(findings("variable-refresh-on-time-change", dashboard)).isEmpty();
  }

  @Test
  void queryVariableNotRefreshedOnTimeRangeChangeIsReported() {
    Dashboard dashboard =
        dashboard("d")
            .variable(Variable.query("job", Lints.PROMETHEUS, "label_values(up, job)")
                .refresh(Variable.Refresh.ON_DASHBOARD_LOAD))
            .variable(Variable.query("service", Lints.PROMETHEUS, "label_values(up, service)")
                .refresh(Variable.Refresh.NEVER))
            .build();

    assertThat(findings("variable-refresh-on-time-change", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple(null, "variable job reloads its values on dashboard load only; reload them on"
                + " time range change (refresh 2)"),
            tuple(null, "variable service never reloads its values; reload them on time range"
                + " change (refresh 2)"));
  }

  @Test
  void dashboardWithoutPrometheusQueriesNeedsNoPrometheusVariable() {
    Dashboard dashboard =
        Dashboard.builder().uid("d").title("D").description("d")
            .panel(Panel.text("Notes").description("d").content("x"))
            .build();

    assertThat(findings("prometheus-datasource-variable", dashboard)).isEmpty();
  }
}
