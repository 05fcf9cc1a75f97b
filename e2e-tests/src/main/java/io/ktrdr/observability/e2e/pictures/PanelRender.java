package io.ktrdr.observability.e2e.pictures;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How the picture page drew one panel, as it reports it.
 *
 * @param id the panel's id
 * @param title the panel's title
 * @param type the panel's type in the dashboard JSON ({@code stat}, {@code piechart}, ...)
 * @param drawnBy the {@code @grafana/ui} component that drew it ({@code BigValue}, {@code TimeSeries},
 *     {@code Table}, {@code BarGauge})
 * @param nearest the note on the panel when its own visualisation is not in {@code @grafana/ui}, else null
 * @param status {@code drawn}, {@code no-data} or {@code error}
 * @param message what went wrong, for an error; else null
 * @param rect where the panel is on the page, in CSS pixels (the screenshot's pixels)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PanelRender(
    int id, String title, String type, String drawnBy, String nearest, String status, String message, Rect rect) {

  /** The status of a panel that was drawn from data. */
  public static final String DRAWN = "drawn";

  public PanelRender {
    requireNonNull(title, "title");
    requireNonNull(type, "type");
    requireNonNull(status, "status");
    requireNonNull(rect, "rect");
  }

  /** A rectangle of the page. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Rect(double x, double y, double width, double height) {}

  /** Whether the panel was drawn from data (not an error box, not "No data"). */
  public boolean drawn() {
    return DRAWN.equals(status);
  }

  /** One line: title, type, component, status and message. */
  public String describe() {
    return title + " (" + type + ", drawn by " + drawnBy + (nearest == null ? "" : ", " + nearest) + "): " + status
        + (message == null ? "" : ": " + message);
  }
}
