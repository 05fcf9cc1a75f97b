package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every target of every panel of a dashboard as the browser sends it on load: variables
 * substituted, each panel with its own interval from its width (or {@code maxDataPoints}) and
 * min interval.
 */
public final class DashboardQueries {
  /** The browser window the panels' widths are computed for, in pixels: {@value}. */
  public static final int SCREEN_WIDTH = 1920;

  private DashboardQueries() {}

  /**
   * @param interpolator the dashboard's variables at the values to check
   * @param from start of the time range
   * @param to end of the time range
   * @param scrapeInterval the Prometheus datasource's {@code timeInterval}
   */
  public static List<PanelQuery> of(
      Dashboard dashboard, TemplateInterpolator interpolator, Instant from, Instant to, Duration scrapeInterval) {
    requireNonNull(dashboard, "dashboard");
    requireNonNull(interpolator, "interpolator");
    List<PanelQuery> queries = new ArrayList<>();
    for (Panel panel : dashboard.allPanels()) {
      QueryWindow window = new QueryWindow(from, to, maxDataPoints(panel), lowLimit(panel, scrapeInterval), scrapeInterval);
      for (Target target : Objects.requireNonNullElse(panel.targets(), List.<Target>of())) {
        PanelRef ref = new PanelRef(dashboard.uid(), dashboard.title(), panel.title(), target.refId());
        DatasourceRef datasource = panel.datasourceOf(target);
        String uid = interpolator.text(datasource == null ? "" : datasource.uid());
        if (target instanceof PrometheusTarget prometheus) {
          if (Boolean.TRUE.equals(prometheus.hide())) {
            continue;
          }
          queries.add(new PrometheusPanelQuery(
              ref, uid, interpolator.prometheusQuery(prometheus.expr()), prometheus.isInstant(),
              prometheus.format() == null ? "time_series" : prometheus.format().json(),
              prometheus.legendFormat(), window));
        } else if (target instanceof JaegerTarget jaeger) {
          if (Boolean.TRUE.equals(jaeger.hide())) {
            continue;
          }
          queries.add(new JaegerPanelQuery(
              ref, uid, jaeger.queryType() == null ? "" : jaeger.queryType(), interpolator.text(jaeger.service()),
              interpolator.text(jaeger.operation()), interpolator.text(jaeger.tags()), jaeger.limit(),
              interpolator.text(jaeger.query()), window));
        } else {
          throw new IllegalArgumentException(ref + ": a target of datasource " + datasource + " that no query path knows");
        }
      }
    }
    return List.copyOf(queries);
  }

  /** The panel's {@code maxDataPoints}, else its width in pixels on a {@value #SCREEN_WIDTH}-pixel screen. */
  static long maxDataPoints(Panel panel) {
    JsonNode configured = panel.additionalProperties().get("maxDataPoints");
    if (configured != null && configured.canConvertToLong() && configured.asLong() > 0) {
      return configured.asLong();
    }
    GridPos grid = panel.gridPos();
    int columns = grid == null ? panel.width() : grid.w();
    return Math.max(1, Math.round(columns * (double) SCREEN_WIDTH / GridPos.COLUMNS));
  }

  /** The panel's min interval ({@code interval}), else the datasource's {@code timeInterval}. */
  static Duration lowLimit(Panel panel, Duration scrapeInterval) {
    JsonNode interval = panel.additionalProperties().get("interval");
    if (interval != null && interval.isTextual() && !interval.asText().isBlank()) {
      return GrafanaIntervals.parse(interval.asText());
    }
    return scrapeInterval;
  }
}
