package io.ktrdr.observability.e2e.pictures;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.panels.DashboardQueries;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.PrometheusPanelQuery;
import io.ktrdr.observability.e2e.panels.TemplateInterpolator;
import io.ktrdr.observability.e2e.panels.VariableOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw answers of every panel of a dashboard at its variables' defaults, as the browser would ask
 * for them on load (DashboardQueries: variables substituted, each panel's own step), sent straight to
 * Prometheus and Jaeger (DirectQueryPath).
 *
 * @param byPanel the answers by panel title, then by refId
 * @param stepMs each Prometheus panel's query step in ms, by title
 */
public record LiveAnswers(ObjectNode byPanel, Map<String, Long> stepMs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public LiveAnswers {
    requireNonNull(byPanel, "byPanel");
    stepMs = Map.copyOf(stepMs);
  }

  /**
   * Runs every target of {@code dashboard} over [{@code from}, {@code to}].
   *
   * @param scrapeInterval the Prometheus datasource's {@code timeInterval} (the lower bound of steps)
   */
  public static LiveAnswers query(
      Dashboard dashboard, URI prometheus, URI jaegerQuery, Instant from, Instant to, Duration scrapeInterval) {
    Map<String, java.util.List<String>> options = VariableOptions.resolve(dashboard, Map.of(), prometheus, from, to);
    TemplateInterpolator interpolator = TemplateInterpolator.of(dashboard.variables(), Map.of(), options);
    DirectQueryPath path = DirectQueryPath.of(prometheus, jaegerQuery);
    ObjectNode byPanel = JSON.createObjectNode();
    Map<String, Long> steps = new LinkedHashMap<>();
    for (PanelQuery query : DashboardQueries.of(dashboard, interpolator, from, to, scrapeInterval)) {
      String title = query.panel().panelTitle();
      ObjectNode panel = byPanel.has(title) ? (ObjectNode) byPanel.get(title) : byPanel.putObject(title);
      panel.set(query.panel().refId(), path.run(query).body());
      if (query instanceof PrometheusPanelQuery p) {
        steps.put(title, p.window().step().toMillis());
      }
    }
    return new LiveAnswers(byPanel, steps);
  }
}
