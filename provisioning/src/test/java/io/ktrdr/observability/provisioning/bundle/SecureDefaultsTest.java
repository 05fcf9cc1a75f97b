package io.ktrdr.observability.provisioning.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.ProjectFiles;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureDefaultsTest {
  private static String preprodYaml() throws IOException {
    return Files.readString(ProjectFiles.environment("preprod"));
  }

  /** The sample pre-prod file with one setting changed, written where the bundle reads it. */
  private static Path variant(Path dir, String from, String to) throws IOException {
    String yaml = preprodYaml();
    assertThat(yaml).contains(from);
    Path file = dir.resolve("preprod.yaml");
    Files.writeString(file, yaml.replace(from, to));
    return file;
  }

  private static final String SECRET = "  adminPassword:\n    file: /run/secrets/grafana_admin_password\n";

  @Test
  void theSamplePreprodEnvironmentPasses() {
    assertThat(SecureDefaults.problems(EnvironmentFile.load(ProjectFiles.environment("preprod")))).isEmpty();
  }

  @Test
  void devIsRefusedForEverySettingThatIsOnlyFitForALaptop() {
    assertThat(SecureDefaults.problems(EnvironmentFile.load(ProjectFiles.environment("dev"))))
        .extracting(SecureDefaults.Problem::field)
        .containsExactly("grafana.adminPassword.value", "grafana.datasourcesEditable", "grafana.allowUiUpdates",
            "compose.simulator", "compose.publish", "compose.publish", "compose.publish");
  }

  @Test
  void aDefaultPasswordIsRefusedWithFileLineAndField(@TempDir Path dir) throws IOException {
    Path file = variant(dir, SECRET, "  adminPassword:\n    value: admin\n");

    assertThatThrownBy(() -> PreprodBundle.write(file, dir.resolve("bundle")))
        .isInstanceOf(UnsafeEnvironmentException.class)
        .hasMessage(file + ":" + lineOf(file, "    value: admin") + ": grafana.adminPassword.value: a default"
            + " password is refused here; use {env: VARIABLE} or {file: /run/secrets/NAME}");
    assertThat(dir.resolve("bundle")).doesNotExist();
  }

  @Test
  void anyPasswordWrittenInTheFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = variant(dir, SECRET, "  adminPassword:\n    value: Xk3-long-and-random\n");

    assertThatThrownBy(() -> PreprodBundle.write(file, dir.resolve("bundle")))
        .hasMessageContaining("grafana.adminPassword.value: a password written in the file is refused here");
  }

  @Test
  void anEmptyPasswordIsRefusedByTheEnvironmentFileItself(@TempDir Path dir) throws IOException {
    Path file = variant(dir, SECRET, "  adminPassword:\n    value: ''\n");

    assertThatThrownBy(() -> PreprodBundle.write(file, dir.resolve("bundle")))
        .hasMessageContaining("grafana.adminPassword.value");
    assertThat(dir.resolve("bundle")).doesNotExist();
  }

  @Test
  void aPasswordFromAnEnvironmentVariableIsAccepted(@TempDir Path dir) throws IOException {
    Path file = variant(dir, SECRET, "  adminPassword:\n    env: KTRDR_GRAFANA_ADMIN_PASSWORD\n");

    PreprodBundle.write(file, dir.resolve("bundle"));

    assertThat(Files.readString(dir.resolve("bundle/docker-compose.yml")))
        .contains("GF_SECURITY_ADMIN_PASSWORD: ${KTRDR_GRAFANA_ADMIN_PASSWORD:?");
  }

  @Test
  void anonymousAdminsEditableDatasourcesUiSavesAndPublishedBackendsAreRefused(@TempDir Path dir) throws IOException {
    String yaml = preprodYaml()
        .replace("  # Anonymous access, editable datasources and dashboard saves from the UI stay off (the defaults).\n",
            "  anonymousAccess: {enabled: true, role: Admin}\n  datasourcesEditable: true\n  allowUiUpdates: true\n")
        .replace("publish: [grafana]", "publish: [grafana, prometheus, jaeger]");
    Path file = dir.resolve("preprod.yaml");
    Files.writeString(file, yaml);

    int anonymous = lineOf(file, "  anonymousAccess:");
    int datasources = lineOf(file, "  datasourcesEditable:");
    int uiUpdates = lineOf(file, "  allowUiUpdates:");
    int publish = lineOf(file, "  publish:");

    assertThatThrownBy(() -> PreprodBundle.write(file, dir.resolve("bundle")))
        .isInstanceOfSatisfying(UnsafeEnvironmentException.class, e -> assertThat(e.problems()).containsExactly(
            file + ":" + anonymous + ": grafana.anonymousAccess.role: anonymous visitors"
                + " get Viewer at most, got Admin",
            file + ":" + datasources + ": grafana.datasourcesEditable: expected false:"
                + " datasources are provisioned, not changed from the UI",
            file + ":" + uiUpdates + ": grafana.allowUiUpdates: expected false: provisioned"
                + " dashboards change in code, not from the UI",
            file + ":" + publish + ": compose.publish: prometheus must not be published on a host"
                + " port; Grafana reaches it inside the compose network",
            file + ":" + publish + ": compose.publish: jaeger must not be published on a host"
                + " port; Grafana reaches it inside the compose network"));
  }

  @Test
  void anonymousViewersAreAllowed(@TempDir Path dir) throws IOException {
    Path file = variant(dir,
        "  # Anonymous access, editable datasources and dashboard saves from the UI stay off (the defaults).\n",
        "  anonymousAccess: {enabled: true, role: Viewer}\n");

    assertThat(SecureDefaults.problems(EnvironmentFile.load(file))).isEmpty();
  }

  private static int lineOf(Path file, String prefix) throws IOException {
    var lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in " + file);
  }
}
