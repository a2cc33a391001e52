/** A cell of a card's grids, as the keyboard moves between them (issue 15). */
export interface CellSpot {
  readonly grid: 'value' | 'grad';
  readonly row: number;
  readonly col: number;
}

/**
 * Where a key moves the focus inside a card's grids (`rows`×`cols` drawn, the gradient grid under
 * the value grid once it is known): arrows by one cell, ↓ from the value grid's last row into the
 * gradient's first and ↑ back, Home/End to the row's ends (with Ctrl, the grid's first and last
 * cells). An edge holds the focus where it is. `null`: the key is not one of these.
 */
export function moveCell(
  at: CellSpot,
  key: string,
  rows: number,
  cols: number,
  hasGrad: boolean,
  ctrl = false,
): CellSpot | null {
  const { grid, row, col } = at;
  switch (key) {
    case 'ArrowRight':
      return { grid, row, col: Math.min(cols - 1, col + 1) };
    case 'ArrowLeft':
      return { grid, row, col: Math.max(0, col - 1) };
    case 'ArrowDown':
      if (row < rows - 1) return { grid, row: row + 1, col };
      return grid === 'value' && hasGrad ? { grid: 'grad', row: 0, col } : at;
    case 'ArrowUp':
      if (row > 0) return { grid, row: row - 1, col };
      return grid === 'grad' ? { grid: 'value', row: rows - 1, col } : at;
    case 'Home':
      return ctrl ? { grid, row: 0, col: 0 } : { grid, row, col: 0 };
    case 'End':
      return ctrl ? { grid, row: rows - 1, col: cols - 1 } : { grid, row, col: cols - 1 };
    default:
      return null;
  }
}
