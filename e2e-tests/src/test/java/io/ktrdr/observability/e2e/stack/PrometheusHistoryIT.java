package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** History handed to Prometheus before it starts, as promtool backfills it. */
@Execution(ExecutionMode.CONCURRENT)
class PrometheusHistoryIT {
  private static final HttpJson HTTP = HttpJson.anonymous();

  @TempDir Path temp;

  @Test
  void samplesFromAnOpenMetricsFileAreQueryableAtTheirOwnTimes() throws Exception {
    long threeHoursAgo = Instant.now().getEpochSecond() - 3 * 3600;
    Path history =
        Files.writeString(
            temp.resolve("history.om"),
            """
            # HELP ktrdr_history_probe A series that only the backfill wrote.
            # TYPE ktrdr_history_probe gauge
            ktrdr_history_probe{source="backfill"} 42 %d
            ktrdr_history_probe{source="backfill"} 43 %d
            # EOF
            """
                .formatted(threeHoursAgo, threeHoursAgo + 60));

    try (NativeStack stack = prometheusWith(history)) {
      URI query =
          stack.prometheusUri()
              .resolve("/api/v1/query?query=ktrdr_history_probe&time=" + (threeHoursAgo + 90));
      JsonNode result = HTTP.get(query).path("data").path("result");

      assertThat(result).as("result of %s", query).hasSize(1);
      assertThat(result.get(0).path("metric").path("source").asText()).isEqualTo("backfill");
      assertThat(result.get(0).path("value").get(1).asText()).isEqualTo("43");
    }
  }

  @Test
  void aHistoryPromtoolCannotReadFailsTheStartWithPromtoolsOutput() throws Exception {
    Path history = Files.writeString(temp.resolve("broken.om"), "this is not OpenMetrics\n");

    assertThatThrownBy(() -> prometheusWith(history).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("promtool could not backfill " + history)
        .hasMessageContaining("--- last lines of");
  }

  private NativeStack prometheusWith(Path history) {
    return NativeStack.builder()
        .components(EnumSet.of(Component.PROMETHEUS))
        .configuration(ProvisionedConfiguration.local(Projects.root()))
        .prometheusHistory(history)
        .runDirectory(temp.resolve("run"))
        .start();
  }
}
