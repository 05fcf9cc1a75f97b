package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a panel of any type with nothing preset, {@value #DEFAULT_WIDTH} x {@value
 * #DEFAULT_HEIGHT} unless sized; used for plugins the model does not know and for reading JSON.
 */
public final class GenericPanelBuilder extends PanelBuilder<GenericPanelBuilder> {

  public static final int DEFAULT_WIDTH = 12;
  public static final int DEFAULT_HEIGHT = 8;

  GenericPanelBuilder(@Nullable String type) {
    super(type, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /** For rows: whether the row is collapsed. */
  public GenericPanelBuilder collapsed(boolean collapsed) {
    this.collapsed = collapsed;
    return this;
  }

  /** For rows: the panels of the row (written nested when collapsed, after the row when not). */
  public GenericPanelBuilder panels(List<Panel> panels) {
    this.panels = new ArrayList<>(requireNonNull(panels, "panels"));
    return this;
  }
}
