package io.ktrdr.observability.provisioning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.ktrdr.rules.AlertRule;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.provisioning.ProjectFiles;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.internal.AlertmanagerConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alertmanager's own checks on what the provisioning module generates: {@code amtool check-config}
 * on every environment's configuration, and {@code amtool config routes test} on where pre-prod's
 * alerts go.
 */
@Execution(ExecutionMode.CONCURRENT)
class AmtoolTest {
  private static NativeBinary amtool;

  @BeforeAll
  static void findAmtool() {
    amtool = NativeBinary.amtool();
  }

  static Stream<String> environmentsWithAlerting() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("environments"))) {
      List<String> names = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length()))
          .filter(name -> EnvironmentFile.load(ProjectFiles.environment(name)).alerting().isPresent())
          .sorted().toList();
      assertThat(names).as("environments with alerting").contains("dev", "preprod");
      return names.stream();
    }
  }

  private static Path generate(String environment, Path dir) {
    Environment loaded = EnvironmentFile.load(ProjectFiles.environment(environment));
    Path monitoring = dir.resolve("monitoring");
    Provisioning.generateMonitoring(loaded, monitoring);
    return monitoring.resolve(Provisioning.ALERTMANAGER_CONFIG);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environmentsWithAlerting")
  void everyEnvironmentsAlertmanagerConfigurationPassesAmtoolCheckConfig(String name, @TempDir Path dir) {
    Path config = generate(name, dir);

    NativeBinary.Result check = amtool.run(dir, "check-config", config.toString());

    assertThat(check.exitCode()).as("amtool check-config, %s:%n%s", name, check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS", AlertmanagerConfiguration.inhibitions().size() + " inhibit rules");
  }

  @Test
  void amtoolRefusesARouteToAReceiverThatDoesNotExist(@TempDir Path dir) throws IOException {
    Path config = generate("preprod", dir);
    Files.writeString(config, Files.readString(config).replace("receiver: on-call", "receiver: nobody"));

    NativeBinary.Result check = amtool.run(dir, "check-config", config.toString());

    assertThat(check.exitCode()).isNotZero();
    assertThat(check.output()).contains("nobody");
  }

  @Test
  void preprodRoutesCriticalAlertsToOnCallWarningsToChatAndTheRestByMail(@TempDir Path dir) {
    Path config = generate("preprod", dir);

    assertThat(route(dir, config, "alertname=KtrdrServiceDown", "severity=critical")).isEqualTo("on-call");
    assertThat(route(dir, config, "alertname=KtrdrWorkerDown", "severity=warning")).isEqualTo("ops-chat");
    assertThat(route(dir, config, "alertname=SomethingElse")).isEqualTo("ops-mail");
  }

  private static String route(Path dir, Path config, String... labels) {
    String[] arguments = Stream.concat(Stream.of("config", "routes", "test", "--config.file=" + config), Stream.of(labels))
        .toArray(String[]::new);
    NativeBinary.Result result = amtool.run(dir, arguments);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.stdout().strip();
  }

  @Test
  void everyInhibitionNamesAlertsKtrdrDefinesAndNoAlertInhibitsItself() {
    List<String> alerts = KtrdrAlertRules.all().stream().map(AlertRule::alert).toList();
    for (AlertmanagerConfiguration.Inhibition inhibition : AlertmanagerConfiguration.inhibitions()) {
      assertThat(alerts).contains(inhibition.source().alert());
      assertThat(inhibition.targets()).extracting(AlertRule::alert).isSubsetOf(alerts)
          .doesNotContain(inhibition.source().alert());
    }
  }
}
