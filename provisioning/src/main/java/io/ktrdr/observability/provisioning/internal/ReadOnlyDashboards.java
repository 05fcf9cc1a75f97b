package io.ktrdr.observability.provisioning.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.provisioning.GenerationException;

/**
 * Dashboards for an environment whose Grafana must not change them from its UI: {@code editable}
 * false, so the UI offers no edit or save, besides the provider's {@code allowUiUpdates: false}.
 */
public final class ReadOnlyDashboards {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReadOnlyDashboards() {}

  /** The dashboard JSON with {@code editable: false}, written again by the dashboard model's writer. */
  public static String readOnly(String dashboardJson) {
    try {
      ObjectNode dashboard = (ObjectNode) MAPPER.readTree(dashboardJson);
      dashboard.put("editable", false);
      return DashboardJson.write(DashboardJson.read(MAPPER.writeValueAsString(dashboard)));
    } catch (JsonProcessingException | ClassCastException e) {
      throw new GenerationException("dashboard JSON cannot be made read-only: " + e.getMessage(), e);
    }
  }
}
