import { describe, expect, it } from 'vitest';
import { moveCell, type CellSpot } from '../../src/view/tensor/cellKeys';

const v = (row: number, col: number): CellSpot => ({ grid: 'value', row, col });
const g = (row: number, col: number): CellSpot => ({ grid: 'grad', row, col });

describe('moveCell: the keyboard inside a card’s grids (3×2, gradient known)', () => {
  const move = (at: CellSpot, key: string, ctrl = false) => moveCell(at, key, 3, 2, true, ctrl);

  it('moves by one cell and holds at the edges', () => {
    expect(move(v(0, 0), 'ArrowRight')).toEqual(v(0, 1));
    expect(move(v(0, 1), 'ArrowRight')).toEqual(v(0, 1));
    expect(move(v(0, 1), 'ArrowLeft')).toEqual(v(0, 0));
    expect(move(v(0, 0), 'ArrowLeft')).toEqual(v(0, 0));
    expect(move(v(0, 0), 'ArrowUp')).toEqual(v(0, 0));
    expect(move(v(1, 1), 'ArrowDown')).toEqual(v(2, 1));
    expect(move(g(2, 0), 'ArrowDown')).toEqual(g(2, 0));
  });

  it('goes from the values’ last row into the gradient’s first and back', () => {
    expect(move(v(2, 1), 'ArrowDown')).toEqual(g(0, 1));
    expect(move(g(0, 1), 'ArrowUp')).toEqual(v(2, 1));
    // No gradient yet: the value grid's last row is an edge.
    expect(moveCell(v(2, 1), 'ArrowDown', 3, 2, false)).toEqual(v(2, 1));
  });

  it('Home and End go to the row’s ends, with Ctrl to the grid’s corners', () => {
    expect(move(g(1, 1), 'Home')).toEqual(g(1, 0));
    expect(move(g(1, 0), 'End')).toEqual(g(1, 1));
    expect(move(g(1, 1), 'Home', true)).toEqual(g(0, 0));
    expect(move(v(0, 0), 'End', true)).toEqual(v(2, 1));
  });

  it('leaves other keys alone', () => {
    expect(move(v(0, 0), 'Enter')).toBeNull();
    expect(move(v(0, 0), 'a')).toBeNull();
  });
});
