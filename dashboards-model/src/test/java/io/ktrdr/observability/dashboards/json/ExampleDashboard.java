package io.ktrdr.observability.dashboards.json;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DashboardLink;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.ColorMode;
import io.ktrdr.observability.dashboards.model.Thresholds;
import io.ktrdr.observability.dashboards.model.ValueMapping;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;

/** A small dashboard using most of the model, rendered to the golden file. */
final class ExampleDashboard {

  static final DatasourceRef PROMETHEUS = DatasourceRef.prometheus("${datasource}");
  static final DatasourceRef JAEGER = DatasourceRef.jaeger("${jaeger}");

  private ExampleDashboard() {}

  static Dashboard build() {
    return Dashboard.builder()
        .uid("example-service")
        .title("Example service")
        .description("Health, traffic and traces of an example service.")
        .tags("example")
        .refresh("30s")
        .time("now-1h", "now")
        .variable(Variable.datasource("datasource", DatasourceRef.PROMETHEUS).defaultValue("prometheus"))
        .variable(Variable.datasource("jaeger", DatasourceRef.JAEGER).defaultValue("jaeger"))
        .variable(
            Variable.query("job", PROMETHEUS, "label_values(up, job)")
                .label("Job")
                .multi(true)
                .allValue(".*")
                .defaultAll())
        .link(
            DashboardLink.dashboards("Related", "example")
                .asDropdown(true)
                .includeVars(true)
                .keepTime(true))
        .panel(
            Panel.text("About")
                .description("What this dashboard shows.")
                .content("Health and traffic of the **example** service.")
                .height(2))
        .row(
            Panel.row("Health")
                .panels(
                    Panel.stat("Targets up")
                        .description("Scrape targets answering.")
                        .datasource(PROMETHEUS)
                        .target(PrometheusTarget.builder("sum(up{job=~\"$job\"})").instant())
                        .unit("short")
                        .colorMode(ColorMode.BACKGROUND)
                        .thresholds(Thresholds.absolute("red").step(1, "green").build())
                        .mapping(ValueMapping.special(ValueMapping.Special.NULL, "No data", "gray"))
                        .build(),
                    Panel.timeseries("Request rate")
                        .description("Requests per second, by job.")
                        .datasource(PROMETHEUS)
                        .target(
                            PrometheusTarget.builder(
                                    "sum by (job) (rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))")
                                .legendFormat("{{job}}"))
                        .unit("reqps")
                        .legend(LegendMode.TABLE, LegendPlacement.RIGHT)
                        .dataLink(DataLink.of("Traces", "/explore?left=${__field.labels.job}"))
                        .width(18)
                        .build()))
        .row(
            Panel.row("Traces")
                .collapsed(true)
                .panels(
                    Panel.table("Slow traces")
                        .description("Traces slower than one second.")
                        .datasource(JAEGER)
                        .target(JaegerTarget.search("example").minDuration("1s").limit(20))
                        .build()))
        .build();
  }

  static List<String> panelTitles() {
    return List.of("About", "Health", "Targets up", "Request rate", "Traces", "Slow traces");
  }
}
