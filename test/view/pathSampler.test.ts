import { describe, expect, it } from 'vitest';
import { curvePath } from '../../src/layout/curve';
import { samplePath } from '../../src/view/renderer/pathSampler';

describe('samplePath', () => {
  it('measures straight lines exactly', () => {
    const p = samplePath('M0,0L30,40L30,50');
    expect(p.length).toBeCloseTo(60, 10);
    expect(p.at(25)).toEqual({ x: 15, y: 20 });
    expect(p.at(55)).toEqual({ x: 30, y: 45 });
    expect(p.at(-3)).toEqual({ x: 0, y: 0 });
    expect(p.at(1e9)).toEqual({ x: 30, y: 50 });
  });

  it('follows a cubic curve from its start to its end', () => {
    const p = samplePath('M0,0C10,0,20,10,30,10');
    expect(p.at(0)).toEqual({ x: 0, y: 0 });
    const end = p.at(p.length);
    expect(end.x).toBeCloseTo(30, 10);
    expect(end.y).toBeCloseTo(10, 10);
    // Longer than the chord, shorter than the control polygon.
    expect(p.length).toBeGreaterThan(Math.hypot(30, 10));
    expect(p.length).toBeLessThan(10 + Math.hypot(10, 10) + 10);
  });

  it('reads the curves our layout draws, in the order they are drawn', () => {
    const d = curvePath([
      [0, 0],
      [50, 20],
      [120, -10],
      [200, 0],
    ]);
    const p = samplePath(d);
    let x = -Infinity;
    for (let s = 0; s <= p.length; s += p.length / 50) {
      const q = p.at(s);
      expect(q.x).toBeGreaterThanOrEqual(x - 1e-9); // monotone-x curves never turn back
      x = q.x;
    }
    expect(p.at(p.length).x).toBeCloseTo(200, 6);
  });

  it('gives a point for an empty or unknown path instead of throwing', () => {
    expect(samplePath('').at(5)).toEqual({ x: 0, y: 0 });
    expect(samplePath('M5,6A1,1,0,0,1,9,9').at(3)).toEqual({ x: 5, y: 6 });
  });
});
