package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.RequiresGrafana;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.GrafanaQueryPath;
import io.ktrdr.observability.e2e.panels.QueryPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every panel, each target sent through Grafana's {@code /api/ds/query} as the browser sends it. */
@RequiresGrafana
@Order(6)
@ExtendWith(SharedStack.class)
class EveryPanelThroughGrafanaIT extends EveryPanelChecks {
  @Override
  QueryPath path(StackHandle stack) {
    return GrafanaQueryPath.of(
        stack.grafanaUri().orElseThrow(() -> new AssertionError(
            "the grafana tests need a Grafana: Docker, or KTRDR_GRAFANA_HOME naming an installed Grafana")),
        "admin", "admin");
  }
}
