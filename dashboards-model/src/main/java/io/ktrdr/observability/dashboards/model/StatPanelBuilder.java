package io.ktrdr.observability.dashboards.model;

import io.ktrdr.observability.dashboards.model.PanelOptions.Orientation;
import io.ktrdr.observability.dashboards.model.PanelOptions.Reducer;
import java.util.List;

/**
 * Builds a {@code stat} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless sized,
 * reducing each series to its last non-null value unless told otherwise.
 */
public final class StatPanelBuilder extends PanelBuilder<StatPanelBuilder> {

  public static final int DEFAULT_WIDTH = 6;
  public static final int DEFAULT_HEIGHT = 4;

  /** What the color applies to. */
  public enum ColorMode {
    VALUE,
    BACKGROUND,
    BACKGROUND_SOLID,
    NONE
  }

  /** Whether a sparkline is drawn behind the value. */
  public enum GraphMode {
    NONE,
    AREA
  }

  /** What text is shown. */
  public enum TextMode {
    AUTO,
    VALUE,
    VALUE_AND_NAME,
    NAME,
    NONE
  }

  StatPanelBuilder(String title) {
    super("stat", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    reduce(Reducer.LAST_NOT_NULL);
  }

  /** How each series is reduced to the value shown. */
  public StatPanelBuilder reduce(Reducer... calcs) {
    return option("reduceOptions.calcs", List.of(PanelOptions.reducerIds(calcs)));
  }

  /** Which fields are shown: a field name or regex; empty for all numeric fields. */
  public StatPanelBuilder reduceFields(String fields) {
    return option("reduceOptions.fields", fields);
  }

  /** Shows every value instead of one reduced value per series. */
  public StatPanelBuilder allValues(boolean allValues) {
    return option("reduceOptions.values", allValues);
  }

  public StatPanelBuilder colorMode(ColorMode mode) {
    return option("colorMode", json(mode));
  }

  public StatPanelBuilder graphMode(GraphMode mode) {
    return option("graphMode", json(mode));
  }

  public StatPanelBuilder textMode(TextMode mode) {
    return option("textMode", json(mode));
  }

  public StatPanelBuilder orientation(Orientation orientation) {
    return option("orientation", json(orientation));
  }
}
