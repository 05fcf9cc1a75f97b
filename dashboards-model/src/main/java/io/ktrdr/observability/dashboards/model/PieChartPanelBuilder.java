package io.ktrdr.observability.dashboards.model;

import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PanelOptions.Reducer;
import java.util.List;

/**
 * Builds a {@code piechart} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless sized,
 * a pie of each series' last non-null value with a legend on the right.
 */
public final class PieChartPanelBuilder extends PanelBuilder<PieChartPanelBuilder> {

  public static final int DEFAULT_WIDTH = 8;
  public static final int DEFAULT_HEIGHT = 8;

  /** Pie or donut. */
  public enum PieType {
    PIE,
    DONUT
  }

  /** What the legend shows beside each name. */
  public enum LegendValue {
    VALUE,
    PERCENT
  }

  PieChartPanelBuilder(String title) {
    super("piechart", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    pieType(PieType.PIE);
    reduce(Reducer.LAST_NOT_NULL);
    legend(LegendMode.LIST, LegendPlacement.RIGHT);
  }

  public PieChartPanelBuilder pieType(PieType type) {
    return option("pieType", json(type));
  }

  public PieChartPanelBuilder reduce(Reducer... calcs) {
    return option("reduceOptions.calcs", List.of(PanelOptions.reducerIds(calcs)));
  }

  public PieChartPanelBuilder legend(LegendMode mode, LegendPlacement placement) {
    option("legend.displayMode", json(mode));
    option("legend.placement", json(placement));
    return option("legend.showLegend", mode != LegendMode.HIDDEN);
  }

  public PieChartPanelBuilder legendValues(LegendValue... values) {
    String[] ids = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      ids[i] = json(values[i]);
    }
    return option("legend.values", List.of(ids));
  }
}
