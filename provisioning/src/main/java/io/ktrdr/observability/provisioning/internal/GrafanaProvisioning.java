package io.ktrdr.observability.provisioning.internal;

import static io.ktrdr.observability.provisioning.internal.YamlText.list;
import static io.ktrdr.observability.provisioning.internal.YamlText.map;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.GrafanaSettings;
import java.util.List;

/** {@code grafana/datasources.yml} and {@code grafana/dashboards.yml}: Grafana's file provisioning. */
public final class GrafanaProvisioning {
  /** The datasource uids every dashboard refers to (from the telemetry contract). */
  public static final String PROMETHEUS_UID = "prometheus";
  public static final String JAEGER_UID = "jaeger";
  /** The Alertmanager datasource: Grafana's Alerting view lists the alerts Prometheus sent it. */
  public static final String ALERTMANAGER_UID = "alertmanager";
  public static final String PROVIDER_NAME = "KTRDR Dashboards";
  public static final String FOLDER = "KTRDR";
  /** A fixed folder uid, so tests and links can find the folder. */
  public static final String FOLDER_UID = "ktrdr";
  public static final int UPDATE_INTERVAL_SECONDS = 30;

  private GrafanaProvisioning() {}

  public static String datasources(Environment environment) {
    GrafanaSettings grafana = environment.grafana();
    List<Object> datasources = list(
            map(
                "name", "Prometheus",
                "uid", PROMETHEUS_UID,
                "type", "prometheus",
                "access", "proxy",
                "url", environment.prometheus().url().toString(),
                "isDefault", true,
                "editable", grafana.datasourcesEditable(),
                // $__rate_interval is computed from this: it must be the real scrape interval.
                "jsonData", map("timeInterval", environment.prometheus().scrapeInterval().toString())),
            map(
                "name", "Jaeger",
                "uid", JAEGER_UID,
                "type", "jaeger",
                "access", "proxy",
                "url", environment.jaeger().url().toString(),
                "isDefault", false,
                "editable", grafana.datasourcesEditable()),
            environment.alerting().map(alerting -> (Object) map(
                "name", "Alertmanager",
                "uid", ALERTMANAGER_UID,
                "type", "alertmanager",
                "access", "proxy",
                "url", alerting.url().toString(),
                "isDefault", false,
                "editable", grafana.datasourcesEditable(),
                // Prometheus' Alertmanager, which receives the alerts of Prometheus' own rules only.
                "jsonData", map("implementation", "prometheus", "handleGrafanaManagedAlerts", false)))
                .orElse(null));
    datasources.removeIf(java.util.Objects::isNull);
    return YamlText.render(GeneratedHeader.forEnvironment(environment.name(), "Grafana datasources"), map(
        "apiVersion", 1,
        "datasources", datasources));
  }

  /**
   * The dashboard provider. {@code dashboardsPath} is the path Grafana reads, already resolved when
   * the environment gives a relative one.
   */
  public static String dashboards(Environment environment, String dashboardsPath) {
    return YamlText.render(GeneratedHeader.forEnvironment(environment.name(), "Grafana dashboard provider"), map(
        "apiVersion", 1,
        "providers", list(map(
            "name", PROVIDER_NAME,
            "orgId", 1,
            "folder", FOLDER,
            "folderUid", FOLDER_UID,
            "type", "file",
            "disableDeletion", true,
            "updateIntervalSeconds", UPDATE_INTERVAL_SECONDS,
            "allowUiUpdates", environment.grafana().allowUiUpdates(),
            "options", map("path", dashboardsPath, "foldersFromFilesStructure", false)))));
  }
}
