package io.ktrdr.observability.provisioning.internal;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.ktrdr.KtrdrMetricCatalog;
import io.ktrdr.observability.dashboards.lint.DashboardLinter;
import io.ktrdr.observability.dashboards.lint.LintException;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.provisioning.GenerationException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Dashboards as JSON files named by uid. Every dashboard passes the dashboard lint first, against
 * the provisioned datasource uids and KTRDR's metric catalog; one finding refuses them all.
 */
public final class DashboardFiles {
  private DashboardFiles() {}

  /**
   * File name (e.g. {@code ktrdr-system-overview.json}) to JSON text.
   *
   * @throws GenerationException listing every lint finding
   */
  public static SortedMap<String, String> render(List<Dashboard> dashboards) {
    try {
      linter().check(dashboards);
    } catch (LintException e) {
      throw new GenerationException(e.getMessage(), e);
    }
    SortedMap<String, String> files = new TreeMap<>();
    for (Dashboard dashboard : dashboards) {
      files.put(dashboard.uid() + ".json", DashboardJson.write(dashboard));
    }
    return files;
  }

  static DashboardLinter linter() {
    return DashboardLinter.builder()
        .provisionedDatasources(GrafanaProvisioning.PROMETHEUS_UID, GrafanaProvisioning.JAEGER_UID)
        .metricCatalog(KtrdrMetricCatalog.catalog())
        .build();
  }
}
