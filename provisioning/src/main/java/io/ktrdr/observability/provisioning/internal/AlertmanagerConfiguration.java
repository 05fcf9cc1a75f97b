package io.ktrdr.observability.provisioning.internal;

import static io.ktrdr.observability.provisioning.internal.YamlText.list;
import static io.ktrdr.observability.provisioning.internal.YamlText.map;

import io.ktrdr.observability.dashboards.ktrdr.rules.AlertRule;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.provisioning.environment.AlertingSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code alertmanager/alertmanager.yml}: the environment's receivers and routes, KTRDR's grouping,
 * and inhibitions so that one cause pages once.
 */
public final class AlertmanagerConfiguration {
  /** Receives what no receiver is named for: Alertmanager lists the alerts and notifies nobody. */
  public static final String NO_RECEIVER = "ktrdr-list-only";
  /**
   * One notification per alert name and environment: four workers down are one message listing
   * them, and a worker coming back resolves its alert in the same thread.
   */
  public static final List<String> GROUP_BY = List.of("alertname", "environment");

  private AlertmanagerConfiguration() {}

  /** One inhibition: while {@code source} fires, {@code targets} with the same {@code equal} labels stay quiet. */
  public record Inhibition(AlertRule source, List<AlertRule> targets, List<String> equal, String why) {}

  /** KTRDR's inhibitions: the cause pages, its consequences do not. */
  public static List<Inhibition> inhibitions() {
    return List.of(
        new Inhibition(KtrdrAlertRules.SERVICE_DOWN,
            List.of(KtrdrAlertRules.HTTP_ERROR_RATE_HIGH, KtrdrAlertRules.OPERATIONS_FAILING,
                KtrdrAlertRules.OPERATION_DURATION_HIGH, KtrdrAlertRules.NO_OPERATION_COMPLETING,
                KtrdrAlertRules.NO_WORKER_AVAILABLE),
            List.of("environment"),
            "the backend is down: its HTTP errors, operations and worker registry follow from that"),
        new Inhibition(KtrdrAlertRules.NO_WORKER_AVAILABLE,
            List.of(KtrdrAlertRules.WORKER_DOWN),
            List.of("environment", "worker_type"),
            "no worker of the type is left: one alert for the type instead of one per worker"),
        new Inhibition(KtrdrAlertRules.WORKER_DOWN,
            List.of(KtrdrAlertRules.OPERATIONS_FAILING, KtrdrAlertRules.NO_OPERATION_COMPLETING),
            List.of("environment"),
            "a dead worker fails or strands the operations it ran: it pages as the worker, not as operations"),
        new Inhibition(KtrdrAlertRules.NO_WORKER_AVAILABLE,
            List.of(KtrdrAlertRules.OPERATIONS_FAILING, KtrdrAlertRules.NO_OPERATION_COMPLETING),
            List.of("environment"),
            "operations fail with no_workers_available while no worker can take them"));
  }

  public static String render(Environment environment) {
    AlertingSettings alerting = environment.alerting().orElseThrow(() ->
        new IllegalArgumentException("environment: " + environment.name() + " has no alerting section"));
    List<Object> routes = new ArrayList<>();
    for (AlertingSettings.Route route : alerting.routes()) {
      routes.add(map("receiver", route.receiver(), "matchers", new ArrayList<Object>(route.matchers())));
    }
    List<Object> inhibitRules = new ArrayList<>();
    for (Inhibition inhibition : inhibitions()) {
      inhibitRules.add(map(
          "source_matchers", list("alertname=\"" + inhibition.source().alert() + "\""),
          "target_matchers", list("alertname=~\"" + inhibition.targets().stream().map(AlertRule::alert)
              .collect(Collectors.joining("|")) + "\""),
          "equal", new ArrayList<Object>(inhibition.equal())));
    }
    List<Object> receivers = new ArrayList<>();
    for (AlertingSettings.Receiver receiver : alerting.receivers()) {
      receivers.add(receiver(receiver));
    }
    if (receivers.isEmpty()) {
      receivers.add(map("name", NO_RECEIVER));
    }
    Map<String, Object> document = map(
        "route", map(
            "receiver", alerting.defaultReceiver().orElse(NO_RECEIVER),
            "group_by", new ArrayList<Object>(GROUP_BY),
            "group_wait", alerting.groupWait().toString(),
            "group_interval", alerting.groupInterval().toString(),
            "repeat_interval", alerting.repeatInterval().toString(),
            "routes", routes.isEmpty() ? null : routes),
        "inhibit_rules", inhibitRules,
        "receivers", receivers);
    List<String> header = new ArrayList<>(GeneratedHeader.forEnvironment(environment.name(), "Alertmanager configuration"));
    header.add("");
    header.add("Inhibitions (the first alert silences the others while it fires):");
    for (Inhibition inhibition : inhibitions()) {
      header.add("- " + inhibition.source().alert() + ": " + inhibition.why() + ".");
    }
    return YamlText.render(header, document);
  }

  private static Map<String, Object> receiver(AlertingSettings.Receiver receiver) {
    if (receiver instanceof AlertingSettings.WebhookReceiver webhook) {
      return map("name", webhook.name(), "webhook_configs", list(map(
          "url", webhook.url().map(Object::toString).orElse(null),
          "url_file", webhook.urlFile().orElse(null),
          "send_resolved", true)));
    }
    if (receiver instanceof AlertingSettings.EmailReceiver email) {
      return map("name", email.name(), "email_configs", list(map(
          "to", email.to(),
          "from", email.from(),
          "smarthost", email.smarthost(),
          "auth_username", email.authUsername().orElse(null),
          "auth_password_file", email.authPasswordFile().orElse(null),
          "require_tls", email.requireTls(),
          "send_resolved", true)));
    }
    AlertingSettings.SlackReceiver slack = (AlertingSettings.SlackReceiver) receiver;
    return map("name", slack.name(), "slack_configs", list(map(
        "api_url_file", slack.urlFile(),
        "channel", slack.channel().orElse(null),
        "title", "{{ .Status | toUpper }}: {{ .CommonLabels.alertname }} in {{ .CommonLabels.environment }}",
        "title_link", "{{ (index .Alerts 0).Annotations.dashboard_url }}",
        "text", "{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}",
        "send_resolved", true)));
  }
}
