package io.ktrdr.observability.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history}: writes past activity as OpenMetrics for promtool. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
        "Writes past activity of the same workload model as OpenMetrics, for",
        "  promtool tsdb create-blocks-from openmetrics FILE DATA_DIR",
        "Series carry the target labels Prometheus would add (job, instance, environment,",
        "service, service_type, worker_type), plus an up series per target."})
final class HistoryCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  SimulatorCommand.ScenarioOptions scenarioOptions;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "OpenMetrics file to write.")
  Path out;

  @Option(names = "--span", defaultValue = "7d", paramLabel = "DURATION", description = "How far back, e.g. 7d, 12h, 90m (default: ${DEFAULT-VALUE}).")
  String span;

  @Option(names = "--step", defaultValue = "15s", paramLabel = "DURATION", description = "Sample step, the scrape interval (default: ${DEFAULT-VALUE}).")
  String step;

  @Option(names = "--end", paramLabel = "INSTANT", description = "Last sample's time, ISO-8601 (default: now).")
  String end;

  @Option(names = "--environment", defaultValue = "dev", description = "The environment target label (default: ${DEFAULT-VALUE}).")
  String environment;

  @Option(names = "--http-metrics", description = "Also write the backend's HTTP request durations and active requests "
      + "(about 1.4 GB a day at 15 s steps).")
  boolean httpMetrics;

  @Override
  public Integer call() {
    HistoryWriter writer;
    try {
      writer = HistoryWriter.builder()
          .scenario(scenarioOptions.resolve(spec))
          .seed(scenarioOptions.seed)
          .span(duration("--span", span))
          .step(duration("--step", step))
          .end(end == null ? Instant.now() : instant(end))
          .environment(environment)
          .httpMetrics(httpMetrics)
          .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    HistoryWriter.Summary summary = writer.write(out);
    spec.commandLine().getOut().printf("wrote %d samples of %d series from %s to %s into %s (%d operations ended)%n",
        summary.samples(), summary.series(), summary.from(), summary.to(), summary.file(), summary.groundTruth().operationsEnded());
    return 0;
  }

  private Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--end must be an ISO-8601 instant such as 2026-11-25T09:00:00Z, not " + text);
    }
  }

  private Duration duration(String option, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(s|m|h|d)").matcher(text);
    if (!m.matches()) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " must be a duration such as 15s, 90m, 12h or 7d, not " + text);
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }
}
