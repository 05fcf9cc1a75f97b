package io.ktrdr.observability.e2e.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.model.TimeRange;
import io.ktrdr.observability.simulator.FreePorts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The screenshot tool against a stand-in for Grafana's web UI, with the real Chromium: Grafana
 * itself cannot run where the kit is built, so this covers everything up to Grafana's pages. Fails,
 * not skips, without Chromium (CI installs Debian's package chromium).
 */
@Execution(ExecutionMode.CONCURRENT)
class DashboardScreenshotsIT {

  private static final TimeRange LAST_HOUR = new TimeRange("now-1h", "now");
  private static final int WIDTH = 1200;

  private final List<DashboardPage> ktrdrDashboards =
      DashboardScreenshots.pagesIn(
          DashboardScreenshots.findProjectRoot(Path.of("").toAbsolutePath())
              .resolve(DashboardScreenshots.DASHBOARDS_DIRECTORY));

  DashboardScreenshotsIT() throws IOException {}

  @Test
  void writesOnePngPerDashboardOfTheWindowSizeShowingThePage(@TempDir Path output)
      throws IOException {
    try (FakeGrafana grafana = FakeGrafana.withAnonymousViewers()) {
      List<Path> written = shooter(grafana.uri()).take(ktrdrDashboards, output);

      assertThat(written)
          .containsExactly(
              output.resolve("ktrdr-operations.png"),
              output.resolve("ktrdr-system-overview.png"),
              output.resolve("ktrdr-worker-status.png"));
      for (int i = 0; i < written.size(); i++) {
        Path png = written.get(i);
        DashboardPage page = ktrdrDashboards.get(i);
        assertThat(PngImage.read(png))
            .as("size of %s", png)
            .isEqualTo(new PngImage(WIDTH, page.windowHeight()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s decoded", png).isNotNull();
        assertThat(rgb(image.getRGB(WIDTH / 2, image.getHeight() - 10)))
            .as("page color near the bottom of %s", png)
            .containsExactly(FakeGrafana.PAGE_COLOR);
      }
    }
  }

  @Test
  void opensEachDashboardInKioskModeForTheRangeAfterCheckingGrafanaShowsIt(@TempDir Path output)
      throws IOException {
    try (FakeGrafana grafana = FakeGrafana.withAnonymousViewers()) {
      shooter(grafana.uri()).take(ktrdrDashboards.subList(0, 1), output);

      assertThat(grafana.requests())
          .startsWith(
              "/api/health",
              "/api/dashboards/uid/ktrdr-operations",
              "/d/ktrdr-operations?orgId=1&from=now-1h&to=now&kiosk");
    }
  }

  @Test
  void refusesBeforeAnyScreenshotWhenDashboardsNeedALogin(@TempDir Path output)
      throws IOException {
    try (FakeGrafana grafana = FakeGrafana.withLoginRequired()) {
      assertThatThrownBy(() -> shooter(grafana.uri()).take(ktrdrDashboards, output))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "Grafana answered 401 at "
                  + grafana.uri()
                  + "/api/dashboards/uid/ktrdr-operations"
                  + " (is the dashboard provisioned, and may anonymous viewers see it?)");
      assertThat(grafana.requests()).noneMatch(request -> request.startsWith("/d/"));
      try (var files = Files.list(output)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void refusesWhenNoGrafanaAnswers(@TempDir Path output) throws IOException {
    URI nobody = URI.create("http://127.0.0.1:" + FreePorts.choose());

    assertThatThrownBy(() -> shooter(nobody).take(ktrdrDashboards, output))
        .isInstanceOf(IOException.class)
        .hasMessage("no Grafana answers at " + nobody + "/api/health (connection refused)");
  }

  private static DashboardScreenshots.Shooter shooter(URI grafana) {
    return new DashboardScreenshots.Shooter(
        Chromium.locate(), grafana, LAST_HOUR, WIDTH, Duration.ofSeconds(2), Duration.ofSeconds(60));
  }

  private static int[] rgb(int argb) {
    return new int[] {(argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff};
  }
}
