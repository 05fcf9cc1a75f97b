package io.ktrdr.observability.e2e.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.ktrdr.KtrdrDashboards;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.TimeRange;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardPageTest {

  private static final URI GRAFANA = URI.create("http://localhost:3000");
  private static final TimeRange LAST_HOUR = new TimeRange("now-1h", "now");

  @Test
  void eachKtrdrDashboardOpensByItsUidInKioskModeForTheRange() {
    List<URI> urls =
        KtrdrDashboards.all().stream()
            .map(DashboardPage::of)
            .map(page -> page.url(GRAFANA, LAST_HOUR))
            .toList();

    assertThat(urls)
        .containsExactly(
            URI.create(
                "http://localhost:3000/d/ktrdr-system-overview?orgId=1&from=now-1h&to=now&kiosk"),
            URI.create(
                "http://localhost:3000/d/ktrdr-worker-status?orgId=1&from=now-1h&to=now&kiosk"),
            URI.create(
                "http://localhost:3000/d/ktrdr-operations?orgId=1&from=now-1h&to=now&kiosk"));
  }

  @Test
  void aGrafanaUnderASubPathKeepsIt() {
    DashboardPage page = new DashboardPage("ktrdr-operations", "KTRDR Operations", 10);

    assertThat(page.url(URI.create("https://ops.example.com/grafana/"), LAST_HOUR))
        .hasToString(
            "https://ops.example.com/grafana/d/ktrdr-operations?orgId=1&from=now-1h&to=now&kiosk");
    assertThat(page.url(URI.create("https://ops.example.com/grafana"), LAST_HOUR))
        .hasToString(
            "https://ops.example.com/grafana/d/ktrdr-operations?orgId=1&from=now-1h&to=now&kiosk");
  }

  @Test
  void absoluteTimesAndOddCharactersAreEncoded() {
    DashboardPage page = new DashboardPage("a b", "A B", 1);

    assertThat(page.url(GRAFANA, new TimeRange("2026-11-25T09:00:00Z", "now")))
        .hasToString(
            "http://localhost:3000/d/a+b?orgId=1&from=2026-11-25T09%3A00%3A00Z&to=now&kiosk");
  }

  @Test
  void theWindowIsAsTallAsThePanelsGridPlusKioskPadding() {
    Dashboard dashboard =
        Dashboard.builder()
            .uid("tall")
            .title("Tall")
            .row(Panel.row("Top").panel(Panel.text("Note").height(3).build()))
            .row(Panel.row("Bottom").panel(Panel.text("Another").height(7).build()))
            .build();

    DashboardPage page = DashboardPage.of(dashboard);

    // Two rows of height 1, then panels of 3 and 7 grid units: 12 units.
    assertThat(page.gridHeight()).isEqualTo(12);
    assertThat(page.windowHeight())
        .isEqualTo(12 * DashboardPage.PIXELS_PER_GRID_UNIT + DashboardPage.KIOSK_PADDING_PIXELS);
  }

  @Test
  void aBlankUidIsRefused() {
    assertThatThrownBy(() -> new DashboardPage(" ", "T", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uid: must not be blank");
  }
}
