package io.ktrdr.observability.e2e.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.panels.GrafanaIntervals;
import io.ktrdr.observability.e2e.screenshots.Chromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Draws dashboards with Grafana's UI library from a running Prometheus and Jaeger: every panel's
 * queries as the browser would send them, the answers turned into frames by grafana-frontend, the
 * panels drawn by @grafana/ui and screenshot by headless Chromium into {@code <output>/<uid>.png}.
 * Fails when a panel is not drawn (an error box, "No data") or blank in the picture.
 */
@Command(
    name = "dashboard-pictures",
    mixinStandardHelpOptions = true,
    description = {
      "Draws each dashboard JSON with Grafana's UI library (@grafana/ui 13.2.3) from a running Prometheus"
          + " and Jaeger, into <output>/<uid>.png. Not a capture of Grafana: a preview drawn by its components.",
      "Exits 1 when a panel is not drawn or blank in its picture."
    })
public final class DashboardPictures implements Callable<Integer> {
  /** Where the dev compose stack and the native demo publish Prometheus. */
  public static final String DEFAULT_PROMETHEUS = "http://localhost:9090";
  /** Where they publish Jaeger's query API. */
  public static final String DEFAULT_JAEGER = "http://localhost:16686";
  /** The time range drawn, ending now: a demo's simulator has run for minutes, not hours. */
  public static final String DEFAULT_LAST = "15m";
  /** The Prometheus datasource's timeInterval in the provisioned datasources. */
  public static final String DEFAULT_SCRAPE_INTERVAL = "15s";

  @Option(names = "--prometheus", description = "Prometheus' root URL (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_PROMETHEUS)
  URI prometheus;

  @Option(names = "--jaeger", description = "Jaeger query's root URL (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_JAEGER)
  URI jaeger;

  @Option(names = "--last", description = "The range drawn: this long up to now, as Grafana writes it (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_LAST)
  String last;

  @Option(names = "--scrape-interval", description = "The Prometheus datasource's timeInterval, the smallest step"
      + " (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_SCRAPE_INTERVAL)
  String scrapeInterval;

  @Option(names = "--output", description = "Directory for <uid>.png (default: docs/screenshots under the project root).")
  Path output;

  @Option(names = "--caption", description = "The line under each dashboard's title (default: where the data came from).")
  String caption;

  @Option(names = "--chromium", description = "Chromium's executable (default: $KTRDR_CHROMIUM, else PATH).")
  Path chromium;

  @Parameters(description = "Dashboard JSON files (default: every file of monitoring/grafana/dashboards).")
  List<Path> dashboards = new ArrayList<>();

  /** Draws every dashboard of {@code files} over [from, to]; returns each result, printing one line per picture. */
  public static List<DashboardPicture.Result> drawAll(
      List<Path> files, URI prometheus, URI jaeger, Instant from, Instant to, Duration scrapeInterval,
      String caption, Path output, Chromium chromium, Path projectRoot, PrintWriter out) throws IOException {
    List<DashboardPicture.Result> results = new ArrayList<>();
    long started = System.nanoTime();
    for (Path file : files) {
      long one = System.nanoTime();
      JsonNode json = DashboardPicture.readDashboard(file);
      Dashboard model = DashboardJson.read(file);
      LiveAnswers answers = LiveAnswers.query(model, prometheus, jaeger, from, to, scrapeInterval);
      DashboardPicture.Result result = DashboardPicture.draw(chromium, DashboardPicture.dist(projectRoot),
          DashboardPicture.request(json, answers.byPanel(), answers.stepMs(), from, to, caption),
          output.resolve(model.uid() + ".png"));
      long drawn = result.panels().stream().filter(PanelRender::drawn).count();
      out.printf("%s: %d of %d panels drawn, %d KB, %.1f s%n", result.png(), drawn, result.panels().size(),
          Files.size(result.png()) / 1024, (System.nanoTime() - one) / 1e9);
      result.problems().forEach(p -> out.println("  not drawn: " + p));
      results.add(result);
    }
    out.printf("dashboard pictures: %d drawn in %.1f s (queries, frames, Chromium)%n", results.size(),
        (System.nanoTime() - started) / 1e9);
    out.flush();
    return results;
  }

  /** Every {@code .json} file of the project's generated dashboards, in name order. */
  public static List<Path> projectDashboards(Path projectRoot) throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.dashboardsDirectory(projectRoot))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Override
  public Integer call() throws IOException {
    Path root = ProjectFiles.root();
    Instant to = Instant.now();
    Instant from = to.minus(GrafanaIntervals.parse(last));
    String shownCaption = caption != null ? caption
        : "Preview drawn by Grafana's UI library (@grafana/ui 13.2.3) from live data of " + prometheus + " and " + jaeger
            + ", not a capture of Grafana";
    List<DashboardPicture.Result> results = drawAll(
        dashboards.isEmpty() ? projectDashboards(root) : dashboards, prometheus, jaeger, from, to,
        GrafanaIntervals.parse(scrapeInterval), shownCaption,
        output != null ? output : root.resolve("docs/screenshots"),
        chromium != null ? Chromium.at(chromium) : Chromium.locate(), root, new PrintWriter(System.out, true));
    return results.stream().allMatch(r -> r.problems().isEmpty()) ? 0 : 1;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DashboardPictures()).execute(args));
  }
}
