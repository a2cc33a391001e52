import { describe, expect, it } from 'vitest';
import { pack, place } from '../../src/layout/anchor';

const item = (wish: number, kept: boolean, size = 10) => ({ wish, size, kept, tie: 0 });

describe('anchored placement in a layer', () => {
  it('packs wishes apart by the gap with the least squared move', () => {
    const at = pack(
      [
        { wish: 0, size: 10, weight: 1 },
        { wish: 5, size: 10, weight: 1 },
        { wish: 100, size: 10, weight: 1 },
      ],
      10,
    );
    // The first two need 20 between them: each gives way by 7.5; the third is free.
    expect([...at]).toEqual([-7.5, 12.5, 100]);
  });

  it('keeps kept items at their wishes and puts a new one in the nearest gap wide enough', () => {
    // Gap 10, size 10: a neighbour's centre must be 20 away. 0 and 30 leave no room between.
    const at = place([item(0, true), item(30, true), item(200, true), item(20, false)], 10);
    expect([...at].slice(0, 3)).toEqual([0, 30, 200]);
    expect(at[3]).toBe(50);
    // With room between, it takes its wish.
    expect(place([item(0, true), item(40, true), item(20, false)], 10)[2]).toBe(20);
  });

  it('goes above the drawing only when nothing below is free', () => {
    const at = place([item(0, true), item(20, true), item(-5, false)], 10, -5);
    // Above the first (−20) would be nearer, but it would push the drawing's top edge up.
    expect(at[2]).toBe(40);
    expect(place([item(0, true), item(20, true), item(-5, false)], 10)[2]).toBe(-20);
  });
});
