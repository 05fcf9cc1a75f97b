package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.provisioning.environment.ComposeSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.internal.ComposeFile;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pre-prod compose file as an operator runs it: the admin password checked before anything
 * starts, Grafana on the address the environment names, OTLP on the internal address only, and
 * the retention in prometheus.yml rather than a deprecated flag.
 */
class PreprodComposeContentTest {
  private final Environment preprod = EnvironmentFile.load(ProjectFiles.environment("preprod"));
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));

  private static GeneratedFiles generated(Environment environment) {
    return Provisioning.render(environment, ProjectFiles.root());
  }

  private static Map<String, Object> compose(Environment environment) {
    return Yamls.parse(generated(environment).text(environment.compose().orElseThrow().file()));
  }

  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return map(at(compose, "services", name));
  }

  @Test
  void aOneShotCheckOfTheAdminPasswordRunsAsGrafanasUserBeforeEveryOtherService() {
    Map<String, Object> compose = compose(preprod);
    Map<String, Object> check = service(compose, ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE);

    assertThat(check.get("image")).isEqualTo(ContainerImages.GRAFANA);
    assertThat(check.get("user")).isEqualTo("472");
    assertThat(list(check.get("entrypoint"))).containsExactly("sh", "/usr/local/bin/check-admin-password.sh");
    assertThat(list(check.get("volumes"))).containsExactly(
        "./monitoring/grafana/check-admin-password.sh:/usr/local/bin/check-admin-password.sh:ro");
    assertThat(list(check.get("secrets"))).containsExactly("grafana_admin_password");
    assertThat(map(check.get("environment")))
        .containsExactly(Map.entry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana_admin_password"));
    for (String name : List.of("grafana", "prometheus", "jaeger")) {
      assertThat(at(service(compose, name), "depends_on", ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE, "condition"))
          .as(name).isEqualTo("service_completed_successfully");
    }
    assertThat(generated(preprod).files()).containsKey("monitoring/grafana/check-admin-password.sh");
  }

  @Test
  void aPasswordWrittenInTheEnvironmentNeedsNoCheckService() {
    assertThat(map(compose(dev).get("services"))).doesNotContainKey(ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE);
  }

  @Test
  void grafanaIsPublishedOnTheAddressTheEnvironmentNamesLoopbackByDefault() {
    assertThat(list(service(compose(preprod), "grafana").get("ports"))).containsExactly("127.0.0.1:3000:3000");
    ComposeSettings settings = preprod.compose().orElseThrow();
    Environment elsewhere = preprod.toBuilder().compose(new ComposeSettings(settings.file(), false, settings.publish(),
        "10.1.2.3", settings.otlpAddress())).build();

    assertThat(list(service(compose(elsewhere), "grafana").get("ports"))).containsExactly("10.1.2.3:3000:3000");
  }

  @Test
  void grafanasCookiesAreSecureWhenItsRootUrlIsHttps() {
    assertThat(map(service(compose(preprod), "grafana").get("environment")))
        .containsEntry("GF_SERVER_ROOT_URL", "https://grafana.preprod.example.internal")
        .containsEntry("GF_SECURITY_COOKIE_SECURE", "true");
    Environment plainHttp = preprod.toBuilder()
        .grafana(preprod.grafana().toBuilder().url(URI.create("http://grafana.internal:3000")).build()).build();

    assertThat(map(service(compose(plainHttp), "grafana").get("environment")))
        .doesNotContainKey("GF_SECURITY_COOKIE_SECURE");
  }

  @Test
  void jaegerPublishesOnlyItsOtlpPortsAndOnlyOnTheNamedInternalAddress() {
    assertThat(list(service(compose(preprod), "jaeger").get("ports")))
        .containsExactly("10.0.0.10:4317:4317", "10.0.0.10:4318:4318");
    ComposeSettings settings = preprod.compose().orElseThrow();
    Environment noOtlp = preprod.toBuilder().compose(new ComposeSettings(settings.file(), false, settings.publish(),
        settings.publishAddress(), Optional.empty())).build();

    assertThat(service(compose(noOtlp), "jaeger")).doesNotContainKey("ports");
  }

  @Test
  void theRetentionIsInPrometheusYmlNotInADeprecatedFlag() {
    Map<String, Object> prometheusYml = Yamls.parse(generated(preprod).text("monitoring/prometheus/prometheus.yml"));

    assertThat(at(prometheusYml, "storage", "tsdb", "retention", "time")).isEqualTo("30d");
    assertThat(list(service(compose(preprod), "prometheus").get("command")))
        .noneMatch(argument -> ((String) argument).startsWith("--storage.tsdb.retention"));
  }

  @Test
  void theSimulatorRunsOnATemurin17JreReleasedIn2026OrLater() {
    // 17.0.13+11 (October 2024) had had no security update for a year; 17.0.18 is January 2026's.
    String image = (String) service(compose(dev), "simulator").get("image");
    assertThat(image).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre");
    int update = Integer.parseInt(image.replaceAll("eclipse-temurin:17\\.0\\.(\\d+)_.*", "$1"));
    assertThat(update).isGreaterThanOrEqualTo(18);
    assertThat(Set.of(ContainerImages.JAVA_RUNTIME)).containsExactly(image);
  }
}
