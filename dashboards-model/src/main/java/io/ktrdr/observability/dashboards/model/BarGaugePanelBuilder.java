package io.ktrdr.observability.dashboards.model;

import io.ktrdr.observability.dashboards.model.PanelOptions.Orientation;
import io.ktrdr.observability.dashboards.model.PanelOptions.Reducer;
import java.util.List;

/**
 * Builds a {@code bargauge} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless sized,
 * reducing each series to its last non-null value unless told otherwise.
 */
public final class BarGaugePanelBuilder extends PanelBuilder<BarGaugePanelBuilder> {

  public static final int DEFAULT_WIDTH = 12;
  public static final int DEFAULT_HEIGHT = 8;

  /** How bars are drawn. */
  public enum DisplayMode {
    BASIC,
    GRADIENT,
    LCD
  }

  BarGaugePanelBuilder(String title) {
    super("bargauge", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    reduce(Reducer.LAST_NOT_NULL);
  }

  public BarGaugePanelBuilder reduce(Reducer... calcs) {
    return option("reduceOptions.calcs", List.of(PanelOptions.reducerIds(calcs)));
  }

  public BarGaugePanelBuilder displayMode(DisplayMode mode) {
    return option("displayMode", json(mode));
  }

  public BarGaugePanelBuilder orientation(Orientation orientation) {
    return option("orientation", json(orientation));
  }

  /** Whether the unfilled part of each bar is drawn. */
  public BarGaugePanelBuilder showUnfilled(boolean showUnfilled) {
    return option("showUnfilled", showUnfilled);
  }
}
