package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The generated compose file, checked by the parser Docker Compose uses, without a Docker engine. */
@Execution(ExecutionMode.CONCURRENT)
class ComposeFileIT {
  private static final Path PROJECT = Projects.root();
  private static final Path CHECK = PROJECT.resolve("native-stack/check-compose.sh");

  @TempDir Path temp;

  @Test
  void theGeneratedComposeFileIsValidAndMountsOnlyPathsThatExist() throws Exception {
    Result result = check(PROJECT.resolve("docker-compose.dev.yml"));

    assertThat(result.status).as(result.output).isZero();
    assertThat(result.output).contains("valid (services: [alertmanager grafana jaeger prometheus simulator])");
  }

  @Test
  void aServiceDependingOnAnUndefinedOneIsRejected() throws Exception {
    Path compose =
        Files.writeString(
            temp.resolve("compose.yml"),
            "services:\n  grafana:\n    image: grafana/grafana:13.2.3\n    depends_on: [prometheus]\n");

    Result result = check(compose);

    assertThat(result.status).isEqualTo(1);
    assertThat(result.output)
        .contains(compose + ": invalid: service \"grafana\" depends on undefined service \"prometheus\"");
  }

  @Test
  void aBindMountOfAMissingPathIsRejected() throws Exception {
    Path compose =
        Files.writeString(
            temp.resolve("compose.yml"),
            "services:\n  prometheus:\n    image: prom/prometheus:v3.14.0\n    volumes:\n      - ./monitoring/prometheus:/etc/prometheus:ro\n");

    Result result = check(compose);

    assertThat(result.status).isEqualTo(1);
    assertThat(result.output)
        .contains("service prometheus mounts " + temp.resolve("monitoring/prometheus") + ", which does not exist");
  }

  private Result check(Path compose) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", CHECK.toString(), compose.toString()));
    Path output = temp.resolve("output.txt");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    // The first run compiles the checker (compose-go) into the Go build cache.
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("check-compose.sh finished").isTrue();
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private record Result(int status, String output) {}
}
