package io.ktrdr.observability.dashboards.lint;

import static io.ktrdr.observability.dashboards.lint.Lints.JAEGER;
import static io.ktrdr.observability.dashboards.lint.Lints.PROMETHEUS;
import static io.ktrdr.observability.dashboards.lint.Lints.dashboard;
import static io.ktrdr.observability.dashboards.lint.Lints.linter;
import static io.ktrdr.observability.dashboards.lint.Lints.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardLinterTest {

  @Test
  void wellFormedDashboardsPassEveryRule() {
    Dashboard overview =
        dashboard("overview")
            .variable(
                Variable.query("operation_type", PROMETHEUS,
                        "label_values(ktrdr_operations_total, operation_type)")
                    .multi(true)
                    .defaultAll())
            .panel(Panel.text("About").description("How to read this.").content("Hello"))
            .row(
                Panel.row("Operations")
                    .panels(
                        stat("Active operations", "sum(ktrdr_operations_active)").build(),
                        Panel.timeseries("Failure rate")
                            .description("Failed operations per second.")
                            .datasource(PROMETHEUS)
                            .target(PrometheusTarget.builder(
                                "sum by (operation_type) (rate(ktrdr_operations_total"
                                    + "{status=\"failed\", operation_type=~\"$operation_type\"}"
                                    + "[$__rate_interval]))"))
                            .unit("ops")
                            .build(),
                        Panel.timeseries("P95 duration")
                            .description("95th percentile of operation duration.")
                            .datasource(PROMETHEUS)
                            .target(PrometheusTarget.builder(
                                "histogram_quantile(0.95, sum by (le) (rate("
                                    + "ktrdr_operation_duration_seconds_bucket[$__rate_interval])))"))
                            .unit("s")
                            .build(),
                        Panel.table("Recent traces")
                            .description("Operation traces.")
                            .datasource(JAEGER)
                            .target(JaegerTarget.search("ktrdr-api").limit(20))
                            .dataLink(DataLink.of("Trace", "/explore?traceId=${__value.raw}"))
                            .build()))
            .build();

    assertThat(linter().lint(overview, dashboard("other").build())).isEmpty();
  }

  @Test
  void checkFailsListingEveryFinding() {
    Dashboard broken =
        Dashboard.builder()
            .uid("broken")
            .title("Broken")
            .panel(Panel.stat("Raw counter").description("d").datasource(PROMETHEUS)
                .target(PrometheusTarget.builder("ktrdr_operations_total")))
            .build();

    assertThatThrownBy(() -> linter().check(broken))
        .isInstanceOf(LintException.class)
        .hasMessage(
            "5 dashboard lint findings:\n"
                + "  [dashboard-metadata] dashboard broken (\"Broken\"): dashboard has no description\n"
                + "  [prometheus-datasource-variable] dashboard broken (\"Broken\"): Prometheus"
                + " queries are used but no datasource variable chooses a prometheus datasource\n"
                + "  [panel-unit] dashboard broken (\"Broken\"), panel \"Raw counter\": stat panel"
                + " has no unit; set fieldConfig.defaults.unit\n"
                + "  [datasource-resolves] dashboard broken (\"Broken\"), panel \"Raw counter\":"
                + " datasource variable ${datasource} is not defined on the dashboard\n"
                + "  [counter-not-raw] dashboard broken (\"Broken\"), panel \"Raw counter\","
                + " target A: counter ktrdr_operations_total is shown raw; wrap it in rate(),"
                + " increase() or irate()")
        .satisfies(e -> assertThat(((LintException) e).findings()).hasSize(5));
  }

  @Test
  void checkPassesQuietlyWhenNothingIsFound() {
    linter().check(dashboard("fine").build());
  }

  @Test
  void customRulesRunAfterTheBuiltInOnes() {
    LintRule noTodo =
        new LintRule() {
          @Override
          public String id() {
            return "no-todo";
          }

          @Override
          public List<Finding> check(Dashboard dashboard, LintContext context) {
            return dashboard.title().contains("TODO")
                ? List.of(Finding.of(id(), dashboard, "title has TODO"))
                : List.of();
          }
        };
    DashboardLinter linter =
        DashboardLinter.builder().provisionedDatasources("prometheus").rule(noTodo).build();

    assertThat(linter.ruleIds()).endsWith("no-todo").contains("counter-not-raw");
    assertThat(linter.lint(dashboard("x").title("TODO").build()))
        .extracting(Finding::ruleId, Finding::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("no-todo", "title has TODO"));
  }
}
