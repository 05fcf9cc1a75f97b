package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.AlertingSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import io.ktrdr.observability.simulator.FreePorts;
import io.ktrdr.observability.simulator.GroundTruth;
import io.ktrdr.observability.simulator.RunningSimulator;
import io.ktrdr.observability.simulator.Simulator;
import io.ktrdr.observability.simulator.model.Scenario;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Alerts reach people: a simulated KTRDR whose backtest-worker-2 stops answering, scraped by a
 * native Prometheus whose generated rules fire {@code KtrdrWorkerDown}, sent to a native
 * Alertmanager configured from the environment, which POSTs to a loopback webhook receiver: the
 * firing notification carries the alert's {@code dashboard_url}, and its resolution follows once
 * the worker answers again.
 *
 * <p>Kept fast by the test's environment (scrape and evaluation every 1 s, Alertmanager's
 * group_wait and group_interval 1 s) and by the generated rules' {@code for:} shortened to 2 s;
 * every wait is woken by the notification's arrival.
 */
@Order(3)
@Execution(ExecutionMode.CONCURRENT)
class AlertDeliveryIT {
  /** The simulated services' spans are not what this test is about: no Jaeger runs, so spans go to the SDK's no-op exporter. */
  private static final SpanExporter NO_SPANS = SpanExporter.composite();

  private static final String DOWN = "backtest-worker-2";
  private static final double TIME_SCALE = 60;
  /**
   * Model time: 8 s and 15 s of wall time at the time scale. Alertmanager and Prometheus start after
   * the simulator (Prometheus' configuration names its ports), which on a loaded machine takes
   * seconds, and the outage must be seen with room for the firing notification (a scrape, the 2 s
   * {@code for:}, an evaluation, Alertmanager's 1 s group_wait): it came 4 s into the outage at a
   * load of 15 on 2 cores, 8 s at a load of 23, and not at all within the outage at a load of 74
   * when the outage began at 5 s.
   */
  private static final Duration OUTAGE_AT = Duration.ofMinutes(8);
  private static final Duration OUTAGE_LASTING = Duration.ofMinutes(15);
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(60);
  private static final String SHORT_FOR = "2s";

  @TempDir Path run;

  @Test
  void aWorkerOutageReachesTheWebhookWithItsDashboardAndItsResolutionFollowsTheWorkersReturn() throws Exception {
    Map<String, Path> homes = NativeHomes.install("prometheus", "alertmanager");
    Scenario outage = Scenario.builder().name("alert-delivery")
        .outage(new Scenario.Outage(DOWN, OUTAGE_AT, OUTAGE_LASTING)).build();

    try (WebhookReceiver webhook = WebhookReceiver.start();
        RunningSimulator simulator = Simulator.builder().host(StackAddresses.HOST).anyFreePorts()
            .scenario(outage).timeScale(TIME_SCALE).spanExporter(NO_SPANS).statusLine(null)
            .build().start()) {
      int[] ports = FreePorts.choose(2);
      Environment environment = environment(simulator, ports[0], ports[1], webhook.uri());
      Path monitoring = run.resolve("monitoring");
      Provisioning.generateMonitoring(environment, monitoring);
      shortenAlertFor(monitoring.resolve(Provisioning.PROMETHEUS_DIR + "/" + "rules/ktrdr-alerting-rules.yml"));

      try (ManagedProcess alertmanager = startAlertmanager(homes.get("alertmanager"), monitoring, ports[1]);
          ManagedProcess prometheus = startPrometheus(homes.get("prometheus"), monitoring, ports[0])) {
        WebhookReceiver.Notification firing = webhook.await("firing KtrdrWorkerDown for " + DOWN,
            notification -> notification.status().equals("firing") && workerDown(notification).isPresent(),
            NOTIFICATION_TIMEOUT.plus(scaled(OUTAGE_AT)));
        JsonNode alert = workerDown(firing).orElseThrow();
        assertThat(alert.path("labels").path("service").asText()).isEqualTo(DOWN);
        assertThat(alert.path("labels").path("severity").asText()).isEqualTo("warning");
        assertThat(alert.path("annotations").path("dashboard_url").asText())
            .startsWith(environment.grafana().url() + "/d/" + KtrdrAlertRules.WORKER_STATUS_UID + "?")
            .contains("var-environment=" + environment.name(), "var-service=" + DOWN,
                "var-worker_type=backtesting");
        assertThat(firing.alerts()).as("only the worker that is down")
            .allSatisfy(each -> assertThat(each.path("labels").path("service").asText()).isEqualTo(DOWN));

        WebhookReceiver.Notification resolved = webhook.await("resolving KtrdrWorkerDown for " + DOWN,
            notification -> workerDown(notification)
                .filter(each -> each.path("status").asText().equals("resolved")).isPresent(),
            NOTIFICATION_TIMEOUT.plus(scaled(OUTAGE_LASTING)));
        // The outage as the simulator played it, on its own clock: the test's reading of the time once
        // start() returned lags the simulator's start by as long as starting took.
        GroundTruth truth = simulator.groundTruth();
        Instant started = Instant.parse(truth.startedAt());
        Instant down = endpointChange(truth, false);
        Instant back = endpointChange(truth, true);
        assertThat(back).as("the worker answers again after its outage").isAfter(down);
        assertThat(firing.received()).as("fired during the outage (%s to %s)", down, back).isAfter(down).isBefore(back);
        assertThat(resolved.received()).as("resolved after the worker answers again (%s)", back).isAfter(back);
        assertThat(resolved.status()).isEqualTo("resolved");
        System.out.printf("AlertDeliveryIT: outage from %.1f s, firing notification at %.1f s, worker back at %.1f s,"
                + " resolution at %.1f s after the simulator's start%n",
            seconds(started, down), seconds(started, firing.received()), seconds(started, back),
            seconds(started, resolved.received()));
      }
    }
  }

  /** When {@link #DOWN}'s endpoint first stopped answering ({@code answering} false), or first answered again. */
  private static Instant endpointChange(GroundTruth truth, boolean answering) {
    return truth.endpointChanges().stream()
        .filter(change -> change.worker().equals(DOWN) && change.answering() == answering)
        .map(change -> Instant.parse(change.at()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the simulator recorded no change of " + DOWN + " to answering="
            + answering + ": " + truth.endpointChanges()));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static Duration scaled(Duration model) {
    return Duration.ofMillis((long) (model.toMillis() / TIME_SCALE));
  }

  private static Optional<JsonNode> workerDown(WebhookReceiver.Notification notification) {
    return notification.alerts().stream()
        .filter(alert -> alert.path("labels").path("alertname").asText().equals(KtrdrAlertRules.WORKER_DOWN.alert()))
        .filter(alert -> alert.path("labels").path("service").asText().equals(DOWN))
        .findFirst();
  }

  /**
   * The local environment, its services on the simulator's ports, Prometheus and Alertmanager on
   * free loopback ports, fast intervals, and one receiver: the webhook.
   */
  private static Environment environment(RunningSimulator simulator, int prometheusPort, int alertmanagerPort,
      URI webhook) {
    Environment local = EnvironmentFile.load(Projects.root().resolve("environments/local.yaml"));
    Environment.Builder builder = local.toBuilder();
    for (Service service : local.services()) {
      int port = service.type() == ServiceType.BACKEND ? simulator.backendPort() : simulator.workerPort(service.name());
      builder.service(service.name(), s -> s.host(StackAddresses.HOST).port(port));
    }
    PrometheusDuration second = PrometheusDuration.parse("1s");
    return builder
        .prometheus(local.prometheus().toBuilder().url(URI.create("http://127.0.0.1:" + prometheusPort))
            .scrapeInterval(second).evaluationInterval(second).build())
        .alerting(new AlertingSettings(URI.create("http://127.0.0.1:" + alertmanagerPort), second, second,
            PrometheusDuration.parse("1h"),
            List.of(new AlertingSettings.WebhookReceiver("team-webhook", Optional.of(webhook), Optional.empty())),
            Optional.of("team-webhook"), List.of()))
        .build();
  }

  /** The generated rules with every {@code for:} shortened: the same expressions, firing within seconds. */
  private static void shortenAlertFor(Path rules) throws Exception {
    String text = Files.readString(rules);
    String shortened = text.replaceAll("(?m)^(\\s+for: ).*$", "$1" + SHORT_FOR);
    assertThat(shortened).as("the rules have for: durations").isNotEqualTo(text).contains("for: " + SHORT_FOR);
    Files.writeString(rules, shortened);
  }

  private ManagedProcess startAlertmanager(Path home, Path monitoring, int port) {
    List<String> command = List.of(home.resolve("bin/alertmanager").toString(),
        "--config.file=" + monitoring.resolve(Provisioning.ALERTMANAGER_CONFIG),
        "--storage.path=" + run.resolve("alertmanager-data"),
        "--web.listen-address=" + StackAddresses.HOST + ":" + port,
        "--cluster.listen-address=");
    ManagedProcess process = ManagedProcess.start("alertmanager", command, run, run.resolve("alertmanager.log"));
    try {
      process.awaitHealthy(URI.create("http://" + StackAddresses.HOST + ":" + port + "/-/ready"), STARTUP);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return process;
  }

  private ManagedProcess startPrometheus(Path home, Path monitoring, int port) {
    List<String> command = List.of(home.resolve("bin/prometheus").toString(),
        "--config.file=" + monitoring.resolve(Provisioning.PROMETHEUS_CONFIG),
        "--storage.tsdb.path=" + run.resolve("prometheus-data"),
        "--web.listen-address=" + StackAddresses.HOST + ":" + port, PrometheusServer.PROMPT_TARGETS);
    ManagedProcess process = ManagedProcess.start("prometheus", command, monitoring.resolve(Provisioning.PROMETHEUS_DIR),
        run.resolve("prometheus.log"));
    try {
      process.awaitHealthy(URI.create("http://" + StackAddresses.HOST + ":" + port + "/-/ready"), STARTUP);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return process;
  }
}
