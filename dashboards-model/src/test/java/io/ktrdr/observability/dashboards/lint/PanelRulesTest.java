package io.ktrdr.observability.dashboards.lint;

import static io.ktrdr.observability.dashboards.lint.Lints.PROMETHEUS;
import static io.ktrdr.observability.dashboards.lint.Lints.dashboard;
import static io.ktrdr.observability.dashboards.lint.Lints.findings;
import static io.ktrdr.observability.dashboards.lint.Lints.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import org.junit.jupiter.api.Test;

class PanelRulesTest {

  @Test
  void panelsWithTitleAndDescriptionPass() {
    assertThat(findings("panel-title-description", Lints.withStat("Up", "sum(up)"))).isEmpty();
  }

  @Test
  void panelWithoutDescriptionOrTitleIsReported() {
    Dashboard dashboard =
        dashboard("d")
            .panel(Panel.stat("Quiet").datasource(PROMETHEUS).target(PrometheusTarget.of("sum(up)"))
                .unit("short"))
            .panel(Panel.stat(" ").description("d").datasource(PROMETHEUS)
                .target(PrometheusTarget.of("sum(up)")).unit("short"))
            .build();

    assertThat(findings("panel-title-description", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple("Quiet", "panel has no description"),
            tuple("(untitled, id 2)", "panel has no title"));
  }

  @Test
  void panelsWithQueriesPassAndTextPanelsNeedNone() {
    Dashboard dashboard =
        dashboard("d").panel(stat("Up", "sum(up)"))
            .panel(Panel.text("Notes").description("d").content("x")).build();

    assertThat(findings("panel-has-targets", dashboard)).isEmpty();
  }

  @Test
  void panelWithoutQueriesIsReported() {
    Dashboard dashboard =
        dashboard("d").panel(Panel.timeseries("Empty").description("d").datasource(PROMETHEUS)
            .unit("s")).build();

    assertThat(findings("panel-has-targets", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(tuple("Empty", "panel has no queries"));
  }

  @Test
  void numericPanelWithUnitInDefaultsOrOverridePasses() {
    Dashboard dashboard =
        dashboard("d")
            .panel(stat("Defaults", "sum(up)"))
            .panel(Panel.timeseries("Override").description("d").datasource(PROMETHEUS)
                .target(PrometheusTarget.of("sum(up)"))
                .override(FieldOverride.byName("up").unit("short")))
            .panel(Panel.table("Table").description("d").datasource(PROMETHEUS)
                .target(PrometheusTarget.of("sum(up)")))
            .build();

    assertThat(findings("panel-unit", dashboard)).isEmpty();
  }

  @Test
  void numericPanelWithoutUnitIsReported() {
    Dashboard dashboard =
        dashboard("d").panel(Panel.bargauge("Bars").description("d").datasource(PROMETHEUS)
            .target(PrometheusTarget.of("sum(up)"))).build();

    assertThat(findings("panel-unit", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(tuple("Bars", "bargauge panel has no unit; set fieldConfig.defaults.unit"));
  }

  @Test
  void datasourceVariablesAndProvisionedUidsResolve() {
    Dashboard dashboard =
        dashboard("d")
            .panel(stat("By variable", "sum(up)"))
            .panel(stat("By uid", "sum(up)").datasource(DatasourceRef.prometheus("prometheus")))
            .panel(Panel.table("Mixed").description("d").datasource(DatasourceRef.mixed())
                .target(PrometheusTarget.builder("sum(up)").datasource(PROMETHEUS))
                .target(JaegerTarget.search("ktrdr-api").datasource(Lints.JAEGER)))
            .panel(Panel.text("Text").description("d").content("needs no datasource"))
            .build();

    assertThat(findings("datasource-resolves", dashboard)).isEmpty();
  }

  @Test
  void unresolvableDatasourcesAreReported() {
    Dashboard dashboard =
        dashboard("d")
            .variable(Variable.constant("region", "eu"))
            .panel(stat("Unknown uid", "sum(up)").datasource(DatasourceRef.prometheus("P1809F7CD0C75ACF3")))
            .panel(stat("Undefined variable", "sum(up)").datasource(DatasourceRef.prometheus("${prom}")))
            .panel(stat("Wrong plugin", "sum(up)").datasource(DatasourceRef.prometheus("${jaeger}")))
            .panel(stat("Not a datasource", "sum(up)").datasource(DatasourceRef.prometheus("$region")))
            .panel(Panel.stat("None").description("d").unit("short")
                .target(PrometheusTarget.of("sum(up)")))
            .panel(Panel.table("Mixed").description("d").datasource(DatasourceRef.mixed())
                .target(PrometheusTarget.of("sum(up)")))
            .build();

    assertThat(findings("datasource-resolves", dashboard))
        .extracting(Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("Unknown uid", null,
                "datasource uid P1809F7CD0C75ACF3 is not provisioned (provisioned: jaeger, prometheus)"),
            tuple("Undefined variable", null,
                "datasource variable ${prom} is not defined on the dashboard"),
            tuple("Wrong plugin", null,
                "datasource ${jaeger} chooses among jaeger datasources but the reference says"
                    + " prometheus"),
            tuple("Not a datasource", null,
                "variable region is a constant variable, not a datasource variable"),
            tuple("None", "A", "neither the target nor its panel names a datasource"),
            tuple("Mixed", "A", "the panel's datasource is mixed but the target names none"));
  }

  @Test
  void queryVariableWithUnresolvableDatasourceIsReported() {
    Dashboard dashboard =
        dashboard("d")
            .variable(Variable.query("job", DatasourceRef.prometheus("${missing}"),
                "label_values(up, job)"))
            .build();

    assertThat(findings("datasource-resolves", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple(null, "variable job: datasource variable ${missing} is not defined on the"
                + " dashboard"));
  }
}
