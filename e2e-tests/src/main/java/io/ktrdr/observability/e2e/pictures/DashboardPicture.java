package io.ktrdr.observability.e2e.pictures;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.e2e.screenshots.Chromium;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

/**
 * Draws one dashboard with Grafana's UI library: the picture page ({@code dashboard-pictures}) served on
 * loopback with the dashboard's JSON and the raw Prometheus and Jaeger answers of its panels, screenshot
 * by headless Chromium, then checked: the page's report of every panel, and the pixels of every panel.
 */
public final class DashboardPicture {
  /** The page width: Grafana's desktop layout of its 24-column grid. */
  public static final int WIDTH = 1600;
  /** Virtual time the page gets to draw (it reports after about 1.5 s). */
  public static final Duration RENDER_BUDGET = Duration.ofSeconds(10);
  /** Wall-clock limit of one Chromium run. */
  public static final Duration TIMEOUT = Duration.ofSeconds(120);

  // The grid of dashboard-pictures/src/layout.ts: 30 px rows, 8 px margins, a 72 px header, 16 px padding.
  static final int CELL_HEIGHT = 30;
  static final int CELL_MARGIN = 8;
  static final int HEADER_HEIGHT = 72;
  static final int PAGE_PADDING = 16;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The outcome of drawing a dashboard.
   *
   * @param uid the dashboard's uid
   * @param png the picture
   * @param panels how each panel was drawn, with its distinct colours in {@link #colours}
   * @param colours distinct colours in each panel's body, in the order of {@code panels}
   * @param problems every panel not drawn, or blank in the picture; empty when all are
   */
  public record Result(String uid, Path png, List<PanelRender> panels, List<Integer> colours, List<String> problems) {
    public Result {
      panels = List.copyOf(panels);
      colours = List.copyOf(colours);
      problems = List.copyOf(problems);
    }
  }

  private DashboardPicture() {}

  /** The window height that shows every panel of {@code dashboard}: Grafana's grid, as the page lays it out. */
  static int windowHeight(JsonNode dashboard) {
    int bottom = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      JsonNode pos = panel.path("gridPos");
      bottom = Math.max(bottom, pos.path("y").asInt() + pos.path("h").asInt());
    }
    return HEADER_HEIGHT + bottom * (CELL_HEIGHT + CELL_MARGIN) - CELL_MARGIN + PAGE_PADDING;
  }

  /**
   * What the page reads: the dashboard, its panels' raw answers by title and refId, each panel's query
   * step in ms by title, the time range and the caption under the title.
   */
  public static ObjectNode request(
      JsonNode dashboard, JsonNode answers, Map<String, Long> stepMs, Instant from, Instant to, String caption) {
    ObjectNode request = JSON.createObjectNode();
    request.set("dashboard", dashboard);
    request.set("answers", answers);
    ObjectNode steps = request.putObject("stepMs");
    stepMs.forEach(steps::put);
    request.put("from", from.toEpochMilli()).put("to", to.toEpochMilli()).put("width", WIDTH).put("caption", caption);
    return request;
  }

  /** Draws {@code request} into {@code png} with the page in {@code dist}. */
  public static Result draw(Chromium chromium, Path dist, ObjectNode request, Path png) throws IOException {
    requireNonNull(chromium, "chromium");
    JsonNode dashboard = request.path("dashboard");
    String uid = dashboard.path("uid").asText();
    int height = windowHeight(dashboard);
    try (PicturePage page = PicturePage.serve(dist, JSON.writeValueAsBytes(request))) {
      chromium.screenshot(page.url(), png, WIDTH, height, RENDER_BUDGET, TIMEOUT);
      byte[] body;
      try {
        body = page.report().get(5, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IOException(uid + ": the picture page reported nothing within " + RENDER_BUDGET.toSeconds()
            + " s of virtual time (a script error before it drew?); see " + png, e);
      } catch (ExecutionException e) {
        throw new IOException(uid + ": " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      JsonNode report = JSON.readTree(body);
      if (report.has("failed")) {
        throw new IOException(uid + ": the picture page failed: " + report.path("failed").asText());
      }
      List<PanelRender> panels = new ArrayList<>();
      for (JsonNode panel : report.path("panels")) {
        panels.add(JSON.treeToValue(panel, PanelRender.class));
      }
      BufferedImage image = ImageIO.read(png.toFile());
      List<Integer> colours = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      if (report.path("pageHeight").asInt() > height) {
        problems.add(uid + ": the page is " + report.path("pageHeight").asInt() + " px tall, the window " + height);
      }
      for (PanelRender panel : panels) {
        int distinct = PixelCheck.distinctColours(image, panel.rect());
        colours.add(distinct);
        if (!panel.drawn()) {
          problems.add(uid + " / " + panel.describe());
        } else if (distinct < PixelCheck.MIN_DISTINCT_COLOURS) {
          problems.add(uid + " / " + panel.title() + ": blank in the picture (" + distinct + " distinct colours in its body at "
              + panel.rect() + ")");
        }
      }
      return new Result(uid, png, panels, colours, problems);
    }
  }

  /** {@code dashboard-pictures/dist} under the project root. */
  public static Path dist(Path projectRoot) {
    return projectRoot.resolve("dashboard-pictures").resolve("dist");
  }

  /** The dashboard JSON in {@code file}. */
  public static JsonNode readDashboard(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such dashboard file");
    }
    JsonNode dashboard = JSON.readTree(file.toFile());
    if (!dashboard.path("uid").isTextual() || !dashboard.path("panels").isArray()) {
      throw new IOException(file + ": not a Grafana dashboard (needs uid and panels)");
    }
    return dashboard;
  }
}
