package io.ktrdr.observability.e2e.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How Prometheus is started in a local stack. */
final class PrometheusServer {
  private PrometheusServer() {}

  private static final Duration BACKFILL_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Hands the discovered targets to the scrape manager within 100 ms of the start, where Prometheus
   * waits its default 5 s first (a hidden flag of Prometheus' own, for this tuning): a fresh stack's
   * first scrape then comes within one scrape interval of its start. Once running, Prometheus only
   * reloads its targets when discovery changes them, so the short interval costs nothing.
   */
  static final String PROMPT_TARGETS = "--scrape.discovery-reload-interval=100ms";

  static ManagedProcess start(Path home, Path config, StackAddresses addresses, Path runDirectory) {
    List<String> command =
        List.of(
            home.resolve("bin/prometheus").toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dataDirectory(runDirectory),
            "--web.listen-address=" + StackAddresses.HOST + ":" + addresses.prometheusPort(),
            "--web.enable-lifecycle",
            PROMPT_TARGETS);
    return ManagedProcess.start(
        Component.PROMETHEUS.installName(), command, runDirectory, runDirectory.resolve("prometheus.log"));
  }

  static Path dataDirectory(Path runDirectory) {
    return runDirectory.resolve("prometheus/data");
  }

  /**
   * Turns OpenMetrics samples into TSDB blocks in Prometheus' data directory before it starts, as
   * {@code promtool tsdb create-blocks-from openmetrics} does: history a scrape cannot produce.
   * Blocks are promtool's default length (2 h).
   */
  static void backfill(Path home, Path openMetrics, Path runDirectory) {
    backfill(home, openMetrics, runDirectory, List.of(), BACKFILL_TIMEOUT);
  }

  /**
   * As {@link #backfill(Path, Path, Path)} with blocks of {@code maxBlockHours}: promtool reads the
   * whole file once per block, so days of history want long blocks.
   */
  static void backfill(Path home, Path openMetrics, Path runDirectory, int maxBlockHours, Duration timeout) {
    backfill(home, openMetrics, runDirectory, List.of("--max-block-duration=" + maxBlockHours + "h"), timeout);
  }

  private static void backfill(
      Path home, Path openMetrics, Path runDirectory, List<String> options, Duration timeout) {
    Path log = runDirectory.resolve("promtool.log");
    List<String> command = new ArrayList<>(
        List.of(home.resolve("bin/promtool").toString(), "tsdb", "create-blocks-from", "openmetrics"));
    command.addAll(options);
    command.add(openMetrics.toAbsolutePath().toString());
    command.add(dataDirectory(runDirectory).toString());
    try (ManagedProcess promtool = ManagedProcess.start("promtool", command, runDirectory, log)) {
      int status = promtool.awaitExit(timeout);
      if (status != 0) {
        throw new IllegalStateException("promtool could not backfill " + openMetrics + " (status " + status
            + ")\n--- last lines of " + log + " ---\n" + LogFiles.tail(log, 40));
      }
    }
  }

  static URI healthUri(StackAddresses addresses) {
    return addresses.prometheusUri().resolve("/-/ready");
  }
}
