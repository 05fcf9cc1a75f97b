package io.ktrdr.observability.e2e.screenshots;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.model.TimeRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Takes a PNG screenshot of each provisioned dashboard from a running Grafana, with headless
 * Chromium: {@code <output>/<uid>.png}, one window per dashboard, tall enough for all its panels.
 *
 * <p>Grafana must let an anonymous viewer see the dashboards (the dev compose stack does), since
 * Chromium opens them without logging in.
 */
@Command(
    name = "dashboard-screenshots",
    mixinStandardHelpOptions = true,
    description = {
      "Takes a PNG of every dashboard in monitoring/grafana/dashboards (or of the uids given)"
          + " from a running Grafana, with headless Chromium.",
      "Grafana must allow anonymous viewers (the dev compose stack does)."
    })
public final class DashboardScreenshots implements Callable<Integer> {

  /** Where the dev compose stack publishes Grafana. */
  public static final String DEFAULT_GRAFANA = "http://localhost:3000";
  /** Start of the time range shown: a demo's simulator has run for minutes, not hours. */
  public static final String DEFAULT_FROM = "now-1h";
  /** End of the time range shown. */
  public static final String DEFAULT_TO = "now";
  /** Wide enough for Grafana's desktop layout of a 24-column grid. */
  public static final int DEFAULT_WIDTH = 1600;
  /** Virtual seconds a page gets to run its queries and draw. */
  public static final int DEFAULT_RENDER_SECONDS = 20;
  /** Wall-clock limit of one Chromium run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  /** The dashboards directory of the generated tree, relative to the project root. */
  public static final Path DASHBOARDS_DIRECTORY = Path.of("monitoring", "grafana", "dashboards");
  /** Where the screenshots go by default, relative to the project root. */
  public static final Path SCREENSHOTS_DIRECTORY = Path.of("docs", "screenshots");

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  @Option(
      names = "--grafana",
      description = "Grafana's root URL (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_GRAFANA)
  URI grafana;

  @Option(
      names = "--project-root",
      description = "The kit's root directory (default: the first directory upwards of the"
          + " working directory holding monitoring/grafana/dashboards).")
  Path projectRoot;

  @Option(
      names = "--output",
      description = "Directory for <uid>.png (default: docs/screenshots under the project root).")
  Path output;

  @Option(names = "--from", description = "Start of the range (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_FROM)
  String from;

  @Option(names = "--to", description = "End of the range (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_TO)
  String to;

  @Option(names = "--width", description = "Window width in pixels (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + DEFAULT_WIDTH)
  int width;

  @Option(
      names = "--render-seconds",
      description = "Virtual seconds each page gets to load and draw (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + DEFAULT_RENDER_SECONDS)
  int renderSeconds;

  @Option(
      names = "--chromium",
      description = "Chromium executable (default: $KTRDR_CHROMIUM, else chromium on PATH).")
  Path chromium;

  @Parameters(
      paramLabel = "UID",
      description = "Dashboards to take (default: every dashboard in the dashboards directory).")
  List<String> uids = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Path root = projectRoot != null ? projectRoot : findProjectRoot(Path.of("").toAbsolutePath());
    Path dashboards = root.resolve(DASHBOARDS_DIRECTORY);
    List<DashboardPage> pages = selected(pagesIn(dashboards), uids, dashboards);
    Shooter shooter =
        new Shooter(
            chromium != null ? Chromium.at(chromium) : Chromium.locate(),
            grafana,
            new TimeRange(from, to),
            width,
            Duration.ofSeconds(renderSeconds),
            DEFAULT_TIMEOUT);
    Path directory = output != null ? output : root.resolve(SCREENSHOTS_DIRECTORY);
    for (Path png : shooter.take(pages, directory)) {
      System.out.println(png);
    }
    return 0;
  }

  /** Runs the command; exit code 1 with a one-line message on any failure. */
  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new DashboardScreenshots());
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          PrintWriter err = line.getErr();
          err.println("dashboard-screenshots: " + exception.getMessage());
          err.flush();
          return 1;
        });
    System.exit(commandLine.execute(args));
  }

  /** Every dashboard JSON file in {@code directory}, in file name order. */
  public static List<DashboardPage> pagesIn(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IOException(directory + ": no dashboards directory (regenerate monitoring/)");
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> jsonFiles =
          files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
      List<DashboardPage> pages = new ArrayList<>();
      for (Path file : jsonFiles) {
        pages.add(DashboardPage.of(DashboardJson.read(file)));
      }
      if (pages.isEmpty()) {
        throw new IOException(directory + ": no dashboard JSON files");
      }
      return pages;
    }
  }

  private static List<DashboardPage> selected(
      List<DashboardPage> pages, List<String> uids, Path directory) throws IOException {
    if (uids.isEmpty()) {
      return pages;
    }
    List<DashboardPage> chosen = new ArrayList<>();
    for (String uid : uids) {
      DashboardPage page =
          pages.stream()
              .filter(candidate -> candidate.uid().equals(uid))
              .findFirst()
              .orElseThrow(
                  () -> new IOException("uid " + uid + ": no such dashboard in " + directory));
      chosen.add(page);
    }
    return chosen;
  }

  /** The first directory from {@code start} upwards holding {@link #DASHBOARDS_DIRECTORY}. */
  public static Path findProjectRoot(Path start) throws IOException {
    for (Path directory = start; directory != null; directory = directory.getParent()) {
      if (Files.isDirectory(directory.resolve(DASHBOARDS_DIRECTORY))) {
        return directory;
      }
    }
    throw new IOException(
        "no " + DASHBOARDS_DIRECTORY + " in " + start + " or above; pass --project-root");
  }

  /** Takes the screenshots of one Grafana with one Chromium. */
  public static final class Shooter {
    private final Chromium chromium;
    private final URI grafana;
    private final TimeRange range;
    private final int width;
    private final Duration renderBudget;
    private final Duration timeout;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    public Shooter(
        Chromium chromium,
        URI grafana,
        TimeRange range,
        int width,
        Duration renderBudget,
        Duration timeout) {
      this.chromium = requireNonNull(chromium, "chromium");
      this.grafana = requireNonNull(grafana, "grafana");
      this.range = requireNonNull(range, "range");
      this.renderBudget = requireNonNull(renderBudget, "renderBudget");
      this.timeout = requireNonNull(timeout, "timeout");
      if (width <= 0) {
        throw new IllegalArgumentException("width: must be positive, got " + width);
      }
      this.width = width;
    }

    /**
     * Checks that Grafana answers and shows each dashboard without a login, then writes {@code
     * <directory>/<uid>.png} for each page, in order; returns the files written.
     */
    public List<Path> take(List<DashboardPage> pages, Path directory) throws IOException {
      requireNonNull(pages, "pages");
      requireNonNull(directory, "directory");
      // A picture of an error or login page helps no one: fail first, naming the URL.
      expectOk(DashboardPage.under(grafana, "api/health"), "");
      for (DashboardPage page : pages) {
        expectOk(
            DashboardPage.under(grafana, "api/dashboards/uid/" + page.uid()),
            " (is the dashboard provisioned, and may anonymous viewers see it?)");
      }
      List<Path> written = new ArrayList<>();
      for (DashboardPage page : pages) {
        Path png = directory.resolve(page.uid() + ".png");
        chromium.screenshot(
            page.url(grafana, range), png, width, page.windowHeight(), renderBudget, timeout);
        written.add(png);
      }
      return written;
    }

    private void expectOk(URI uri, String hint) throws IOException {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while asking " + uri, e);
      } catch (ConnectException e) {
        throw new IOException("no Grafana answers at " + uri + " (connection refused)", e);
      } catch (IOException e) {
        throw new IOException("no Grafana answers at " + uri + " (" + e + ")", e);
      }
      if (response.statusCode() != 200) {
        throw new IOException(
            "Grafana answered " + response.statusCode() + " at " + uri + hint);
      }
    }
  }
}
