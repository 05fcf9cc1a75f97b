package io.ktrdr.observability.dashboards.model;

import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PanelOptions.Orientation;
import io.ktrdr.observability.dashboards.model.PanelOptions.ShowValue;
import io.ktrdr.observability.dashboards.model.PanelOptions.Stacking;

/** Builds a {@code barchart} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless sized. */
public final class BarChartPanelBuilder extends PanelBuilder<BarChartPanelBuilder> {

  public static final int DEFAULT_WIDTH = 12;
  public static final int DEFAULT_HEIGHT = 8;

  BarChartPanelBuilder(String title) {
    super("barchart", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
  }

  public BarChartPanelBuilder orientation(Orientation orientation) {
    return option("orientation", json(orientation));
  }

  /** The field whose values are the bars' categories (x axis). */
  public BarChartPanelBuilder xField(String field) {
    return option("xField", field);
  }

  public BarChartPanelBuilder showValue(ShowValue showValue) {
    return option("showValue", json(showValue));
  }

  public BarChartPanelBuilder stacking(Stacking stacking) {
    return option("stacking", json(stacking));
  }

  public BarChartPanelBuilder legend(LegendMode mode, LegendPlacement placement) {
    option("legend.displayMode", json(mode));
    option("legend.placement", json(placement));
    return option("legend.showLegend", mode != LegendMode.HIDDEN);
  }
}
