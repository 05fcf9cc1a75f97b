package io.ktrdr.observability.dashboards.model;

import io.ktrdr.observability.dashboards.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places panels in Grafana's 24-column grid. Panels flow left to right by their declared width,
 * wrapping to a new line when the next one does not fit; each sits as high as the panels above
 * its columns allow (as Grafana's own gravity would move it). A row starts a new line at full
 * width, one unit high. Panels already placed keep their position. Ids 1..n go to panels without
 * one, in order, skipping ids already taken.
 */
final class GridLayout {

  /** Rows are one grid unit high, whatever height they were given. */
  static final int ROW_HEIGHT = 1;

  private final int[] columnBottoms = new int[GridPos.COLUMNS];
  private final Set<Integer> takenIds = new HashSet<>();
  private int cursor;
  private int nextId = 1;

  private GridLayout(List<Panel> panels) {
    for (Panel panel : panels) {
      addTakenId(panel);
      Json.orEmpty(panel.panels()).forEach(this::addTakenId);
    }
  }

  static List<Panel> layOut(List<Panel> panels) {
    GridLayout layout = new GridLayout(panels);
    List<Panel> result = new ArrayList<>();
    for (Panel panel : panels) {
      result.add(panel.isRow() ? layout.placeRow(panel) : layout.place(panel));
    }
    return List.copyOf(result);
  }

  private void addTakenId(Panel panel) {
    if (panel.id() != null) {
      takenIds.add(panel.id());
    }
  }

  private Panel placeRow(Panel row) {
    GridPos gridPos = row.gridPos();
    if (gridPos == null) {
      int y = Arrays.stream(columnBottoms).max().orElse(0);
      gridPos = new GridPos(0, y, GridPos.COLUMNS, ROW_HEIGHT);
      Arrays.fill(columnBottoms, y + ROW_HEIGHT);
      cursor = 0;
    } else {
      occupy(gridPos);
    }
    Integer id = idOf(row);
    List<Panel> children = null;
    if (row.panels() != null) {
      children = new ArrayList<>();
      for (Panel child : row.panels()) {
        children.add(place(child));
      }
    }
    if (Boolean.TRUE.equals(row.collapsed()) && row.gridPos() == null) {
      // A collapsed row hides its panels: what follows starts right below the header.
      Arrays.fill(columnBottoms, gridPos.y() + ROW_HEIGHT);
      cursor = 0;
    }
    return row.placed(gridPos, id, children);
  }

  private Panel place(Panel panel) {
    GridPos gridPos = panel.gridPos();
    if (gridPos == null) {
      int width = Math.min(panel.width(), GridPos.COLUMNS);
      if (cursor + width > GridPos.COLUMNS) {
        cursor = 0;
      }
      int y = 0;
      for (int column = cursor; column < cursor + width; column++) {
        y = Math.max(y, columnBottoms[column]);
      }
      gridPos = new GridPos(cursor, y, width, panel.height());
    }
    occupy(gridPos);
    return panel.placed(gridPos, idOf(panel), panel.panels());
  }

  private void occupy(GridPos gridPos) {
    int end = Math.min(gridPos.x() + gridPos.w(), GridPos.COLUMNS);
    for (int column = Math.max(gridPos.x(), 0); column < end; column++) {
      columnBottoms[column] = Math.max(columnBottoms[column], gridPos.y() + gridPos.h());
    }
    cursor = end >= GridPos.COLUMNS ? 0 : end;
  }

  /** The panel's id, or the next free one. */
  private int idOf(Panel panel) {
    if (panel.id() != null) {
      return panel.id();
    }
    while (takenIds.contains(nextId)) {
      nextId++;
    }
    takenIds.add(nextId);
    return nextId++;
  }
}
