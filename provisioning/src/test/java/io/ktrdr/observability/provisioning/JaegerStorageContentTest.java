package io.ktrdr.observability.provisioning;

import static io.ktrdr.observability.provisioning.Yamls.at;
import static io.ktrdr.observability.provisioning.Yamls.list;
import static io.ktrdr.observability.provisioning.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.InvalidEnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-prod keeps traces in Badger on a volume, with the environment's retention; dev keeps memory. */
class JaegerStorageContentTest {
  private static GeneratedFiles generated(String environment) {
    return Provisioning.render(EnvironmentFile.load(ProjectFiles.environment(environment)), ProjectFiles.root());
  }

  @Test
  void preprodKeepsTracesInBadgerOnAVolumeForTheEnvironmentsRetention() {
    GeneratedFiles files = generated("preprod");
    Map<String, Object> config = Yamls.parse(files.text("monitoring/jaeger/config.yaml"));
    Map<String, Object> badger = map(at(config, "extensions", "jaeger_storage", "backends", "ktrdr_traces", "badger"));
    Map<String, Object> compose = Yamls.parse(files.text("docker-compose.yml"));

    assertThat(at(badger, "ttl", "spans")).isEqualTo("336h");
    assertThat(badger).containsEntry("ephemeral", false);
    assertThat(at(badger, "directories", "keys")).isEqualTo("/tmp/jaeger/keys");
    assertThat(list(at(compose, "services", "jaeger", "volumes")))
        .containsExactly("./monitoring/jaeger:/etc/jaeger:ro", "jaeger-data:/tmp");
    assertThat(list(at(compose, "services", "jaeger", "command"))).containsExactly("--config=file:/etc/jaeger/config.yaml");
    assertThat(map(compose.get("volumes"))).containsKey("jaeger-data");
  }

  @Test
  void devKeepsMemoryAndNoVolume() {
    GeneratedFiles files = generated("dev");
    Map<String, Object> config = Yamls.parse(files.text("monitoring/jaeger/config.yaml"));
    Map<String, Object> compose = Yamls.parse(files.text("docker-compose.dev.yml"));

    assertThat(map(at(config, "extensions", "jaeger_storage", "backends", "ktrdr_traces"))).containsOnlyKeys("memory");
    assertThat(list(at(compose, "services", "jaeger", "volumes"))).containsExactly("./monitoring/jaeger:/etc/jaeger:ro");
    assertThat(map(compose.get("volumes"))).doesNotContainKey("jaeger-data");
  }

  @Test
  void jaegerListensOnEveryInterfaceInAContainerAndOnLoopbackNatively() {
    Map<String, Object> dev = Yamls.parse(generated("dev").text("monitoring/jaeger/config.yaml"));
    Map<String, Object> local = Yamls.parse(generated("local").text("monitoring/jaeger/config.yaml"));

    assertThat(at(dev, "receivers", "otlp", "protocols", "grpc", "endpoint")).isEqualTo("0.0.0.0:4317");
    assertThat(at(local, "receivers", "otlp", "protocols", "grpc", "endpoint")).isEqualTo("127.0.0.1:4317");
    assertThat(at(local, "extensions", "jaeger_query", "http", "endpoint")).isEqualTo("127.0.0.1:16686");
    assertThat(at(local, "extensions", "healthcheckv2", "http", "endpoint")).isEqualTo("127.0.0.1:13133");
  }

  @Test
  void aStorageJaegerDoesNotKnowIsAnErrorWithFileLineAndField(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(ProjectFiles.environment("preprod")).replace("  storage: badger\n", "  storage: cassandra\n");
    Path file = dir.resolve("preprod.yaml");
    Files.writeString(file, yaml);
    int line = yaml.lines().toList().indexOf("  storage: cassandra") + 1;

    assertThatThrownBy(() -> EnvironmentFile.load(file)).isInstanceOfSatisfying(InvalidEnvironmentException.class,
        e -> assertThat(e.problems()).containsExactly(
            file + ":" + line + ": jaeger.storage: expected one of memory, badger, elasticsearch, opensearch, got \"cassandra\""));
  }

  @Test
  void theComposeFileRefusesBadgerOutsideTheVolume() {
    Environment preprod = EnvironmentFile.load(ProjectFiles.environment("preprod"));
    Environment elsewhere = preprod.toBuilder()
        .jaeger(preprod.jaeger().toBuilder().dataDirectory("/var/lib/jaeger").build()).build();

    assertThatThrownBy(() -> Provisioning.render(elsewhere, ProjectFiles.root()))
        .isInstanceOf(GenerationException.class)
        .hasMessageStartingWith("jaeger.dataDirectory: the compose file keeps Badger's files on the volume jaeger-data");
  }
}
