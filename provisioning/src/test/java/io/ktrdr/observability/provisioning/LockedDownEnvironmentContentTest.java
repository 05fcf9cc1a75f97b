package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.SecretSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an environment that locks Grafana down (as pre-prod does) changes in the generated files. */
class LockedDownEnvironmentContentTest {
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));
  private final Environment preprod = EnvironmentFile.load(ProjectFiles.environment("preprod"));

  @Test
  void dashboardsAreNotEditableWhenUiUpdatesAreNotAllowed() throws Exception {
    GeneratedFiles locked = Provisioning.render(preprod, ProjectFiles.root());
    GeneratedFiles open = Provisioning.render(dev, ProjectFiles.root());

    for (String uid : List.of("ktrdr-system-overview", "ktrdr-worker-status", "ktrdr-operations")) {
      String path = "monitoring/grafana/dashboards/" + uid + ".json";
      JsonNode lockedJson = new ObjectMapper().readTree(locked.text(path));
      assertThat(lockedJson.get("editable").asBoolean()).as(path).isFalse();
      assertThat(new ObjectMapper().readTree(open.text(path)).get("editable").asBoolean()).as(path).isTrue();
      // Nothing else changes: the same dashboard, only read-only.
      assertThat(locked.text(path).replace("\"editable\": false", "\"editable\": true")).isEqualTo(open.text(path));
    }
  }

  @Test
  void aPasswordInDockerSecretsIsMountedAsAComposeSecret() {
    Map<String, Object> compose = Yamls.parse(Provisioning.render(preprod, ProjectFiles.root()).text("docker-compose.yml"));

    assertThat(map(at(compose, "services", "grafana", "environment")))
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana_admin_password")
        .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD");
    assertThat(at(compose, "services", "grafana", "secrets")).isEqualTo(List.of("grafana_admin_password"));
    assertThat(at(compose, "secrets", "grafana_admin_password", "file")).isEqualTo("./secrets/grafana_admin_password");
  }

  @Test
  void aPasswordFileElsewhereIsLeftToTheOperatorToMount() {
    Environment elsewhere = preprod.toBuilder()
        .grafana(preprod.grafana().toBuilder().adminPassword(SecretSource.file("/etc/grafana/admin-password")).build())
        .build();
    Map<String, Object> compose = Yamls.parse(Provisioning.render(elsewhere, ProjectFiles.root()).text("docker-compose.yml"));

    assertThat(compose.get("secrets")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .doesNotContainKey("grafana_admin_password");
    assertThat(map(at(compose, "services", "grafana"))).doesNotContainKey("secrets");
    assertThat(map(at(compose, "services", "grafana", "environment")))
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/etc/grafana/admin-password");
  }

  @Test
  void devHasNoComposeSecrets() {
    Map<String, Object> compose = Yamls.parse(Provisioning.render(dev, ProjectFiles.root()).text("docker-compose.dev.yml"));

    assertThat(compose).doesNotContainKey("secrets");
  }
}
