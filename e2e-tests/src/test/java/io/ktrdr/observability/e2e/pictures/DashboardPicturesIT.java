package io.ktrdr.observability.e2e.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.screenshots.Chromium;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every panel of every dashboard drawn by Grafana's UI library from grafana-frontend's pinned answers,
 * with the real headless Chromium: the page reports each panel drawn (not an error box, not "No data")
 * and each panel's body in the picture holds more than a colour or two. A panel without answers, or
 * with an empty one, is reported as such.
 */
@Order(3)
@Execution(ExecutionMode.CONCURRENT)
class DashboardPicturesIT {
  private static final Path ROOT = ProjectFiles.root();
  private static final Path OUT = ROOT.resolve("e2e-tests/target/pictures");
  private static final List<String> UIDS = List.of("ktrdr-operations", "ktrdr-system-overview", "ktrdr-worker-status");

  private static DashboardPicture.Result draw(ObjectNode request, String name) throws IOException {
    return DashboardPicture.draw(Chromium.locate(), DashboardPicture.dist(ROOT), request, OUT.resolve(name + ".png"));
  }

  private static int panelsOf(ObjectNode request) {
    return (int) StreamSupport.stream(request.path("dashboard").path("panels").spliterator(), false)
        .filter(p -> !p.path("type").asText().equals("row")).count();
  }

  @Test
  void everyPanelOfEveryDashboardIsDrawnFromItsFramesEachByItsOwnComponentOrMarkedAsByTheNearest() throws IOException {
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    Map<String, String> byType = new TreeMap<>();
    for (String uid : UIDS) {
      ObjectNode request = FixturePictures.request(uid);
      DashboardPicture.Result result = draw(request, uid);
      assertThat(result.panels()).as("panels %s reported", uid).hasSize(panelsOf(request));
      problems.addAll(result.problems());
      result.panels().forEach(p -> byType.put(p.type(), p.drawnBy() + (p.nearest() == null ? "" : " / " + p.nearest())));
    }
    System.out.printf("dashboard pictures: all three drawn from fixtures in %.1f s%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    assertThat(problems).as("panels not drawn, or blank in the picture").isEmpty();
    assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
        "stat", "BigValue",
        "timeseries", "TimeSeries",
        "table", "Table",
        "bargauge", "BarGauge",
        "piechart", "BarGauge / pie chart drawn as a bar gauge",
        "barchart", "BarGauge / bar chart drawn as a bar gauge",
        "state-timeline", "TimeSeries / state timeline drawn as a stepped time series"));
  }

  @Test
  void aPanelWithoutAnswersIsAnErrorAndOneWithAnEmptyAnswerShowsNoData() throws IOException {
    ObjectNode request = FixturePictures.request("ktrdr-worker-status");
    ObjectNode answers = (ObjectNode) request.path("answers");
    answers.remove("Registered workers");
    ((ObjectNode) answers.path("Worker health").path("A").path("data")).putArray("result");
    ((ObjectNode) answers.path("Worker health").path("B").path("data")).putArray("result");
    DashboardPicture.Result result = draw(request, "ktrdr-worker-status-broken");
    assertThat(result.panels()).filteredOn(p -> !p.drawn())
        .extracting(PanelRender::title, PanelRender::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Registered workers", "error"),
            org.assertj.core.groups.Tuple.tuple("Worker health", "no-data"));
    assertThat(result.problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("Registered workers").contains("no answers for panel"));
  }
}
