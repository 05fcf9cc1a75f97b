package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** What a user sees when a server does not come up: its name, why, and the end of its log. */
@Execution(ExecutionMode.CONCURRENT)
class StackStartFailureIT {

  @Test
  void aServerThatFailsToStartIsReportedWithItsLogTailAndNothingIsLeftRunning(@TempDir Path run) {
    StackConfiguration brokenPrometheusConfig =
        (directory, addresses) -> {
          Path config = directory.resolve("prometheus.yml");
          Files.writeString(config, "scrape_configs: [this is not a scrape config\n", StandardCharsets.UTF_8);
          Path unused = Files.writeString(directory.resolve("unused.yml"), "apiVersion: 1\n");
          return new GeneratedConfiguration(config, unused, unused);
        };

    assertThatThrownBy(
            () ->
                NativeStack.builder()
                    .components(EnumSet.of(Component.PROMETHEUS))
                    .configuration(brokenPrometheusConfig)
                    .runDirectory(run)
                    .startupTimeout(Duration.ofSeconds(20))
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("prometheus exited with status")
        .hasMessageContaining("--- last lines of " + run.resolve("prometheus.log"))
        .hasMessageContaining("prometheus.yml");

    assertThat(processesRunningFrom(run)).as("processes of the failed run").isEmpty();
  }

  @Test
  void aConfigurationThatWritesNoPrometheusConfigIsRejectedBeforeAnythingStarts(@TempDir Path run) {
    StackConfiguration writesNothing =
        (directory, addresses) -> {
          Path unused = Files.writeString(directory.resolve("unused.yml"), "apiVersion: 1\n");
          return new GeneratedConfiguration(directory.resolve("missing.yml"), unused, unused);
        };

    assertThatThrownBy(
            () ->
                NativeStack.builder()
                    .components(EnumSet.of(Component.PROMETHEUS))
                    .configuration(writesNothing)
                    .runDirectory(run)
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("prometheusConfig is not a file: " + run.resolve("config/missing.yml"));
    assertThat(run.resolve("prometheus.log")).doesNotExist();
  }

  private static List<String> processesRunningFrom(Path run) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(process -> process.info().commandLine().orElse(""))
        .filter(commandLine -> commandLine.contains(run.toString()))
        .toList();
  }
}
