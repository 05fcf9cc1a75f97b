package io.ktrdr.observability.provisioning.internal;

import static io.ktrdr.observability.provisioning.internal.YamlText.list;
import static io.ktrdr.observability.provisioning.internal.YamlText.map;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code prometheus/prometheus.yml}: one job per service type, one static target per service,
 * each with the stable labels the dashboards filter by (never host or port).
 */
public final class PrometheusConfiguration {
  /** The target labels: a team-wide contract the dashboards are written against. */
  public static final String SERVICE_LABEL = "service";
  public static final String SERVICE_TYPE_LABEL = "service_type";
  public static final String ENVIRONMENT_LABEL = "environment";
  /** Workers only: the backend's own {@code ktrdr_workers_*} series carry a {@code worker_type} label. */
  public static final String WORKER_TYPE_LABEL = "worker_type";
  /**
   * {@code optional="true"} on targets that may have no worker running; absent on the others. The
   * dashboards and alerts do not count such a target as down until it has been up.
   */
  public static final String OPTIONAL_LABEL = "optional";

  private PrometheusConfiguration() {}

  public static String render(Environment environment) {
    List<Object> jobs = new ArrayList<>();
    for (ServiceType type : ServiceType.values()) {
      List<Service> services = environment.services(type);
      if (services.isEmpty()) {
        continue;
      }
      List<Object> targets = new ArrayList<>();
      for (Service service : services) {
        targets.add(map("targets", list(service.target()), "labels", targetLabels(environment, service)));
      }
      jobs.add(map(
          "job_name", type.scrapeJob(),
          "metrics_path", services.get(0).metricsPath(),
          "static_configs", targets));
    }
    // KTRDR's generated rules first, then the environment's own.
    List<Object> ruleFiles = new ArrayList<>(PrometheusRules.files());
    ruleFiles.addAll(environment.prometheus().ruleFiles());
    Map<String, Object> document = map(
        "global", map(
            "scrape_interval", environment.prometheus().scrapeInterval().toString(),
            "evaluation_interval", environment.prometheus().evaluationInterval().toString()),
        // Retention in the file: Prometheus 3.14 deprecates --storage.tsdb.retention.time.
        "storage", map("tsdb", map("retention", map("time", environment.prometheus().retention().toString()))),
        "rule_files", ruleFiles,
        "alerting", environment.alerting().map(alerting -> (Object) alertmanagers(alerting.url())).orElse(null),
        "remote_write", environment.prometheus().remoteWrite().map(remote -> (Object) list(map(
            "url", remote.url().toString(),
            "basic_auth", remote.username().map(user -> (Object) map(
                "username", user, "password_file", remote.passwordFile().orElseThrow())).orElse(null))))
            .orElse(null),
        "scrape_configs", jobs);
    return YamlText.render(GeneratedHeader.forEnvironment(environment.name(), "Prometheus configuration"), document);
  }

  /** Where Prometheus sends its alerts: the environment's Alertmanager. */
  private static Map<String, Object> alertmanagers(java.net.URI url) {
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
    return map("alertmanagers", list(map(
        "scheme", url.getScheme().toLowerCase(java.util.Locale.ROOT),
        "path_prefix", path.isEmpty() ? null : path,
        "static_configs", list(map("targets", list(url.getHost() + ":" + port))))));
  }

  /** The labels of one service's target, sorted by name. */
  public static Map<String, String> targetLabels(Environment environment, Service service) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(ENVIRONMENT_LABEL, environment.name());
    labels.put(SERVICE_LABEL, service.name());
    labels.put(SERVICE_TYPE_LABEL, service.type().label());
    service.workerType().ifPresent(workerType -> labels.put(WORKER_TYPE_LABEL, workerType.label()));
    if (service.optional()) {
      labels.put(OPTIONAL_LABEL, "true");
    }
    return labels;
  }
}
