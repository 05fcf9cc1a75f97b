package io.ktrdr.observability.e2e.benchmark;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.panels.DashboardQueries;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.PrometheusPanelQuery;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.e2e.panels.TemplateInterpolator;
import io.ktrdr.observability.e2e.panels.VariableOptions;
import io.ktrdr.observability.e2e.stack.Component;
import io.ktrdr.observability.e2e.stack.NativeTools;
import io.ktrdr.observability.e2e.stack.ProvisionedConfiguration;
import io.ktrdr.observability.e2e.stack.RestartableServers;
import io.ktrdr.observability.simulator.SimulatorCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long Prometheus takes to answer every query of each dashboard, as the browser sends them on
 * load, over the last 24 hours and the last 7 days, with 7 days of simulated KTRDR history in it.
 * Prints per dashboard and per panel, slowest first. Not a test: it prints figures.
 *
 * <pre>
 * ./mvnw -q -pl e2e-tests -am -Pdashboard-benchmark verify -Dmaven.test.skip=true [-Dbenchmark.args="--no-http-metrics --repeat 5"]
 * </pre>
 *
 * <p>The dashboards are read as if now were the end of the history; recording rules are evaluated
 * over the history too ({@code promtool tsdb create-blocks-from rules}).
 *
 * <p>Options: {@code --span 7d} (history), {@code --step 15s} (its sample step, the scrape
 * interval), {@code --no-http-metrics} (leave out the backend's HTTP histogram, about 1.4 GB of
 * OpenMetrics a day), {@code --repeat 3} (timed runs per query; the median counts). Jaeger panels are
 * left out: the history holds no traces.
 */
public final class DashboardQueryBenchmark {
  private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final PrintStream OUT = System.out;

  private DashboardQueryBenchmark() {}

  public static void main(String[] args) throws IOException {
    String span = option(args, "--span", "7d");
    String step = option(args, "--step", "15s");
    int repeat = Integer.parseInt(option(args, "--repeat", "3"));
    boolean httpMetrics = !Arrays.asList(args).contains("--no-http-metrics");

    Path root = ProjectFiles.root();
    Path run = root.resolve("e2e-tests/target/benchmark").resolve(LocalDateTime.now().format(RUN_NAME));
    Files.createDirectories(run);
    Path history = run.resolve("history.om");

    long started = System.nanoTime();
    // The dashboards are read as if now were the end of the history: instant panels then see fresh samples.
    Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    List<String> historyArgs = new ArrayList<>(List.of(
        "history", "--out", history.toString(), "--span", span, "--step", step, "--environment", "local",
        "--end", end.toString()));
    if (httpMetrics) {
      historyArgs.add("--http-metrics");
    }
    int status = SimulatorCommand.execute(new PrintWriter(OUT, true), new PrintWriter(System.err, true),
        historyArgs.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("the simulator could not write its history (status " + status + ")");
    }
    OUT.printf(Locale.ROOT, "history: %s of %s at %s steps, %.1f GB, written in %.1f s%n", span,
        httpMetrics ? "all metrics" : "all metrics but HTTP", step, Files.size(history) / 1e9, seconds(started));

    long backfillStarted = System.nanoTime();
    ProvisionedConfiguration configuration = ProvisionedConfiguration.local(root).withServicesOnFreePorts();
    try (RestartableServers servers = RestartableServers.start(
        configuration, EnumSet.of(Component.PROMETHEUS), root, run, history)) {
      Files.delete(history);
      OUT.printf(Locale.ROOT, "promtool backfill and Prometheus start: %.1f s%n", seconds(backfillStarted));
      long rulesStarted = System.nanoTime();
      backfillRecordingRules(root, servers, run, end.minus(parse(span)), end, step);
      OUT.printf(Locale.ROOT, "recording rules evaluated over the history and Prometheus restarted: %.1f s%n%n",
          seconds(rulesStarted));
      Duration scrape = configuration.environment().prometheus().scrapeInterval().toDuration();
      DirectQueryPath path = DirectQueryPath.of(servers.addresses().prometheusUri(), servers.addresses().jaegerQueryUri());
      for (Duration range : List.of(Duration.ofHours(24), Duration.ofDays(7))) {
        for (Dashboard dashboard : ProjectFiles.dashboards(root)) {
          measure(dashboard, end, range, scrape, path, servers, repeat);
        }
      }
    }
    OUT.printf(Locale.ROOT, "benchmark done in %.1f s%n", seconds(started));
  }

  private static void measure(Dashboard dashboard, Instant to, Duration range, Duration scrape, DirectQueryPath path,
      RestartableServers servers, int repeat) {
    Instant from = to.minus(range);
    long variablesStarted = System.nanoTime();
    Map<String, List<String>> options =
        VariableOptions.resolve(dashboard, Map.of(), servers.addresses().prometheusUri(), from, to);
    double variableSeconds = seconds(variablesStarted);
    List<PanelQuery> queries = DashboardQueries.of(
        dashboard, TemplateInterpolator.of(dashboard.variables(), Map.of(), options), from, to, scrape);

    List<Timing> timings = new ArrayList<>();
    for (PanelQuery query : queries) {
      if (query instanceof PrometheusPanelQuery prometheus) {
        timings.add(time(path, prometheus, repeat));
      }
    }
    timings.sort(Comparator.comparingDouble(Timing::seconds).reversed());
    double total = timings.stream().mapToDouble(Timing::seconds).sum();
    OUT.printf(Locale.ROOT, "== %s, last %s: %d Prometheus queries, %.3f s in all (one after another), slowest %.3f s;"
            + " variables %.3f s; %d Jaeger queries left out%n",
        dashboard.title(), range.toHours() >= 48 ? range.toDays() + " days" : range.toHours() + " h", timings.size(), total,
        timings.isEmpty() ? 0 : timings.get(0).seconds(), variableSeconds, queries.size() - timings.size());
    for (Timing timing : timings) {
      OUT.printf(Locale.ROOT, "  %8.3f s  %-45s %s  (%d series, %d points)%n", timing.seconds(),
          "'" + timing.query().panel().panelTitle() + "' " + timing.query().panel().refId(),
          timing.query().instant() ? "instant" : "range  ", timing.series(), timing.points());
    }
    OUT.println();
  }

  /**
   * Panels that read recorded series need the recording rules evaluated over the history too, as a
   * Prometheus running all along would have: {@code promtool tsdb create-blocks-from rules}, then the
   * blocks moved into Prometheus' data directory while it is stopped.
   */
  private static void backfillRecordingRules(Path root, RestartableServers servers, Path run, Instant start, Instant end,
      String step) throws IOException {
    Path rulesDirectory = servers.configuration().prometheusConfig().getParent().resolve("rules");
    List<String> ruleFiles;
    try (var files = Files.list(rulesDirectory)) {
      ruleFiles = files.map(Path::toString).filter(f -> f.contains("recording")).sorted().toList();
    }
    if (ruleFiles.isEmpty()) {
      return;
    }
    Path blocks = run.resolve("rule-blocks");
    List<String> command = new ArrayList<>(List.of(
        NativeTools.promtool(root).toString(), "tsdb", "create-blocks-from", "rules", "--quiet",
        "--start=" + start.getEpochSecond(), "--end=" + end.getEpochSecond(),
        "--url=" + servers.addresses().prometheusUri(), "--eval-interval=" + step, "--output-dir=" + blocks));
    command.addAll(ruleFiles);
    Process promtool = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(run.resolve("promtool-rules.log").toFile()).start();
    try {
      if (!promtool.waitFor(30, java.util.concurrent.TimeUnit.MINUTES) || promtool.exitValue() != 0) {
        promtool.destroyForcibly();
        throw new IllegalStateException("promtool could not backfill the recording rules; see " + run.resolve("promtool-rules.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      promtool.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
    servers.stop(Component.PROMETHEUS);
    try (var created = Files.list(blocks)) {
      for (Path block : created.toList()) {
        Files.move(block, servers.prometheusDataDirectory().resolve(block.getFileName()));
      }
    }
    servers.start(Component.PROMETHEUS);
  }

  private static Duration parse(String span) {
    return io.ktrdr.observability.e2e.panels.GrafanaIntervals.parse(span);
  }

  private static Timing time(DirectQueryPath path, PrometheusPanelQuery query, int repeat) {
    QueryResult result = path.run(query);
    double[] seconds = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long started = System.nanoTime();
      result = path.run(query);
      seconds[i] = seconds(started);
    }
    Arrays.sort(seconds);
    long points = result.series().stream().mapToLong(s -> s.values().size()).sum();
    return new Timing(query, seconds[repeat / 2], result.series().size(), points);
  }

  private record Timing(PrometheusPanelQuery query, double seconds, int series, long points) {}

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
