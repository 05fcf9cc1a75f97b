package io.ktrdr.observability.provisioning.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentFileTest {
  private static final String FILE = "environments/test.yaml";

  /** A valid environment; the tests below break one line at a time (line numbers in comments). */
  private static final String VALID = """
      name: test
      services:
        - name: backend
          type: backend
          host: backend
          port: 8000
          metricsPath: /metrics/
        - name: backtest-worker-1
          type: worker
          workerType: backtesting
          host: backtest-worker-1
          port: 5003
          metricsPath: /metrics
      prometheus:
        url: http://prometheus:9090
        scrapeInterval: 15s
        retention: 7d
      jaeger:
        url: http://jaeger:16686
        otlpGrpcUrl: http://jaeger:4317
        otlpHttpUrl: http://jaeger:4318
      grafana:
        url: http://localhost:3000
        adminUser: admin
        adminPassword:
          value: admin
      """;

  private static Environment parse(String yaml) {
    return EnvironmentFile.parse(new StringReader(yaml), FILE);
  }

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(InvalidEnvironmentException.class, () -> parse(yaml)).problems();
  }

  private static String replaced(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replace(from, to);
  }

  @Test
  void validFileGivesTypedEnvironmentWithSafeDefaults() {
    Environment environment = parse(VALID);

    assertThat(environment.name()).isEqualTo("test");
    assertThat(environment.services()).containsExactly(
        Service.builder().name("backend").type(ServiceType.BACKEND).host("backend").port(8000)
            .metricsPath("/metrics/").build(),
        Service.builder().name("backtest-worker-1").type(ServiceType.WORKER).workerType(WorkerType.BACKTESTING)
            .host("backtest-worker-1").port(5003).metricsPath("/metrics").build());
    assertThat(environment.prometheus().evaluationInterval()).hasToString("15s");
    assertThat(environment.prometheus().retention().toDuration()).hasDays(7);
    assertThat(environment.prometheus().ruleFiles()).isEmpty();
    assertThat(environment.jaeger().otlpGrpcUrl()).isEqualTo(URI.create("http://jaeger:4317"));
    assertThat(environment.grafana().adminPassword()).isEqualTo(SecretSource.literal("admin"));
    assertThat(environment.grafana().anonymousAccess()).isEqualTo(AnonymousAccess.DISABLED);
    assertThat(environment.grafana().datasourcesEditable()).isFalse();
    assertThat(environment.grafana().allowUiUpdates()).isFalse();
    assertThat(environment.grafana().dashboardsPath()).isEqualTo("/var/lib/grafana/dashboards");
    assertThat(environment.compose()).isEmpty();
  }

  @Test
  void portThatIsNotANumberIsRefusedWithFileLineAndField() {
    assertThat(problems(replaced("port: 5003", "port: 50x3")))
        .containsExactly(FILE + ":12: services[1].port: expected an integer from 1 to 65535, got \"50x3\"");
  }

  @Test
  void portOutOfRangeIsRefused() {
    assertThat(problems(replaced("port: 5003", "port: 70000")))
        .containsExactly(FILE + ":12: services[1].port: expected an integer from 1 to 65535, got 70000");
  }

  @Test
  void unknownKeyAndTheFieldItMisspellsAreBothReported() {
    assertThat(problems(replaced("port: 5003", "prot: 5003"))).containsExactly(
        FILE + ":8: services[1].port: missing; this field is required",
        FILE + ":12: services[1].prot: unknown key; expected one of name, type, workerType, host, port, metricsPath,"
            + " optional");
  }

  @Test
  void missingSectionIsReportedAtTheTopLevel() {
    String withoutJaeger = replaced("""
        jaeger:
          url: http://jaeger:16686
          otlpGrpcUrl: http://jaeger:4317
          otlpHttpUrl: http://jaeger:4318
        """, "");

    assertThat(problems(withoutJaeger)).containsExactly(FILE + ":1: jaeger: missing; this field is required");
  }

  @Test
  void wrongTypesAreRefused() {
    String yaml = replaced("adminUser: admin", "adminUser: [root, admin]") + "  allowUiUpdates: maybe\n";

    assertThat(problems(yaml)).containsExactly(
        FILE + ":24: grafana.adminUser: expected a string, got a list",
        FILE + ":27: grafana.allowUiUpdates: expected true or false, got \"maybe\"");
  }

  @Test
  void numberWhereANameIsExpectedIsRefused() {
    assertThat(problems(replaced("name: test", "name: 42")))
        .containsExactly(FILE + ":1: name: expected a string, got 42");
  }

  @Test
  void unknownEnumValueListsTheChoices() {
    assertThat(problems(replaced("type: backend", "type: database")))
        .containsExactly(FILE + ":4: services[0].type: expected one of backend, worker, got \"database\"");
  }

  @Test
  void duplicateServiceNameIsRefused() {
    assertThat(problems(replaced("- name: backtest-worker-1", "- name: backend"))).containsExactly(
        FILE + ":8: services[1].name: duplicate service name \"backend\", already used by services[0]");
  }

  @Test
  void duplicateHostAndPortIsRefused() {
    String yaml = replaced("host: backtest-worker-1\n    port: 5003", "host: backend\n    port: 8000");

    assertThat(problems(yaml)).containsExactly(
        FILE + ":12: services[1].port: duplicate target \"backend:8000\", already used by services[0]");
  }

  @Test
  void malformedUrlIsRefused() {
    assertThat(problems(replaced("url: http://prometheus:9090", "url: prometheus:9090"))).containsExactly(
        FILE + ":15: prometheus.url: expected an http or https URL with a host, got \"prometheus:9090\"");
  }

  @Test
  void urlWithQueryIsRefused() {
    assertThat(problems(replaced("url: http://jaeger:16686", "url: http://jaeger:16686/?x=1"))).containsExactly(
        FILE + ":19: jaeger.url: expected an http or https URL with a host, got \"http://jaeger:16686/?x=1\"");
  }

  @Test
  void malformedDurationIsRefused() {
    assertThat(problems(replaced("scrapeInterval: 15s", "scrapeInterval: 15 seconds"))).containsExactly(FILE
        + ":16: prometheus.scrapeInterval: expected a positive Prometheus duration such as 15s, 1m or 7d, got \"15 seconds\"");
  }

  @Test
  void zeroDurationIsRefused() {
    assertThat(problems(replaced("retention: 7d", "retention: 0d"))).containsExactly(FILE
        + ":17: prometheus.retention: expected a positive Prometheus duration such as 15s, 1m or 7d, got \"0d\"");
  }

  @Test
  void workerWithoutWorkerTypeIsRefused() {
    assertThat(problems(replaced("    workerType: backtesting\n", ""))).containsExactly(
        FILE + ":8: services[1].workerType: required for a worker; expected one of backtesting, training");
  }

  @Test
  void backendWithWorkerTypeIsRefused() {
    assertThat(problems(replaced("type: backend\n", "type: backend\n    workerType: training\n"))).containsExactly(
        FILE + ":5: services[0].workerType: only a worker has a worker type, got \"training\"");
  }

  @Test
  void aWorkerTargetCanBeOptional() {
    Environment environment = parse(replaced("    port: 5003\n", "    port: 5003\n    optional: true\n"));

    assertThat(environment.services()).extracting(Service::optional).containsExactly(false, true);
    assertThat(environment.service("backtest-worker-1").orElseThrow())
        .isEqualTo(Service.builder().name("backtest-worker-1").type(ServiceType.WORKER)
            .workerType(WorkerType.BACKTESTING).host("backtest-worker-1").port(5003).metricsPath("/metrics")
            .optional(true).build());
  }

  @Test
  void optionalThatIsNotABooleanIsRefusedWithFileLineAndField() {
    assertThat(problems(replaced("    port: 5003\n", "    port: 5003\n    optional: maybe\n"))).containsExactly(
        FILE + ":13: services[1].optional: expected true or false, got \"maybe\"");
  }

  @Test
  void anOptionalBackendIsRefused() {
    assertThat(problems(replaced("    port: 8000\n", "    port: 8000\n    optional: true\n"))).containsExactly(
        FILE + ":7: services[0].optional: only a worker target can be optional; the backend must run");
  }

  @Test
  void workersWithDifferentMetricsPathsAreRefused() {
    String yaml = VALID.replace("prometheus:\n", """
          - name: training-worker-1
            type: worker
            workerType: training
            host: training-worker-1
            port: 5005
            metricsPath: /stats
        prometheus:
        """);

    assertThat(problems(yaml)).containsExactly(FILE + ":19: services[2].metricsPath: every worker is scraped by job "
        + "ktrdr-workers with one metrics path, expected \"/metrics\", got \"/stats\"");
  }

  @Test
  void duplicateKeyIsRefused() {
    assertThat(problems(replaced("port: 8000\n", "port: 8000\n    port: 8001\n")))
        .containsExactly(FILE + ":7: services[0].port: duplicate key");
  }

  @Test
  void secretWithTwoSourcesIsRefused() {
    assertThat(problems(replaced("    value: admin\n", "    value: admin\n    env: GRAFANA_PASSWORD\n")))
        .containsExactly(FILE + ":26: grafana.adminPassword: expected exactly one of value, env, file, got value, env");
  }

  @Test
  void secretFromEnvironmentVariableOrFileIsAccepted() {
    assertThat(parse(replaced("value: admin", "env: GRAFANA_ADMIN_PASSWORD")).grafana().adminPassword())
        .isEqualTo(SecretSource.environmentVariable("GRAFANA_ADMIN_PASSWORD"));
    assertThat(parse(replaced("value: admin", "file: /run/secrets/grafana_admin")).grafana().adminPassword())
        .isEqualTo(SecretSource.file("/run/secrets/grafana_admin"));
  }

  @Test
  void relativeSecretFileIsRefusedWithItsLine() {
    assertThat(problems(replaced("value: admin", "file: secrets/admin")))
        .containsExactly(FILE + ":26: grafana.adminPassword.file: expected an absolute path, got \"secrets/admin\"");
  }

  @Test
  void unknownComposeComponentIsRefused() {
    String yaml = VALID + """
        compose:
          file: docker-compose.test.yml
          publish: [grafana, loki]
        """;

    assertThat(problems(yaml)).containsExactly(
        FILE + ":29: compose.publish[1]: expected one of grafana, prometheus, jaeger, alertmanager, got \"loki\"");
  }

  @Test
  void everyProblemIsReportedAtOnceInLineOrder() {
    String yaml = VALID.replace("port: 5003", "port: 50x3").replace("retention: 7d", "retention: a week")
        .replace("type: backend", "type: api");

    assertThat(problems(yaml)).containsExactly(
        FILE + ":4: services[0].type: expected one of backend, worker, got \"api\"",
        FILE + ":12: services[1].port: expected an integer from 1 to 65535, got \"50x3\"",
        FILE + ":17: prometheus.retention: expected a positive Prometheus duration such as 15s, 1m or 7d, got \"a week\"");
  }

  @Test
  void exceptionMessageListsTheProblemsOnePerLine() {
    String yaml = VALID.replace("port: 5003", "port: 50x3").replace("retention: 7d", "retention: a week");

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidEnvironmentException.class)
        .hasMessage(FILE + ":12: services[1].port: expected an integer from 1 to 65535, got \"50x3\"\n"
            + FILE + ":17: prometheus.retention: expected a positive Prometheus duration such as 15s, 1m or 7d, got \"a week\"");
  }

  @Test
  void documentThatIsNotAMappingIsRefused() {
    assertThat(problems("- a\n- b\n")).containsExactly(FILE + ":1: (top level): expected a mapping with keys "
        + "name, services, prometheus, jaeger, grafana, compose, alerting, got a list");
  }

  @Test
  void emptyFileIsRefused() {
    assertThat(problems("")).containsExactly(FILE + ":1: expected a mapping with keys "
        + "name, services, prometheus, jaeger, grafana, compose, alerting, got an empty file");
  }

  @Test
  void brokenYamlSyntaxIsRefusedWithItsLine() {
    assertThat(problems(replaced("port: 8000", "port: [8000")))
        .singleElement().asString().startsWith(FILE + ":7: not valid YAML: ");
  }
}
