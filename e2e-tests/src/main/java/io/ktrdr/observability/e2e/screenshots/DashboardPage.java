package io.ktrdr.observability.e2e.screenshots;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.TimeRange;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A dashboard as a page of Grafana's web UI: its address in kiosk mode for a time range, and the
 * window height that shows all of its panels at once.
 *
 * @param uid the dashboard's uid, the {@code /d/<uid>} of its address
 * @param title the dashboard's title
 * @param gridHeight how many grid units its panels take from top to bottom
 */
public record DashboardPage(String uid, String title, int gridHeight) {

  /**
   * Pixels per grid unit: Grafana's grid cell is 30 px high with an 8 px margin (GRID_CELL_HEIGHT
   * and GRID_CELL_VMARGIN of its front end).
   */
  public static final int PIXELS_PER_GRID_UNIT = 38;

  /** Room above and below the panels in kiosk mode (page padding and the variable bar). */
  public static final int KIOSK_PADDING_PIXELS = 120;

  public DashboardPage {
    requireNonNull(uid, "uid");
    requireNonNull(title, "title");
    if (uid.isBlank()) {
      throw new IllegalArgumentException("uid: must not be blank");
    }
    if (gridHeight < 0) {
      throw new IllegalArgumentException("gridHeight: must not be negative, got " + gridHeight);
    }
  }

  /** The page of {@code dashboard}, sized by the lowest edge of its panels and rows. */
  public static DashboardPage of(Dashboard dashboard) {
    requireNonNull(dashboard, "dashboard");
    int bottom = 0;
    for (Panel panel : dashboard.panelsAndRows()) {
      GridPos position = panel.gridPos();
      if (position != null) {
        bottom = Math.max(bottom, position.y() + position.h());
      }
    }
    return new DashboardPage(dashboard.uid(), dashboard.title(), bottom);
  }

  /**
   * The dashboard in kiosk mode, {@code <grafana>/d/<uid>?orgId=1&from=..&to=..&kiosk}. A Grafana
   * served under a sub-path ({@code http://host/grafana}) keeps it.
   */
  public URI url(URI grafana, TimeRange range) {
    requireNonNull(grafana, "grafana");
    requireNonNull(range, "range");
    return under(
        grafana,
        "d/"
            + encode(uid)
            + "?orgId=1&from="
            + encode(range.from())
            + "&to="
            + encode(range.to())
            + "&kiosk");
  }

  /** {@code relative} under Grafana's root URL, keeping a sub-path such as {@code /grafana}. */
  static URI under(URI grafana, String relative) {
    String base = grafana.toString();
    return URI.create(base.endsWith("/") ? base + relative : base + "/" + relative);
  }

  /** A window height in pixels that fits every panel, so that Grafana renders them all. */
  public int windowHeight() {
    return gridHeight * PIXELS_PER_GRID_UNIT + KIOSK_PADDING_PIXELS;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
