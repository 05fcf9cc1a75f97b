package io.ktrdr.observability.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportLintTest {

  @Test
  void dashboardReadFromAGrafanaExportIsLintedLikeABuiltOne() throws IOException {
    Dashboard export;
    try (InputStream in = getClass().getResourceAsStream("/export/grafana-export.json")) {
      export = DashboardJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    MetricCatalog catalog =
        MetricCatalog.builder()
            .counter("http_requests_total")
            .withoutScrapeSeries()
            .gauge("up")
            .gauge("process_start_time_seconds")
            .gauge("process_resident_memory_bytes")
            .build();

    List<Finding> findings =
        DashboardLinter.builder()
            .provisionedDatasources("prometheus", "jaeger", "loki")
            .metricCatalog(catalog)
            .build()
            .lint(export);

    assertThat(findings)
        .extracting(Finding::ruleId, Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("panel-title-description", "(untitled, id 5)", null, "panel has no title"),
            tuple("panel-title-description", "(untitled, id 5)", null, "panel has no description"),
            tuple("panel-title-description", "Notes", null, "panel has no description"),
            tuple("datasource-resolves", "API up", null,
                "datasource variable ${DS_PROMETHEUS} is not defined on the dashboard"),
            tuple("datasource-resolves", "Requests", null,
                "datasource variable ${DS_PROMETHEUS} is not defined on the dashboard"),
            tuple("datasource-resolves", "Memory map", null,
                "datasource variable ${DS_PROMETHEUS} is not defined on the dashboard"),
            tuple("datasource-resolves", "Slow traces", null,
                "datasource variable ${DS_JAEGER} is not defined on the dashboard"),
            tuple("datasource-resolves", "Trace", null,
                "datasource variable ${DS_JAEGER} is not defined on the dashboard"),
            tuple("datasource-resolves", null, null,
                "variable job: datasource variable ${DS_PROMETHEUS} is not defined on the dashboard"),
            tuple("datasource-resolves", null, null,
                "annotation Restarts: datasource variable ${DS_PROMETHEUS} is not defined on the"
                    + " dashboard"));
  }
}
