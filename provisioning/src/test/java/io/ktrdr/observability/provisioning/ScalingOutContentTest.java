package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.InvalidEnvironmentException;
import io.ktrdr.observability.provisioning.rules.NativeBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When one machine is not enough: remote write to a long-term store (off by default), Jaeger's
 * traces in Elasticsearch or OpenSearch, Grafana's database on PostgreSQL. Each generated from the
 * environment, checked by the server's own validator where there is one (promtool, jaeger
 * validate), credentials only as files; not run against real clusters here.
 */
class ScalingOutContentTest {
  private static Path variant(Path dir, String... fromTo) throws IOException {
    String yaml = Files.readString(ProjectFiles.environment("preprod"));
    for (int i = 0; i < fromTo.length; i += 2) {
      assertThat(yaml).contains(fromTo[i]);
      yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
    }
    Path file = dir.resolve("preprod.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** Pre-prod with all three: remote write, Elasticsearch for traces, PostgreSQL for Grafana. */
  private static Path scaledOut(Path dir) throws IOException {
    return variant(dir,
        "  retention: 30d\n", "  retention: 30d\n"
            + "  remoteWrite:\n"
            + "    url: https://metrics.example.internal/api/v1/write\n"
            + "    username: ktrdr-preprod\n"
            + "    passwordFile: /run/secrets/remote_write_password\n",
        "  storage: badger\n  retention: 14d\n", ""
            + "  storage: elasticsearch\n"
            + "  external:\n"
            + "    url: https://search.example.internal:9200\n"
            + "    username: jaeger\n"
            + "    passwordFile: /run/secrets/trace_store_password\n",
        "  adminPassword:\n    file: /run/secrets/grafana_admin_password\n", ""
            + "  adminPassword:\n    file: /run/secrets/grafana_admin_password\n"
            + "  database:\n"
            + "    type: postgres\n"
            + "    host: postgres.example.internal:5432\n"
            + "    name: grafana\n"
            + "    user: grafana\n"
            + "    passwordFile: /run/secrets/grafana_db_password\n");
  }

  @Test
  void remoteWriteIsOffByDefault() {
    for (String name : List.of("dev", "local", "preprod")) {
      GeneratedFiles files = Provisioning.renderMonitoring(EnvironmentFile.load(ProjectFiles.environment(name)),
          ProjectFiles.root().resolve("monitoring"));
      assertThat(Yamls.parse(files.text(Provisioning.PROMETHEUS_CONFIG))).as(name).doesNotContainKey("remote_write");
    }
  }

  @Test
  void remoteWriteGoesToTheNamedStoreWithItsPasswordFromAFileAndPassesPromtool(@TempDir Path dir) throws IOException {
    Environment environment = EnvironmentFile.load(scaledOut(dir));
    Path root = dir.resolve("out");
    Provisioning.generate(environment, root);
    Map<String, Object> remote = map(list(Yamls.parse(Files.readString(root.resolve("monitoring/"
        + Provisioning.PROMETHEUS_CONFIG))).get("remote_write")).get(0));
    Map<String, Object> compose = Yamls.parse(Files.readString(root.resolve("docker-compose.yml")));

    assertThat(remote).containsEntry("url", "https://metrics.example.internal/api/v1/write");
    assertThat(map(remote.get("basic_auth"))).containsExactly(Map.entry("username", "ktrdr-preprod"),
        Map.entry("password_file", "/run/secrets/remote_write_password"));
    assertThat(list(at(compose, "services", "prometheus", "secrets"))).containsExactly("remote_write_password");
    NativeBinary.Result check = NativeBinary.promtool().run(root.resolve("monitoring"), "check", "config",
        Provisioning.PROMETHEUS_CONFIG);
    assertThat(check.exitCode()).as(check.output()).isZero();
  }

  @Test
  void tracesInElasticsearchAreConfiguredAsJaegerValidatesThem(@TempDir Path dir) throws IOException {
    Environment environment = EnvironmentFile.load(scaledOut(dir));
    Path root = dir.resolve("out");
    Provisioning.generate(environment, root);
    Path config = root.resolve("monitoring/" + Provisioning.JAEGER_CONFIG);
    Map<String, Object> backend = map(at(Yamls.parse(Files.readString(config)), "extensions", "jaeger_storage",
        "backends", "ktrdr_traces", "elasticsearch"));
    Map<String, Object> compose = Yamls.parse(Files.readString(root.resolve("docker-compose.yml")));

    assertThat(list(backend.get("server_urls"))).containsExactly("https://search.example.internal:9200");
    assertThat(at(backend, "auth", "basic", "password_file")).isEqualTo("/run/secrets/trace_store_password");
    assertThat(list(at(compose, "services", "jaeger", "secrets"))).containsExactly("trace_store_password");
    assertThat(list(at(compose, "services", "jaeger", "volumes"))).noneMatch(volume -> volume.toString().startsWith("jaeger-data"));
    NativeBinary.Result validate = NativeBinary.installed("jaeger", "jaeger").run(dir, "validate", "--config=file:" + config);
    assertThat(validate.exitCode()).as(validate.output()).isZero();
  }

  @Test
  void jaegerValidateRefusesAMisspelledStorageField(@TempDir Path dir) throws IOException {
    Environment environment = EnvironmentFile.load(scaledOut(dir));
    Path root = dir.resolve("out");
    Provisioning.generate(environment, root);
    Path config = root.resolve("monitoring/" + Provisioning.JAEGER_CONFIG);
    Files.writeString(config, Files.readString(config).replace("server_urls:", "server_url:"));

    NativeBinary.Result validate = NativeBinary.installed("jaeger", "jaeger").run(dir, "validate", "--config=file:" + config);

    assertThat(validate.exitCode()).isNotZero();
    assertThat(validate.output()).contains("server_url");
  }

  @Test
  void grafanaOnPostgresqlReadsItsPasswordFromASecretFile(@TempDir Path dir) throws IOException {
    Environment environment = EnvironmentFile.load(scaledOut(dir));
    Map<String, Object> compose = Yamls.parse(Provisioning.render(environment, dir).text("docker-compose.yml"));

    assertThat(map(at(compose, "services", "grafana", "environment")))
        .containsEntry("GF_DATABASE_TYPE", "postgres")
        .containsEntry("GF_DATABASE_HOST", "postgres.example.internal:5432")
        .containsEntry("GF_DATABASE_NAME", "grafana")
        .containsEntry("GF_DATABASE_USER", "grafana")
        .containsEntry("GF_DATABASE_PASSWORD__FILE", "/run/secrets/grafana_db_password")
        .containsEntry("GF_DATABASE_SSL_MODE", "require")
        .doesNotContainKey("GF_DATABASE_PASSWORD");
    assertThat(list(at(compose, "services", "grafana", "secrets")))
        .containsExactly("grafana_admin_password", "grafana_db_password");
    assertThat(at(compose, "secrets", "grafana_db_password", "file")).isEqualTo("./secrets/grafana_db_password");
  }

  @Test
  void badScalingValuesNameFileLineAndField(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(scaledOut(dir)).replace("    passwordFile: /run/secrets/remote_write_password\n", "")
        .replace("  external:\n", "  externals:\n").replace("    name: grafana\n", "    name: grafana\n    sslMode: sometimes\n");
    Path file = dir.resolve("preprod.yaml");
    Files.writeString(file, yaml);
    List<String> lines = Files.readAllLines(file);

    try {
      EnvironmentFile.load(file);
      throw new AssertionError("expected problems");
    } catch (InvalidEnvironmentException e) {
      assertThat(e.problems()).containsExactly(
          file + ":" + (lines.indexOf("    url: https://metrics.example.internal/api/v1/write") + 1)
              + ": prometheus.remoteWrite.passwordFile: missing; basic auth needs both username and passwordFile",
          // Reported where the jaeger mapping starts: the key is absent.
          file + ":" + (lines.indexOf("  url: http://jaeger:16686") + 1) + ": jaeger.external: missing; storage"
              + " elasticsearch needs the cluster's url",
          file + ":" + (lines.indexOf("  externals:") + 1) + ": jaeger.externals: unknown key; expected one of url,"
              + " otlpGrpcUrl, otlpHttpUrl, storage, retention, dataDirectory, healthPort, queryGrpcPort, external",
          file + ":" + (lines.indexOf("    sslMode: sometimes") + 1) + ": grafana.database.sslMode: expected one of"
              + " disable, require, verify-ca, verify-full, got \"sometimes\"");
    }
  }
}
