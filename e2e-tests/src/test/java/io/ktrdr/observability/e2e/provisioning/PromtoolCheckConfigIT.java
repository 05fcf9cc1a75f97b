package io.ktrdr.observability.e2e.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.e2e.harness.NativeStackHandle;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.stack.NativeTools;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code promtool check config}, from the Prometheus release the compose file pins, accepts each
 * generated Prometheus configuration (and the rule files it names). The dev configuration's targets
 * are compose host names that do not resolve here; check config does not resolve them.
 */
@Execution(ExecutionMode.CONCURRENT)
class PromtoolCheckConfigIT {
  private static final Path ROOT = ProjectFiles.root();

  @Test
  void promtoolAcceptsTheDevConfiguration(@TempDir Path output) throws Exception {
    assertPromtoolAccepts(EnvironmentFile.load(ROOT.resolve("environments/dev.yaml")), output);
  }

  @Test
  void promtoolAcceptsTheLocalConfiguration(@TempDir Path output) throws Exception {
    assertPromtoolAccepts(EnvironmentFile.load(ROOT.resolve("environments/local.yaml")), output);
  }

  @Test
  void promtoolAcceptsTheTestStacksConfiguration(@TempDir Path output) throws Exception {
    assertPromtoolAccepts(NativeStackHandle.testEnvironment(ROOT), output);
  }

  private static void assertPromtoolAccepts(Environment environment, Path output) throws IOException, InterruptedException {
    Provisioning.generateMonitoring(environment, output);
    Path config = output.resolve(Provisioning.PROMETHEUS_CONFIG);
    Process promtool = new ProcessBuilder(NativeTools.promtool(ROOT).toString(), "check", "config", config.toString())
        .redirectErrorStream(true)
        .start();
    boolean ended = promtool.waitFor(60, TimeUnit.SECONDS);
    String outputText = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      promtool.destroyForcibly();
    }

    assertThat(ended).as("promtool check config %s ended within 60 s", config).isTrue();
    assertThat(promtool.exitValue()).as("promtool check config %s:\n%s", config, outputText).isZero();
    assertThat(outputText).as("promtool check config %s", config).contains("SUCCESS");
  }
}
