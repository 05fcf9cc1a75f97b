package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.pictures.DashboardPicture;
import io.ktrdr.observability.e2e.pictures.DashboardPictures;
import io.ktrdr.observability.e2e.pictures.PanelRender;
import io.ktrdr.observability.e2e.screenshots.Chromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pictures' live path on the shared stack: a dashboard's queries sent to this run's Prometheus and
 * Jaeger, the answers drawn by Grafana's UI library, every panel drawn (DashboardPictures, as the
 * pictures profile runs it). The fixtures' DashboardPicturesIT covers every dashboard; this covers one.
 */
@Order(2)
@ExtendWith(SharedStack.class)
class LiveDashboardPictureIT {

  @Test
  void workerStatusIsDrawnPanelByPanelFromThisRunsPrometheus(StackHandle stack) {
    SharedStack.steady(stack);
    Path root = ProjectFiles.root();
    Path file = ProjectFiles.dashboardsDirectory(root).resolve("ktrdr-worker-status.json");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      StringWriter log = new StringWriter();
      Instant to = Instant.now();
      List<DashboardPicture.Result> results = DashboardPictures.drawAll(List.of(file), stack.prometheusUri(),
          stack.jaegerQueryUri(), to.minus(Duration.ofMinutes(5)), to, stack.scrapeInterval(), "live test",
          root.resolve("e2e-tests/target/pictures/live"), Chromium.locate(), root, new PrintWriter(log));
      DashboardPicture.Result result = results.get(0);
      assertThat(result.problems()).as("%s", log).isEmpty();
      assertThat(result.panels()).extracting(PanelRender::title).containsExactly(
          "Registered workers", "Available workers", "Worker health", "Operations by worker type", "Worker availability");
    });
  }
}
