package io.ktrdr.observability.dashboards.model;

/**
 * A panel's place in Grafana's 24-column grid: column {@code x}, line {@code y}, width {@code w}
 * and height {@code h} (in grid units of about 30 px).
 */
public record GridPos(int x, int y, int w, int h) {

  /** Grafana's grid has 24 columns. */
  public static final int COLUMNS = 24;

  /** True when the two rectangles share at least one cell. */
  public boolean overlaps(GridPos other) {
    return x < other.x + other.w
        && other.x < x + w
        && y < other.y + other.h
        && other.y < y + h;
  }
}
