package io.ktrdr.observability.provisioning.internal;

import static io.ktrdr.observability.provisioning.internal.YamlText.list;
import static io.ktrdr.observability.provisioning.internal.YamlText.map;

import io.ktrdr.observability.dashboards.ktrdr.rules.AlertRule;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.RecordingRule;
import io.ktrdr.observability.provisioning.environment.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus rule files, {@code prometheus/rules/*.yml}: KTRDR's recording and alerting rules
 * as the dashboards-ktrdr module defines them, with each alert's link to its dashboard on the
 * environment's Grafana.
 */
public final class PrometheusRules {
  /** The rule files' directory, relative to {@code prometheus.yml} (which names them from there). */
  public static final String DIR = "rules";
  public static final String RECORDING_FILE = DIR + "/ktrdr-recording-rules.yml";
  public static final String ALERTING_FILE = DIR + "/ktrdr-alerting-rules.yml";
  /** The annotation holding the link to the dashboard that explains an alert. */
  public static final String DASHBOARD_URL = "dashboard_url";

  private PrometheusRules() {}

  /** The generated rule files, relative to {@code prometheus.yml}, in the order Prometheus loads them. */
  public static List<String> files() {
    return List.of(RECORDING_FILE, ALERTING_FILE);
  }

  public static String recording(Environment environment) {
    List<String> header = new ArrayList<>(GeneratedHeader.forEnvironment(environment.name(),
        "KTRDR recording rules"));
    header.add("");
    for (RecordingRule rule : KtrdrRecordingRules.all()) {
      header.add(rule.record() + ": " + rule.help());
    }
    List<Object> rules = new ArrayList<>();
    for (RecordingRule rule : KtrdrRecordingRules.all()) {
      rules.add(map("record", rule.record(), "expr", rule.expr().toString()));
    }
    return YamlText.render(header, groups(KtrdrRecordingRules.GROUP, rules));
  }

  public static String alerting(Environment environment) {
    List<Object> rules = new ArrayList<>();
    for (AlertRule rule : KtrdrAlertRules.all()) {
      rules.add(map(
          "alert", rule.alert(),
          "expr", rule.expr().toString(),
          "for", rule.forDuration(),
          "labels", map("severity", rule.severity().label()),
          "annotations", map(
              "summary", rule.summary(),
              "description", rule.description(),
              DASHBOARD_URL, dashboardUrl(environment, rule))));
    }
    return YamlText.render(GeneratedHeader.forEnvironment(environment.name(), "KTRDR alerting rules"),
        groups(KtrdrAlertRules.GROUP, rules));
  }

  /** The alert's dashboard on the environment's Grafana, its variables set from the alert's labels. */
  static String dashboardUrl(Environment environment, AlertRule rule) {
    String root = environment.grafana().url().toString().replaceAll("/+$", "");
    StringBuilder url = new StringBuilder(root).append("/d/").append(rule.dashboardUid());
    char separator = '?';
    for (String label : rule.dashboardVariables()) {
      url.append(separator).append("var-").append(label).append("={{ $labels.").append(label).append(" }}");
      separator = '&';
    }
    return url.toString();
  }

  private static Map<String, Object> groups(String name, List<Object> rules) {
    return map("groups", list(map("name", name, "rules", rules)));
  }
}
