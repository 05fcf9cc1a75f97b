package io.ktrdr.observability.dashboards.model;

import io.ktrdr.observability.dashboards.model.PanelOptions.ShowValue;

/**
 * Builds a {@code state-timeline} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless
 * sized, merging equal consecutive values.
 */
public final class StateTimelinePanelBuilder extends PanelBuilder<StateTimelinePanelBuilder> {

  public static final int DEFAULT_WIDTH = 24;
  public static final int DEFAULT_HEIGHT = 8;

  StateTimelinePanelBuilder(String title) {
    super("state-timeline", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    mergeValues(true);
  }

  public StateTimelinePanelBuilder showValue(ShowValue showValue) {
    return option("showValue", json(showValue));
  }

  /** Whether equal consecutive values are drawn as one state. */
  public StateTimelinePanelBuilder mergeValues(boolean mergeValues) {
    return option("mergeValues", mergeValues);
  }

  /** Lane height as a fraction of the space, 0 to 1. */
  public StateTimelinePanelBuilder rowHeight(double rowHeight) {
    if (rowHeight <= 0 || rowHeight > 1) {
      throw new IllegalArgumentException("rowHeight must be in (0, 1]: " + rowHeight);
    }
    return option("rowHeight", rowHeight);
  }
}
