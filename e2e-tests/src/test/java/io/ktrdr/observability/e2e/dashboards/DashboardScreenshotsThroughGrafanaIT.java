package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.TimeRange;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.RequiresGrafana;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.GrafanaQueryPath;
import io.ktrdr.observability.e2e.screenshots.Chromium;
import io.ktrdr.observability.e2e.screenshots.DashboardPage;
import io.ktrdr.observability.e2e.screenshots.DashboardScreenshots;
import io.ktrdr.observability.e2e.screenshots.PngImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The screenshot tool against the stack's Grafana with its web UI, once every panel has data:
 * one picture per provisioned dashboard in {@code e2e-tests/target/screenshots/} (copy them to
 * {@code docs/screenshots/} to publish them).
 */
@RequiresGrafana
@Order(11)
@ExtendWith(SharedStack.class)
class DashboardScreenshotsThroughGrafanaIT {

  /** The simulator runs at test speed: a quarter of an hour holds everything it did. */
  private static final TimeRange LAST_15_MINUTES = new TimeRange("now-15m", "now");
  private static final int WIDTH = DashboardScreenshots.DEFAULT_WIDTH;
  /** A drawn dashboard has text, lines and colours; an empty or error page has a handful. */
  private static final int FEWEST_COLOURS_OF_A_DRAWN_DASHBOARD = 64;

  @Test
  void eachDashboardIsPhotographedWithItsPanelsShowingData(StackHandle stack) throws IOException {
    // First the simulator: the compose mode's addresses exist only once it runs.
    SharedStack.steady(stack);
    URI grafana = stack.grafanaUri().orElseThrow(() -> new AssertionError(
        "the grafana tests need a Grafana: Docker, or KTRDR_GRAFANA_HOME naming an installed Grafana"));
    Panels panels = new Panels(stack, GrafanaQueryPath.of(grafana, "admin", "admin"));
    panels.awaitAllPopulated(
        to -> Panels.all(Panels.DASHBOARDS.stream()
            .map(d -> panels.plan(d, Map.of(), Panels.defaultFrom(d, to), to)).toList()),
        EveryPanelChecks.DEADLINE);

    List<DashboardPage> pages = DashboardScreenshots.pagesIn(stack.provisionedDashboardsDirectory());
    Path output = ProjectFiles.root().resolve("e2e-tests/target/screenshots");
    List<Path> written = new DashboardScreenshots.Shooter(
            Chromium.locate(), grafana, LAST_15_MINUTES, WIDTH,
            Duration.ofSeconds(DashboardScreenshots.DEFAULT_RENDER_SECONDS),
            DashboardScreenshots.DEFAULT_TIMEOUT)
        .take(pages, output);

    assertThat(written).hasSize(Panels.DASHBOARDS.size());
    for (int i = 0; i < written.size(); i++) {
      Path png = written.get(i);
      assertThat(PngImage.read(png)).as("size of %s", png)
          .isEqualTo(new PngImage(WIDTH, pages.get(i).windowHeight()));
      assertThat(distinctColours(png)).as("distinct colours in %s", png)
          .isGreaterThanOrEqualTo(FEWEST_COLOURS_OF_A_DRAWN_DASHBOARD);
    }
    RunFigures.record("dashboard screenshots written to " + output, written.size());
  }

  private static int distinctColours(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
