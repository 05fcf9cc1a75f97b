// Grafana's dashboard grid: 24 columns, rows of 30 px with 8 px between cells (GRID_CELL_HEIGHT,
// GRID_CELL_VMARGIN and GRID_COLUMN_COUNT of public/app/core/constants.ts). The Java side computes the
// window height with the same numbers (DashboardPicture.windowHeight).

export const GRID_COLUMNS = 24;
export const CELL_HEIGHT = 30;
export const CELL_MARGIN = 8;
/** Space around the grid, and the page header above it (title, caption, time range). */
export const PAGE_PADDING = 16;
export const HEADER_HEIGHT = 72;

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a panel at gridPos sits on a page of the given width, in CSS pixels. */
export function panelRect(pos: GridPos, pageWidth: number): Rect {
  const gridWidth = pageWidth - 2 * PAGE_PADDING;
  const column = (gridWidth - (GRID_COLUMNS - 1) * CELL_MARGIN) / GRID_COLUMNS;
  return {
    left: PAGE_PADDING + pos.x * (column + CELL_MARGIN),
    top: HEADER_HEIGHT + pos.y * (CELL_HEIGHT + CELL_MARGIN),
    width: pos.w * column + (pos.w - 1) * CELL_MARGIN,
    height: pos.h * CELL_HEIGHT + (pos.h - 1) * CELL_MARGIN,
  };
}

/** The page height that shows every panel: the lowest panel edge plus the padding. */
export function pageHeight(positions: GridPos[]): number {
  const bottom = positions.reduce((max, p) => Math.max(max, p.y + p.h), 0);
  return HEADER_HEIGHT + bottom * (CELL_HEIGHT + CELL_MARGIN) - CELL_MARGIN + PAGE_PADDING;
}
