package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PanelOptions.Reducer;
import io.ktrdr.observability.dashboards.model.PanelOptions.Stacking;
import io.ktrdr.observability.dashboards.model.PanelOptions.TooltipMode;
import java.util.List;

/**
 * Builds a {@code timeseries} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless
 * sized, with a list legend at the bottom and a tooltip of all series.
 */
public final class TimeseriesPanelBuilder extends PanelBuilder<TimeseriesPanelBuilder> {

  public static final int DEFAULT_WIDTH = 12;
  public static final int DEFAULT_HEIGHT = 8;

  /** How points are drawn. */
  public enum DrawStyle {
    LINE,
    BARS,
    POINTS
  }

  /** How thresholds are drawn on the graph. */
  public enum ThresholdsStyle {
    OFF("off"),
    LINE("line"),
    DASHED("dashed"),
    AREA("area"),
    LINE_AND_AREA("line+area"),
    DASHED_AND_AREA("dashed+area");

    private final String json;

    ThresholdsStyle(String json) {
      this.json = json;
    }

    /** The mode in Grafana's JSON. */
    public String json() {
      return json;
    }
  }

  TimeseriesPanelBuilder(String title) {
    super("timeseries", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    legend(LegendMode.LIST, LegendPlacement.BOTTOM);
    tooltip(TooltipMode.MULTI);
  }

  /** Shows the legend in {@code mode} at {@code placement}. */
  public TimeseriesPanelBuilder legend(LegendMode mode, LegendPlacement placement) {
    option("legend.displayMode", json(mode));
    option("legend.placement", json(placement));
    return option("legend.showLegend", mode != LegendMode.HIDDEN);
  }

  /** Values computed per series in the legend, such as mean and max. */
  public TimeseriesPanelBuilder legendCalcs(Reducer... calcs) {
    return option("legend.calcs", List.of(PanelOptions.reducerIds(calcs)));
  }

  public TimeseriesPanelBuilder tooltip(TooltipMode mode) {
    return option("tooltip.mode", json(mode));
  }

  public TimeseriesPanelBuilder drawStyle(DrawStyle style) {
    return custom("drawStyle", json(style));
  }

  public TimeseriesPanelBuilder lineWidth(int width) {
    return custom("lineWidth", width);
  }

  /** Area fill below lines, 0 to 100. */
  public TimeseriesPanelBuilder fillOpacity(int opacity) {
    if (opacity < 0 || opacity > 100) {
      throw new IllegalArgumentException("fillOpacity must be 0 to 100: " + opacity);
    }
    return custom("fillOpacity", opacity);
  }

  /** Draws the thresholds on the graph as lines or areas ({@code custom.thresholdsStyle.mode}). */
  public TimeseriesPanelBuilder thresholdsStyle(ThresholdsStyle style) {
    return custom("thresholdsStyle.mode", requireNonNull(style, "style").json());
  }

  public TimeseriesPanelBuilder stacking(Stacking stacking) {
    return custom("stacking.mode", json(stacking));
  }
}
