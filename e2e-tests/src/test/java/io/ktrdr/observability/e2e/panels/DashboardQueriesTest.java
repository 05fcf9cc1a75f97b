package io.ktrdr.observability.e2e.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated dashboards, planned as the browser would send them. */
class DashboardQueriesTest {
  private static final Instant TO = Instant.parse("2026-11-25T12:00:00Z");
  private static final Duration SCRAPE = Duration.ofSeconds(1);

  private static Dashboard dashboard(String uid) {
    return ProjectFiles.dashboards(ProjectFiles.root()).stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow();
  }

  private static List<PanelQuery> plan(Dashboard dashboard, Map<String, List<String>> selection, Map<String, List<String>> options) {
    return DashboardQueries.of(dashboard, TemplateInterpolator.of(dashboard.variables(), selection, options),
        TO.minus(Duration.ofHours(6)), TO, SCRAPE);
  }

  private static PrometheusPanelQuery query(List<PanelQuery> queries, String panel, String refId) {
    return queries.stream()
        .filter(q -> q.panel().panelTitle().equals(panel) && q.panel().refId().equals(refId))
        .map(PrometheusPanelQuery.class::cast)
        .findFirst().orElseThrow();
  }

  @Test
  void everyTargetOfEveryPanelIsPlanned() {
    for (Dashboard dashboard : ProjectFiles.dashboards(ProjectFiles.root())) {
      long targets = dashboard.allPanels().stream().mapToLong(p -> p.targets().size()).sum();

      assertThat(plan(dashboard, Map.of(), Map.of())).as(dashboard.title()).hasSize((int) targets);
    }
  }

  @Test
  void defaultsPutTheAllValueAndTheDatasourceUidIn() {
    PrometheusPanelQuery health = query(plan(dashboard("ktrdr-system-overview"), Map.of(), Map.of()), "Service health", "A");

    assertThat(health.datasourceUid()).isEqualTo("prometheus");
    assertThat(health.instant()).isTrue();
    assertThat(health.finalExpr())
        .isEqualTo("up{job=~\"ktrdr-backend|ktrdr-workers\", environment=~\".*\", service=~\".*\"}"
            + " unless on (environment, service) service:ktrdr_optional_target_up:max1d{environment=~\".*\"} == 0");
  }

  @Test
  void aSelectedValueAndTheBuiltInsReachTheFinalQuery() {
    PrometheusPanelQuery cpu = query(
        plan(dashboard("ktrdr-system-overview"), Map.of("service", List.of("backend")), Map.of()), "CPU per service", "A");

    // A 12-column panel is 960 px wide: 6 h / 960 = 22.5 s, rounded to 20 s; 20 s + 1 s scrape > 4 x 1 s.
    assertThat(cpu.finalExpr()).isEqualTo(
        "sum by (service) (rate(process_cpu_seconds_total{job=~\"ktrdr-backend|ktrdr-workers\", "
            + "environment=~\".*\", service=~\"backend\"}[21s]))");
    assertThat(cpu.window().step()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void jaegerTargetsKeepTheirSearch() {
    List<JaegerPanelQuery> jaeger = plan(dashboard("ktrdr-operations"), Map.of(), Map.of()).stream()
        .filter(JaegerPanelQuery.class::isInstance).map(JaegerPanelQuery.class::cast).toList();

    assertThat(jaeger).isNotEmpty().allSatisfy(q -> {
      assertThat(q.datasourceUid()).isEqualTo("jaeger");
      assertThat(q.isSearch()).isTrue();
      assertThat(q.service()).isEqualTo("ktrdr-api");
    });
  }
}
