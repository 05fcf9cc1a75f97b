package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.environment.AlertingSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.InvalidEnvironmentException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Alertmanager in the generated files: wired to Prometheus and Grafana, credentials only as files. */
class AlertingContentTest {
  private final Environment preprod = EnvironmentFile.load(ProjectFiles.environment("preprod"));
  private final GeneratedFiles files = Provisioning.render(preprod, ProjectFiles.root());

  private Map<String, Object> yaml(String path) {
    return Yamls.parse(files.text(path));
  }

  @Test
  void prometheusSendsItsAlertsToTheEnvironmentsAlertmanager() {
    Map<String, Object> alertmanager = map(list(at(yaml("monitoring/prometheus/prometheus.yml"), "alerting",
        "alertmanagers")).get(0));

    assertThat(alertmanager.get("scheme")).isEqualTo("http");
    assertThat(list(map(list(alertmanager.get("static_configs")).get(0)).get("targets")))
        .containsExactly("alertmanager:9093");
  }

  @Test
  void grafanaGetsAnAlertmanagerDatasourceBesideTheOthers() {
    List<Object> datasources = list(yaml("monitoring/grafana/datasources.yml").get("datasources"));

    assertThat(datasources).extracting(datasource -> map(datasource).get("uid"))
        .containsExactly("prometheus", "jaeger", "alertmanager");
    Map<String, Object> alertmanager = map(datasources.get(2));
    assertThat(alertmanager).containsEntry("type", "alertmanager").containsEntry("url", "http://alertmanager:9093")
        .containsEntry("editable", false);
    assertThat(map(alertmanager.get("jsonData"))).containsEntry("implementation", "prometheus");
  }

  @Test
  void theComposeFileRunsThePinnedAlertmanagerWithItsCredentialsAsDockerSecrets() {
    Map<String, Object> compose = yaml("docker-compose.yml");
    Map<String, Object> alertmanager = map(at(compose, "services", "alertmanager"));

    assertThat(alertmanager.get("image")).isEqualTo("prom/alertmanager:v0.35.0");
    assertThat(list(alertmanager.get("command"))).contains("--config.file=/etc/alertmanager/alertmanager.yml",
        "--storage.path=/alertmanager");
    assertThat(list(alertmanager.get("volumes")))
        .containsExactly("./monitoring/alertmanager:/etc/alertmanager:ro", "alertmanager-data:/alertmanager");
    assertThat(list(alertmanager.get("secrets"))).containsExactly("smtp_password", "chat_webhook_url", "oncall_webhook_url");
    assertThat(at(compose, "secrets", "smtp_password", "file")).isEqualTo("./secrets/smtp_password");
    assertThat(alertmanager).doesNotContainKey("ports");
  }

  @Test
  void credentialsAreReadFromFilesAndNeverWrittenIntoTheConfiguration() {
    String config = files.text(Provisioning.ALERTMANAGER_CONFIG.replace("alertmanager/", "monitoring/alertmanager/"));

    assertThat(config).contains("auth_password_file: /run/secrets/smtp_password",
            "api_url_file: /run/secrets/chat_webhook_url", "url_file: /run/secrets/oncall_webhook_url")
        .doesNotContain("auth_password:", "api_url:", "hooks.slack.com");
  }

  @Test
  void alertsAreGroupedByNameAndEnvironmentWithTheEnvironmentsTimings() {
    Map<String, Object> route = map(yaml("monitoring/alertmanager/alertmanager.yml").get("route"));

    assertThat(list(route.get("group_by"))).containsExactly("alertname", "environment");
    assertThat(route).containsEntry("receiver", "ops-mail").containsEntry("group_wait", "30s")
        .containsEntry("group_interval", "5m").containsEntry("repeat_interval", "4h");
  }

  @Test
  void aDeadWorkerDoesNotAlsoPageAsOperationsFailingAndADownBackendSilencesItsHttpAlerts() {
    List<Object> inhibitions = list(yaml("monitoring/alertmanager/alertmanager.yml").get("inhibit_rules"));

    assertThat(inhibitions).map(Yamls::map).anySatisfy(rule -> {
      assertThat(list(rule.get("source_matchers"))).containsExactly("alertname=\"KtrdrWorkerDown\"");
      assertThat((String) list(rule.get("target_matchers")).get(0)).contains("KtrdrOperationsFailing");
    }).anySatisfy(rule -> {
      assertThat(list(rule.get("source_matchers"))).containsExactly("alertname=\"KtrdrServiceDown\"");
      assertThat((String) list(rule.get("target_matchers")).get(0)).contains("KtrdrHttpErrorRateHigh");
    });
  }

  @Test
  void anEnvironmentWithoutAlertingHasNoAlertmanager() {
    Environment none = preprod.toBuilder().alerting(null).build();
    GeneratedFiles generated = Provisioning.render(none, ProjectFiles.root());

    assertThat(generated.files()).doesNotContainKey("monitoring/alertmanager/alertmanager.yml");
    assertThat(map(Yamls.parse(generated.text("docker-compose.yml")).get("services"))).doesNotContainKey("alertmanager");
    assertThat(Yamls.parse(generated.text("monitoring/prometheus/prometheus.yml"))).doesNotContainKey("alerting");
  }

  @Test
  void aCredentialFileOutsideRunSecretsCannotBeMountedByTheComposeFile() {
    AlertingSettings alerting = preprod.alerting().orElseThrow();
    Environment elsewhere = preprod.toBuilder().alerting(new AlertingSettings(alerting.url(), alerting.groupWait(),
        alerting.groupInterval(), alerting.repeatInterval(),
        List.of(new AlertingSettings.SlackReceiver("chat", "/etc/chat-url", Optional.empty())),
        Optional.of("chat"), List.of())).build();

    assertThatThrownBy(() -> Provisioning.render(elsewhere, ProjectFiles.root()))
        .isInstanceOf(GenerationException.class)
        .hasMessage("alerting.receivers[0]: the compose file mounts credential files as Docker secrets: expected"
            + " /run/secrets/NAME, got /etc/chat-url");
  }

  private static final String HEAD = """
      name: test
      services:
        - {name: backend, type: backend, host: backend, port: 8000, metricsPath: /metrics}
      prometheus: {url: "http://prometheus:9090", scrapeInterval: 15s, retention: 7d}
      jaeger: {url: "http://jaeger:16686", otlpGrpcUrl: "http://jaeger:4317", otlpHttpUrl: "http://jaeger:4318"}
      grafana: {url: "http://localhost:3000", adminUser: admin, adminPassword: {env: PASSWORD}}
      alerting:
        url: http://alertmanager:9093
      """;

  private static List<String> problems(String alerting) {
    try {
      EnvironmentFile.parse(new StringReader(HEAD + alerting), "test.yaml");
      throw new AssertionError("expected problems");
    } catch (InvalidEnvironmentException e) {
      return e.problems();
    }
  }

  @Test
  void badAlertingValuesNameFileLineAndField() {
    assertThat(problems("""
          groupWait: soon
          receiver: mail
          receivers:
            - {name: mail, type: email, to: nobody, from: am@example.internal, smarthost: smtp.example.internal:587}
            - {name: chat, type: slack, url: "https://hooks.example/T0/B0/secret"}
            - {name: hook, type: webhook, url: "http://127.0.0.1:9", urlFile: /run/secrets/hook}
            - {name: page, type: pager}
          routes:
            - {receiver: phone, matchers: ['severity="critical"']}
            - {receiver: mail, matchers: ['severity critical']}
        """)).containsExactly(
        "test.yaml:9: alerting.groupWait: expected a positive Prometheus duration such as 15s, 1m or 7d, got \"soon\"",
        "test.yaml:12: alerting.receivers[0].to: expected e-mail addresses separated by commas, got \"nobody\"",
        "test.yaml:13: alerting.receivers[1].url: unknown key; expected one of name, type, urlFile, channel",
        "test.yaml:13: alerting.receivers[1].urlFile: missing; this field is required",
        "test.yaml:14: alerting.receivers[2]: expected exactly one of url, urlFile (a URL holding a token goes in a file)",
        "test.yaml:15: alerting.receivers[3].type: expected one of webhook, email, slack, got \"pager\"",
        "test.yaml:18: alerting.routes[1].matchers: expected label, one of = != =~ !~, and a quoted value, e.g."
            + " severity=\"critical\", got \"severity critical\"");
  }

  @Test
  void aRouteToAnUnknownReceiverIsNamedWithItsLine() {
    assertThat(problems("""
          receiver: mail
          receivers:
            - {name: mail, type: email, to: ops@example.internal, from: am@example.internal, smarthost: smtp.example.internal:587}
          routes:
            - {receiver: phone, matchers: ['severity="critical"']}
        """)).containsExactly("test.yaml:13: alerting.routes[0].receiver: no receiver named \"phone\"");
  }
}
