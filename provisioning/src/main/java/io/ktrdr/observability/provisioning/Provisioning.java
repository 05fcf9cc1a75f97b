package io.ktrdr.observability.provisioning;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.ktrdr.KtrdrDashboards;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.internal.AlertmanagerConfiguration;
import io.ktrdr.observability.provisioning.internal.ComposeFile;
import io.ktrdr.observability.provisioning.internal.DashboardFiles;
import io.ktrdr.observability.provisioning.internal.GrafanaProvisioning;
import io.ktrdr.observability.provisioning.internal.GrafanaScripts;
import io.ktrdr.observability.provisioning.internal.JaegerConfiguration;
import io.ktrdr.observability.provisioning.internal.PrometheusConfiguration;
import io.ktrdr.observability.provisioning.internal.PrometheusRules;
import io.ktrdr.observability.provisioning.internal.ReadOnlyDashboards;
import io.ktrdr.observability.provisioning.internal.TreeWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generates the monitoring configuration of an environment: under {@code monitoring/} the Grafana
 * dashboards and provisioning files and the Prometheus configuration, and beside it the compose
 * file when the environment has one.
 *
 * <pre>{@code
 * Environment local = EnvironmentFile.load(Path.of("environments/local.yaml"));
 * Provisioning.generateMonitoring(local.toBuilder()
 *     .service("backend", s -> s.port(freePort()))
 *     .build(), workDir.resolve("monitoring"));
 * }</pre>
 */
public final class Provisioning {
  /** The monitoring tree's directory under an output root. */
  public static final String MONITORING_DIR = "monitoring";
  public static final String DASHBOARDS_DIR = "grafana/dashboards";
  public static final String DASHBOARDS_PROVIDER = "grafana/dashboards.yml";
  public static final String DATASOURCES = "grafana/datasources.yml";
  public static final String ADMIN_PASSWORD_CHECK = "grafana/" + GrafanaScripts.ADMIN_PASSWORD_CHECK;
  public static final String DEFAULT_LOGIN_CHECK = "grafana/" + GrafanaScripts.DEFAULT_LOGIN_CHECK;
  public static final String PROMETHEUS_DIR = "prometheus";
  /** Alertmanager's configuration, for environments with an {@code alerting} section. */
  public static final String ALERTMANAGER_CONFIG = "alertmanager/alertmanager.yml";
  /** Jaeger's configuration: receivers, storage, query API. */
  public static final String JAEGER_CONFIG = "jaeger/config.yaml";
  public static final String PROMETHEUS_CONFIG = PROMETHEUS_DIR + "/prometheus.yml";
  /** The generated rule files, beside {@code prometheus.yml}. */
  public static final String PROMETHEUS_RULES_DIR = PROMETHEUS_DIR + "/" + PrometheusRules.DIR;

  private Provisioning() {}

  /**
   * The monitoring tree in memory, paths relative to {@code monitoringDir}. The directory matters
   * only when the environment's Grafana dashboards path is relative (it is resolved against it).
   *
   * @throws GenerationException when a dashboard fails the lint
   */
  public static GeneratedFiles renderMonitoring(Environment environment, Path monitoringDir) {
    requireNonNull(environment, "environment");
    requireNonNull(monitoringDir, "monitoringDir");
    return new GeneratedFiles(monitoringFiles(environment, monitoringDir, KtrdrDashboards.all()));
  }

  /**
   * Everything the environment generates, paths relative to {@code outputRoot}: the tree under
   * {@code monitoring/} and the compose file, if any, beside it.
   *
   * @throws GenerationException listing every lint finding when a dashboard fails the lint
   */
  public static GeneratedFiles render(Environment environment, Path outputRoot) {
    return render(environment, outputRoot, KtrdrDashboards.all());
  }

  static GeneratedFiles render(Environment environment, Path outputRoot, List<Dashboard> dashboards) {
    requireNonNull(environment, "environment");
    requireNonNull(outputRoot, "outputRoot");
    SortedMap<String, String> files = new TreeMap<>();
    monitoringFiles(environment, outputRoot.resolve(MONITORING_DIR), dashboards)
        .forEach((path, text) -> files.put(MONITORING_DIR + "/" + path, text));
    environment.compose().ifPresent(compose ->
        files.put(compose.file(), ComposeFile.render(environment, "./" + MONITORING_DIR)));
    return new GeneratedFiles(files);
  }

  /**
   * Writes the monitoring tree into {@code monitoringDir}, replacing the files it generated
   * before. Nothing is written when anything fails.
   */
  public static void generateMonitoring(Environment environment, Path monitoringDir) {
    GeneratedFiles files = renderMonitoring(environment, monitoringDir);
    TreeWriter.replace(monitoringDir, files.files(), List.of(DASHBOARDS_DIR, PROMETHEUS_RULES_DIR));
  }

  /**
   * Writes {@code monitoring/} and the compose file under {@code outputRoot} (the project root for
   * the committed files), replacing what was generated before. Nothing is written when anything fails.
   */
  public static void generate(Environment environment, Path outputRoot) {
    generate(environment, outputRoot, KtrdrDashboards.all());
  }

  static void generate(Environment environment, Path outputRoot, List<Dashboard> dashboards) {
    GeneratedFiles files = render(environment, outputRoot, dashboards);
    TreeWriter.replace(outputRoot, files.files(),
        List.of(MONITORING_DIR + "/" + DASHBOARDS_DIR, MONITORING_DIR + "/" + PROMETHEUS_RULES_DIR));
  }

  private static SortedMap<String, String> monitoringFiles(
      Environment environment, Path monitoringDir, List<Dashboard> dashboards) {
    SortedMap<String, String> files = new TreeMap<>();
    boolean editable = environment.grafana().allowUiUpdates();
    for (Map.Entry<String, String> dashboard : DashboardFiles.render(dashboards).entrySet()) {
      files.put(DASHBOARDS_DIR + "/" + dashboard.getKey(),
          editable ? dashboard.getValue() : ReadOnlyDashboards.readOnly(dashboard.getValue()));
    }
    String dashboardsPath = environment.grafana().dashboardsPath();
    String resolvedDashboardsPath = dashboardsPath.startsWith("/")
        ? dashboardsPath
        : monitoringDir.toAbsolutePath().normalize().resolve(dashboardsPath).toString();
    files.put(DASHBOARDS_PROVIDER, GrafanaProvisioning.dashboards(environment, resolvedDashboardsPath));
    files.put(DATASOURCES, GrafanaProvisioning.datasources(environment));
    files.put(ADMIN_PASSWORD_CHECK, GrafanaScripts.adminPasswordCheck());
    files.put(DEFAULT_LOGIN_CHECK, GrafanaScripts.defaultLoginCheck(environment));
    files.put(PROMETHEUS_CONFIG, PrometheusConfiguration.render(environment));
    files.put(JAEGER_CONFIG, JaegerConfiguration.render(environment));
    if (environment.alerting().isPresent()) {
      files.put(ALERTMANAGER_CONFIG, AlertmanagerConfiguration.render(environment));
    }
    files.put(PROMETHEUS_DIR + "/" + PrometheusRules.RECORDING_FILE, PrometheusRules.recording(environment));
    files.put(PROMETHEUS_DIR + "/" + PrometheusRules.ALERTING_FILE, PrometheusRules.alerting(environment));
    return files;
  }
}
