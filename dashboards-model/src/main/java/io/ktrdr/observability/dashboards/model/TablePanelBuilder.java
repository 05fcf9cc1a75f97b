package io.ktrdr.observability.dashboards.model;

import java.util.List;
import java.util.Map;

/**
 * Builds a {@code table} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless sized,
 * with a header.
 */
public final class TablePanelBuilder extends PanelBuilder<TablePanelBuilder> {

  public static final int DEFAULT_WIDTH = 12;
  public static final int DEFAULT_HEIGHT = 8;

  TablePanelBuilder(String title) {
    super("table", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    showHeader(true);
  }

  public TablePanelBuilder showHeader(boolean showHeader) {
    return option("showHeader", showHeader);
  }

  /** Sorts by the column shown as {@code displayName}. */
  public TablePanelBuilder sortBy(String displayName, boolean descending) {
    return option("sortBy", List.of(Map.of("displayName", displayName, "desc", descending)));
  }

  /** Lets users filter column values from the header. */
  public TablePanelBuilder filterable(boolean filterable) {
    return custom("filterable", filterable);
  }

  /** The default cell type, such as {@code auto}, {@code color-background} or {@code color-text}. */
  public TablePanelBuilder cellType(String type) {
    return custom("cellOptions.type", type);
  }
}
