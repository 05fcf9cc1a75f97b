package io.ktrdr.observability.provisioning.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.provisioning.rules.NativeBinary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pre-prod bundle as {@code ./mvnw package} zips it: what it holds and its secure defaults,
 * read from the zip itself.
 */
class PreprodBundleIT {
  private static final String TOP = "ktrdr-observability-preprod/";
  /** The root pom's project.build.outputTimestamp. */
  private static final Instant OUTPUT_TIMESTAMP = Instant.parse("2026-11-25T00:00:00Z");

  private static Path zip;
  private static Map<String, byte[]> files;
  private static List<ZipEntry> entries;

  @BeforeAll
  static void readZip() throws IOException {
    Path target = Path.of("target");
    try (Stream<Path> candidates = Files.list(target)) {
      zip = candidates.filter(path -> path.getFileName().toString().matches("ktrdr-observability-preprod-.*\\.zip"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no ktrdr-observability-preprod-*.zip in " + target.toAbsolutePath()
              + "; build it with ./mvnw -pl provisioning -am package"));
    }
    files = new LinkedHashMap<>();
    entries = new ArrayList<>();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> all = archive.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        entries.add(entry);
        if (!entry.isDirectory()) {
          try (InputStream in = archive.getInputStream(entry)) {
            files.put(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
  }

  private static String text(String path) {
    byte[] bytes = files.get(TOP + path);
    assertThat(bytes).as("%s in %s", path, zip).isNotNull();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> yaml(String path) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text(path));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static Map<String, Object> service(String name) {
    return map(map(yaml("docker-compose.yml").get("services")).get(name));
  }

  @Test
  void holdsTheMonitoringTreeTheComposeFileTheReadmeTheDescriptionAndChecksums() {
    assertThat(files.keySet()).allMatch(name -> name.startsWith(TOP)).containsOnly(
        TOP + "README.md",
        TOP + "SHA256SUMS",
        TOP + "docker-compose.yml",
        TOP + "environment.yaml",
        TOP + "monitoring/alertmanager/alertmanager.yml",
        TOP + "monitoring/jaeger/config.yaml",
        TOP + "monitoring/grafana/dashboards/ktrdr-operations.json",
        TOP + "monitoring/grafana/dashboards/ktrdr-system-overview.json",
        TOP + "monitoring/grafana/dashboards/ktrdr-worker-status.json",
        TOP + "monitoring/grafana/check-admin-password.sh",
        TOP + "monitoring/grafana/check-default-login.sh",
        TOP + "monitoring/grafana/dashboards.yml",
        TOP + "monitoring/grafana/datasources.yml",
        TOP + "monitoring/prometheus/prometheus.yml",
        TOP + "monitoring/prometheus/rules/ktrdr-alerting-rules.yml",
        TOP + "monitoring/prometheus/rules/ktrdr-recording-rules.yml");
  }

  @Test
  void checksumsCoverEveryOtherFileAndMatch() {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : text(PreprodBundle.CHECKSUMS).lines().toList()) {
      String[] parts = line.split("  ", 2);
      sums.put(parts[1], parts[0]);
    }
    List<String> others = files.keySet().stream().map(name -> name.substring(TOP.length()))
        .filter(name -> !name.equals(PreprodBundle.CHECKSUMS)).sorted().toList();

    assertThat(List.copyOf(sums.keySet())).isEqualTo(others);
    sums.forEach((path, sum) -> assertThat(PreprodBundle.sha256(files.get(TOP + path))).as(path).isEqualTo(sum));
  }

  @Test
  void entriesCarryTheFixedBuildTimestampSoTheZipIsReproducible() {
    // Zip entries hold a zone-less local time: the build's timestamp in UTC or in the build's zone.
    LocalDateTime utc = LocalDateTime.ofInstant(OUTPUT_TIMESTAMP, ZoneOffset.UTC);
    LocalDateTime local = LocalDateTime.ofInstant(OUTPUT_TIMESTAMP, ZoneId.systemDefault());
    for (ZipEntry entry : entries) {
      assertThat(entry.getTimeLocal()).as(entry.getName()).isIn(utc, local);
    }
  }

  @Test
  void prometheusScrapesThePreprodHostsWithTheEnvironmentLabel() {
    String prometheus = text("monitoring/prometheus/prometheus.yml");

    assertThat(prometheus).contains("backend.preprod.example.internal:8000", "training-worker-2.preprod.example.internal:5005",
        "environment: preprod").doesNotContain("backend:8000", "127.0.0.1");
    assertThat(text("monitoring/prometheus/rules/ktrdr-alerting-rules.yml"))
        .contains("dashboard_url: https://grafana.preprod.example.internal/d/ktrdr-system-overview?");
  }

  @Test
  void composeHasOnlyTheObservabilityServices() {
    assertThat(map(yaml("docker-compose.yml").get("services")))
        .containsOnlyKeys("grafana-password-check", "grafana", "prometheus", "jaeger", "alertmanager");
  }

  @Test
  void onlyGrafanaOnLoopbackAndJaegersOtlpOnTheInternalAddressArePublished() {
    assertThat(service("prometheus")).doesNotContainKey("ports");
    assertThat(service("alertmanager")).doesNotContainKey("ports");
    assertThat(service("jaeger").get("ports")).isEqualTo(List.of("10.0.0.10:4317:4317", "10.0.0.10:4318:4318"));
    assertThat(service("grafana").get("ports")).isEqualTo(List.of("127.0.0.1:3000:3000"));
  }

  @Test
  void noAnonymousAccessAndTheAdminPasswordComesFromASecretFile() {
    Map<String, Object> environment = map(service("grafana").get("environment"));

    assertThat(environment).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
        .doesNotContainKey("GF_AUTH_ANONYMOUS_ORG_ROLE")
        .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD")
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana_admin_password");
    assertThat(service("grafana").get("secrets")).isEqualTo(List.of("grafana_admin_password"));
    assertThat(map(map(yaml("docker-compose.yml").get("secrets")).get("grafana_admin_password")))
        .containsEntry("file", "./secrets/grafana_admin_password");
    assertThat(files.keySet()).noneMatch(name -> name.contains("secrets/"));
  }

  @Test
  void grafanaRunsOffline() {
    assertThat(map(service("grafana").get("environment")))
        .containsEntry("GF_ANALYTICS_CHECK_FOR_UPDATES", "false")
        .containsEntry("GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "false")
        .containsEntry("GF_ANALYTICS_REPORTING_ENABLED", "false")
        .containsEntry("GF_PLUGINS_PREINSTALL_DISABLED", "true");
  }

  @Test
  void datasourcesAreNotEditable() {
    List<Object> datasources = list(yaml("monitoring/grafana/datasources.yml").get("datasources"));

    assertThat(datasources).hasSize(3)
        .allSatisfy(datasource -> assertThat(map(datasource)).containsEntry("editable", false));
  }

  @Test
  void provisionedDashboardsCannotBeChangedFromTheUi() throws IOException {
    Map<String, Object> provider = map(list(yaml("monitoring/grafana/dashboards.yml").get("providers")).get(0));
    assertThat(provider).containsEntry("allowUiUpdates", false).containsEntry("disableDeletion", true);

    for (String uid : List.of("ktrdr-system-overview", "ktrdr-worker-status", "ktrdr-operations")) {
      JsonNode dashboard = new ObjectMapper().readTree(text("monitoring/grafana/dashboards/" + uid + ".json"));
      assertThat(dashboard.get("editable").asBoolean()).as(uid).isFalse();
    }
  }

  @Test
  void thePrometheusConfigurationPassesPromtoolCheckConfig(@TempDir Path dir) throws IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }

    NativeBinary.Result check = NativeBinary.promtool()
        .run(dir.resolve(TOP + "monitoring/prometheus"), "check", "config", "prometheus.yml");

    assertThat(check.exitCode()).as("promtool check config:%n%s", check.output()).isZero();
  }

  @Test
  void theReadmeTellsTheOperatorWhereThePasswordGoesAndHowToStart() {
    assertThat(text("README.md"))
        .contains("secrets/grafana_admin_password", "sha256sum -c SHA256SUMS",
            "docker compose -f docker-compose.yml up -d", "https://grafana.preprod.example.internal",
            "`backend.preprod.example.internal:8000/metrics/`")
        .doesNotContain("${");
  }

  @Test
  void theReadmeHasASecretFileGrafanasUidCanReadInAProtectedDirectory() {
    // umask 077 made a 0600 file of the operator's: Grafana (uid 472) could not read it, and its
    // admin user kept the default password.
    assertThat(text("README.md"))
        .contains("install -d -m 0700 secrets", "(umask 022; openssl rand -base64 24",
            "chown 472 secrets/grafana_admin_password && chmod 0400", "grafana-password-check",
            "sh monitoring/grafana/check-default-login.sh http://127.0.0.1:3000")
        .doesNotContain("umask 077");
  }

  @Test
  void theReadmeSaysThePasswordAppliesAtTheFirstStartHowToRotateItAndHowToUpgrade() {
    assertThat(text("README.md"))
        .contains("at the first start on an empty", "grafana cli admin reset-admin-password",
            "## Upgrade without losing data", "Never `docker compose down -v`");
  }

  @Test
  void theReadmeSaysWhoIsNotifiedAndWhichCredentialFilesTheOperatorProvides() {
    assertThat(text("README.md"))
        .contains("| on-call | webhook to the URL in `/run/secrets/oncall_webhook_url` | `severity=\"critical\"` |",
            "| ops-mail | e-mail to ktrdr-ops@example.internal via `smtp.example.internal:587` | every other alert |",
            "`secrets/smtp_password`, `secrets/chat_webhook_url`, `secrets/oncall_webhook_url`", "uid 65534")
        .doesNotContain("No Alertmanager is part of this bundle");
  }

  @Test
  void theReadmeListsTheOtlpEndpointOfEveryKtrdrService() {
    assertThat(text("README.md"))
        .contains("| backend | `http://10.0.0.10:4317` | `http://10.0.0.10:4318` |",
            "| training-worker-2 | `http://10.0.0.10:4317` | `http://10.0.0.10:4318` |", "OTEL_EXPORTER_OTLP_ENDPOINT");
  }
}
