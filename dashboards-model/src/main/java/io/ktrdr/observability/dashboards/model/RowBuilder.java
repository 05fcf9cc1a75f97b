package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a row: a full-width header starting a new line, with its panels flowing below it.
 *
 * <pre>{@code Panel.row("Workers").panels(registeredWorkers, availableWorkers).build()}</pre>
 */
public final class RowBuilder {

  private final GenericPanelBuilder row;
  private final List<Panel> panels = new ArrayList<>();

  RowBuilder(String title) {
    row = new GenericPanelBuilder(Panel.ROW).title(requireNonNull(title, "title"));
    row.collapsed(false);
    row.size(GridPos.COLUMNS, 1);
  }

  /** Collapses the row: its panels are hidden until it is opened. */
  public RowBuilder collapsed(boolean collapsed) {
    row.collapsed(collapsed);
    return this;
  }

  public RowBuilder description(String description) {
    row.description(description);
    return this;
  }

  /** Fixes the row's panel id; otherwise the dashboard assigns one. */
  public RowBuilder id(int id) {
    row.id(id);
    return this;
  }

  public RowBuilder panel(Panel panel) {
    requireNonNull(panel, "panel");
    if (panel.isRow()) {
      throw new IllegalArgumentException("rows cannot nest: " + panel.title());
    }
    panels.add(panel);
    return this;
  }

  public RowBuilder panel(PanelBuilder<?> panel) {
    return panel(requireNonNull(panel, "panel").build());
  }

  public RowBuilder panels(Panel... panels) {
    for (Panel panel : panels) {
      panel(panel);
    }
    return this;
  }

  public RowBuilder panels(List<Panel> panels) {
    panels.forEach(this::panel);
    return this;
  }

  public Panel build() {
    return row.panels(panels).build();
  }
}
