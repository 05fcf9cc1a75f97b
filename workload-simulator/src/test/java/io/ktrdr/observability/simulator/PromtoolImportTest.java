package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.simulator.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool itself imports a history file. Needs a promtool binary, so it runs only in the
 * {@code promtool} profile ({@code ./mvnw -pl workload-simulator -Ppromtool verify}), and there it
 * fails, not skips, when no promtool is found ({@code PROMTOOL}, or the native stack's build under
 * {@code ~/.cache/ktrdr-observability/native}).
 */
@Tag("promtool")
class PromtoolImportTest {

  @Test
  void promtoolImportsEverySampleOfAHistoryFile(@TempDir Path dir) throws Exception {
    Path promtool = promtool();
    Path file = dir.resolve("history.om");
    HistoryWriter.Summary summary = HistoryWriter.builder().scenario(Scenario.named("worker-outage")).seed(3)
        .end(Instant.parse("2026-11-20T12:00:00Z")).span(Duration.ofHours(3)).httpMetrics(true).build().write(file);

    Process process = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
        file.toString(), dir.resolve("data").toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(process.exitValue()).as("promtool exit code; output:%n%s", output).isZero();

    // The block listing's NUM SAMPLES column, summed over all blocks.
    long imported = output.lines().filter(l -> l.matches("^[0-9A-Z]{26}\\s.*"))
        .mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[4])).sum();
    assertThat(imported).as("samples imported; output:%n%s", output).isEqualTo(summary.samples());
  }

  private static Path promtool() throws IOException {
    String configured = System.getenv("PROMTOOL");
    if (configured != null) {
      return Path.of(configured);
    }
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "ktrdr-observability", "native");
    List<Path> found;
    try (Stream<Path> dirs = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
      found = dirs.filter(d -> d.getFileName().toString().startsWith("prometheus-"))
          .map(d -> d.resolve("bin/promtool")).filter(Files::isExecutable)
          .sorted(Comparator.reverseOrder()).toList();
    }
    if (found.isEmpty()) {
      throw new AssertionError("no promtool: set PROMTOOL or build the native stack (prometheus-*/bin/promtool under " + cache + ")");
    }
    return found.get(0);
  }
}
