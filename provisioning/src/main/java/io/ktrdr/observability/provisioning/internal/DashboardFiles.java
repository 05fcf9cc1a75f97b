package io.ktrdr.observability.provisioning.internal;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.ktrdr.KtrdrDashboards;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.provisioning.GenerationException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The KTRDR dashboards as JSON files named by uid. */
public final class DashboardFiles {
  private DashboardFiles() {}

  /** File name (e.g. {@code ktrdr-system-overview.json}) to JSON text. */
  public static SortedMap<String, String> render() {
    return render(KtrdrDashboards.all());
  }

  static SortedMap<String, String> render(List<Dashboard> dashboards) {
    SortedMap<String, String> files = new TreeMap<>();
    for (Dashboard dashboard : dashboards) {
      String fileName = dashboard.uid() + ".json";
      if (files.put(fileName, DashboardJson.write(dashboard)) != null) {
        throw new GenerationException("dashboard uid " + dashboard.uid() + " is used twice; Grafana would load one");
      }
    }
    return files;
  }
}
