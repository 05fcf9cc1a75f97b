package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.AlertingSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import io.ktrdr.observability.simulator.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The generated inhibitions in a native Alertmanager: alerts posted as Prometheus posts them, and
 * only the causes reach the webhook. A control alert, posted a second later in another
 * environment (which nothing inhibits), marks when the inhibited ones would have arrived.
 */
@Execution(ExecutionMode.CONCURRENT)
class AlertInhibitionIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path run;

  @Test
  void aDeadWorkerAndADownBackendPageOnceAndTheirConsequencesStayQuiet() throws Exception {
    Map<String, Path> homes = NativeHomes.install("alertmanager");
    int port = FreePorts.choose();
    try (WebhookReceiver webhook = WebhookReceiver.start()) {
      Environment local = EnvironmentFile.load(Projects.root().resolve("environments/local.yaml"));
      PrometheusDuration second = PrometheusDuration.parse("1s");
      Environment environment = local.toBuilder()
          .alerting(new AlertingSettings(URI.create("http://127.0.0.1:" + port), second, second,
              PrometheusDuration.parse("1h"),
              List.of(new AlertingSettings.WebhookReceiver("team-webhook", Optional.of(webhook.uri()), Optional.empty())),
              Optional.of("team-webhook"), List.of()))
          .build();
      Path monitoring = run.resolve("monitoring");
      Provisioning.generateMonitoring(environment, monitoring);
      List<String> command = List.of(homes.get("alertmanager").resolve("bin/alertmanager").toString(),
          "--config.file=" + monitoring.resolve(Provisioning.ALERTMANAGER_CONFIG),
          "--storage.path=" + run.resolve("alertmanager-data"),
          "--web.listen-address=" + StackAddresses.HOST + ":" + port, "--cluster.listen-address=");
      try (ManagedProcess alertmanager = ManagedProcess.start("alertmanager", command, run, run.resolve("alertmanager.log"))) {
        URI base = URI.create("http://" + StackAddresses.HOST + ":" + port);
        alertmanager.awaitHealthy(base.resolve("/-/ready"), TIMEOUT);

        post(base, List.of(
            alert("KtrdrWorkerDown", "local", "warning", Map.of("service", "backtest-worker-2", "worker_type", "backtesting")),
            alert("KtrdrOperationsFailing", "local", "warning", Map.of("operation_type", "backtesting")),
            alert("KtrdrServiceDown", "local", "critical", Map.of("service", "backend")),
            alert("KtrdrHttpErrorRateHigh", "local", "warning", Map.of("service", "backend"))));
        Thread.sleep(1_000); // the control's group starts a second later than the others
        post(base, List.of(alert("KtrdrOperationsFailing", "control", "warning", Map.of("operation_type", "training"))));

        webhook.await("for the control alert", notification -> names(notification).contains("KtrdrOperationsFailing@control"),
            TIMEOUT);
        List<String> received = webhook.received().stream().flatMap(notification -> names(notification).stream()).toList();
        assertThat(received).as("alerts notified before the control")
            .contains("KtrdrWorkerDown@local", "KtrdrServiceDown@local")
            .doesNotContain("KtrdrOperationsFailing@local", "KtrdrHttpErrorRateHigh@local");
      }
    }
  }

  private static List<String> names(WebhookReceiver.Notification notification) {
    return notification.alerts().stream()
        .map(alert -> alert.path("labels").path("alertname").asText() + "@" + alert.path("labels").path("environment").asText())
        .toList();
  }

  private static String alert(String name, String environment, String severity, Map<String, String> labels) {
    String extra = labels.entrySet().stream().map(label -> ",\"" + label.getKey() + "\":\"" + label.getValue() + "\"")
        .collect(Collectors.joining());
    return "{\"labels\":{\"alertname\":\"" + name + "\",\"environment\":\"" + environment + "\",\"severity\":\""
        + severity + "\"" + extra + "},\"annotations\":{\"summary\":\"" + name + "\"}}";
  }

  private static void post(URI base, List<String> alerts) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", alerts) + "]")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
