package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.environment.ComposeSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.SecretSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComposeFileContentTest {
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));
  private final Map<String, Object> compose = render(dev);

  private static Map<String, Object> render(Environment environment) {
    String file = environment.compose().orElseThrow().file();
    return Yamls.parse(Provisioning.render(environment, ProjectFiles.root()).text(file));
  }

  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return map(at(compose, "services", name));
  }

  private Map<String, Object> service(String name) {
    return service(compose, name);
  }

  @Test
  void devCompositionIsWrittenAsDockerComposeDevYml() {
    assertThat(Provisioning.render(dev, ProjectFiles.root()).files()).containsKey("docker-compose.dev.yml");
  }

  @Test
  void observabilityServicesRunThePinnedImages() {
    assertThat(map(compose.get("services")))
        .containsOnlyKeys("grafana", "prometheus", "jaeger", "alertmanager", "simulator");
    assertThat(service("grafana").get("image")).isEqualTo("grafana/grafana:13.2.3");
    assertThat(service("prometheus").get("image")).isEqualTo("prom/prometheus:v3.14.0");
    assertThat(service("jaeger").get("image")).isEqualTo("jaegertracing/jaeger:2.13.0");
  }

  @Test
  void everyImageHasAFixedTagAndNoneIsLatest() {
    for (Object service : map(compose.get("services")).values()) {
      String image = (String) map(service).get("image");
      assertThat(image).as("image").matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*|[a-z0-9./-]+:v[0-9][A-Za-z0-9._-]*")
          .doesNotContain("latest");
    }
    assertThat((String) service("simulator").get("image")).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre");
  }

  @Test
  void grafanaMountsTheGeneratedDashboardsAndProvisioningFiles() {
    assertThat(list(service("grafana").get("volumes"))).containsExactly(
        "./monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro",
        "./monitoring/grafana/dashboards.yml:/etc/grafana/provisioning/dashboards/dashboards.yml:ro",
        "./monitoring/grafana/datasources.yml:/etc/grafana/provisioning/datasources/datasources.yml:ro",
        "grafana-data:/var/lib/grafana");
  }

  @Test
  void prometheusMountsItsConfigurationDirectoryAndTakesNoDeprecatedRetentionFlag() {
    assertThat(list(service("prometheus").get("volumes")))
        .containsExactly("./monitoring/prometheus:/etc/prometheus:ro", "prometheus-data:/prometheus");
    // Prometheus 3.14 deprecates the retention flags: the retention is in prometheus.yml.
    assertThat(list(service("prometheus").get("command"))).contains("--config.file=/etc/prometheus/prometheus.yml")
        .noneMatch(argument -> ((String) argument).startsWith("--storage.tsdb.retention"));
  }

  @Test
  void grafanaAndPrometheusKeepTheirDataInNamedVolumes() {
    assertThat(map(compose.get("volumes"))).containsOnlyKeys("grafana-data", "prometheus-data", "alertmanager-data");
  }

  @Test
  void publishedPortsAreOnLoopbackByDefault() {
    assertThat(list(service("jaeger").get("ports")))
        .containsExactly("127.0.0.1:16686:16686", "127.0.0.1:4317:4317", "127.0.0.1:4318:4318");
    assertThat(list(service("grafana").get("ports"))).containsExactly("127.0.0.1:3000:3000");
    assertThat(list(service("prometheus").get("ports"))).containsExactly("127.0.0.1:9090:9090");
  }

  @Test
  void unpublishedComponentsHaveNoHostPorts() {
    Environment grafanaOnly = dev.toBuilder()
        .compose(new ComposeSettings("docker-compose.dev.yml", false, Set.of(ComposeSettings.Component.GRAFANA)))
        .build();
    Map<String, Object> rendered = render(grafanaOnly);

    assertThat(service(rendered, "prometheus")).doesNotContainKey("ports");
    assertThat(service(rendered, "jaeger")).doesNotContainKey("ports");
    assertThat(map(rendered.get("services"))).doesNotContainKey("simulator");
  }

  @Test
  void everyObservabilityServiceHasAHealthCheckOnItsReadinessEndpoint() {
    assertThat(list(at(service("grafana"), "healthcheck", "test"))).last()
        .isEqualTo("http://localhost:3000/api/health");
    assertThat(list(at(service("prometheus"), "healthcheck", "test"))).last()
        .isEqualTo("http://localhost:9090/-/ready");
    assertThat(list(at(service("jaeger"), "healthcheck", "test"))).last()
        .isEqualTo("http://localhost:13133/status");
    assertThat(at(service("grafana"), "depends_on", "prometheus", "condition")).isEqualTo("service_healthy");
  }

  @Test
  void grafanaRunsOfflineWithTheEnvironmentsAccessSettings() {
    assertThat(map(service("grafana").get("environment")))
        .containsEntry("GF_ANALYTICS_CHECK_FOR_UPDATES", "false")
        .containsEntry("GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "false")
        .containsEntry("GF_ANALYTICS_REPORTING_ENABLED", "false")
        .containsEntry("GF_PLUGINS_PREINSTALL_DISABLED", "true")
        .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
        .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
        .containsEntry("GF_SECURITY_ADMIN_USER", "admin")
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD", "admin");
  }

  @Test
  void adminPasswordFromAnEnvironmentVariableOrFileIsNeverWrittenOut() {
    Environment fromVariable = dev.toBuilder().grafana(dev.grafana().toBuilder()
        .adminPassword(SecretSource.environmentVariable("GRAFANA_ADMIN_PASSWORD")).build()).build();
    Environment fromFile = dev.toBuilder().grafana(dev.grafana().toBuilder()
        .adminPassword(SecretSource.file("/run/secrets/grafana_admin")).build()).build();

    assertThat(map(service(render(fromVariable), "grafana").get("environment"))).containsEntry(
        "GF_SECURITY_ADMIN_PASSWORD", "${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD to the Grafana admin password}");
    assertThat(map(service(render(fromFile), "grafana").get("environment")))
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana_admin")
        .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD");
  }

  @Test
  void simulatorRunsOnlyUnderItsProfileAndAnswersToKtrdrsHostNames() {
    Map<String, Object> simulator = service("simulator");

    assertThat(simulator.get("profiles")).isEqualTo(List.of("simulator"));
    assertThat(list(simulator.get("command"))).containsExactly("java", "-jar", "/app/ktrdr-workload-simulator.jar",
        "--host", "0.0.0.0", "--backend-port", "8000",
        "--worker-port", "backtest-worker-1=5003", "--worker-port", "backtest-worker-2=5004",
        "--worker-port", "training-worker-1=5005", "--worker-port", "training-worker-2=5006");
    assertThat(list(simulator.get("volumes"))).containsExactly(
        "./workload-simulator/target/ktrdr-workload-simulator.jar:/app/ktrdr-workload-simulator.jar:ro");
    assertThat(at(simulator, "environment", "OTEL_EXPORTER_OTLP_ENDPOINT")).isEqualTo("http://jaeger:4317");
    assertThat(list(at(simulator, "networks", "default", "aliases"))).containsExactly(
        "backend", "backtest-worker-1", "backtest-worker-2", "training-worker-1", "training-worker-2");
    for (String name : List.of("grafana", "prometheus", "jaeger")) {
      assertThat(service(name)).as(name).doesNotContainKey("profiles");
    }
  }

  @Test
  void simulatorRefusesAWorkerWhoseNameHidesItsType() {
    Environment misnamed = dev.toBuilder()
        .service("training-worker-2", service -> service.name("gpu-worker")).build();

    assertThatThrownBy(() -> render(misnamed))
        .isInstanceOf(GenerationException.class)
        .hasMessage("compose.simulator: the simulator takes workers named training* for training workers and "
            + "others for backtesting workers; gpu-worker is a training worker");
  }
}
