package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** native-stack/install.sh: versions from the compose file, homes from the cache, loud refusals. */
class InstallScriptTest {
  private static final Path SCRIPT =
      Projects.root().resolve(NativeInstall.SCRIPT);

  @TempDir Path temp;

  @Test
  void aCachedComponentIsFoundWithoutBuildingAtTheVersionTheComposeFilePins() throws Exception {
    Path compose = compose("prom/prometheus:v3.14.0", "jaegertracing/jaeger:2.13.0");
    Path home = temp.resolve("cache/prometheus-3.14.0");
    Files.createDirectories(home);
    Files.writeString(home.resolve(".complete"), "prometheus-3.14.0\n");

    Result result = run(compose, "--print-homes", "prometheus");

    assertThat(result.status).as(result.stderr).isZero();
    assertThat(result.stdout).isEqualTo("prometheus=" + home + "\n");
    assertThat(result.stderr).contains("prometheus 3.14.0: cached");
  }

  @Test
  void aSecondInstallWaitsForTheBuildUnderWayAndUsesItsResult() throws Exception {
    Path compose = compose("prom/prometheus:v3.14.0");
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Path locked = temp.resolve("locked");
    // Plays the first install: holds the home's lock for a second, then completes the home.
    Process firstInstall =
        new ProcessBuilder(
                "bash",
                "-c",
                "exec 9> .prometheus-3.14.0.lock; flock 9; touch " + locked
                    + "; sleep 1; mkdir prometheus-3.14.0; touch prometheus-3.14.0/.complete")
            .directory(cache.toFile())
            .start();
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(locked));

    Result result = run(compose, "--print-homes", "prometheus");

    assertThat(firstInstall.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(result.status).as(result.stderr).isZero();
    assertThat(result.stderr)
        .contains("prometheus 3.14.0: another install is building it; waiting")
        .contains("prometheus 3.14.0: cached");
    assertThat(result.stdout).isEqualTo("prometheus=" + cache.resolve("prometheus-3.14.0") + "\n");
  }

  @Test
  void aVersionWithoutAModuleRowIsRefusedNamingTheReleasesThatBuild() throws Exception {
    Path compose = compose("prom/prometheus:v3.14.0", "jaegertracing/jaeger:2.20.0");

    Result result = run(compose, "--print-homes", "jaeger");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.stdout).isEmpty();
    assertThat(result.stderr)
        .contains("error: jaeger 2.20.0 (pinned in " + compose + "): no Go module version known")
        .contains("releases that build here: 2.13.0");
    assertThat(temp.resolve("cache")).doesNotExist();
  }

  @Test
  void grafanaWithoutAnInstalledHomeIsRefusedSayingWhatToInstall() throws Exception {
    Result result = run(compose("grafana/grafana:13.2.3"), "--print-homes", "grafana");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.stderr)
        .contains("error: grafana 13.2.3: cannot be built from the Go module proxy")
        .contains("set KTRDR_GRAFANA_HOME");
  }

  @Test
  void aComposeFileWithoutTheImageIsAnError() throws Exception {
    Result result = run(compose("grafana/grafana:13.2.3"), "prometheus");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.stderr).contains("no 'image: prom/prometheus:<tag>' line");
    assertThat(temp.resolve("cache")).doesNotExist();
  }

  @Test
  void withoutAComposeFileNothingIsInstalledAndTheErrorSaysHowToGenerateIt() throws Exception {
    Result result = run(temp.resolve("absent.yml"), "prometheus");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.stderr)
        .contains("no " + temp.resolve("absent.yml") + "; generate it: ./mvnw -q -pl provisioning -am -Pgenerate process-classes");
    assertThat(temp.resolve("cache")).doesNotExist();
  }

  private Path compose(String... images) throws IOException {
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < images.length; i++) {
      text.append("  s").append(i).append(":\n    image: ").append(images[i]).append('\n');
    }
    return Files.writeString(temp.resolve("docker-compose.yml"), text.toString());
  }

  private Result run(Path compose, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(temp.resolve("stdout").toFile())
            .redirectError(temp.resolve("stderr").toFile());
    builder.environment().put("KTRDR_COMPOSE_FILE", compose.toString());
    builder.environment().put("KTRDR_NATIVE_CACHE", temp.resolve("cache").toString());
    builder.environment().remove("KTRDR_GRAFANA_HOME");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("install.sh finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(temp.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8));
  }

  private record Result(int status, String stdout, String stderr) {}
}
