import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fitBox } from '../../src/view/renderer/geometry';

describe('fitBox', () => {
  it('centres the graph, 12 px clear of the box, as large as fits', () => {
    const { k, x, y } = fitBox(800, 500, 640, 364);
    expect(k).toBeCloseTo(Math.min(776 / 640, 476 / 364));
    expect(x + (640 * k) / 2).toBeCloseTo(400);
    expect(y + (364 * k) / 2).toBeCloseTo(250);
    expect(Math.min(x, y)).toBeCloseTo(12);
  });

  it('never blows a small graph up past 2.2× nor shrinks a huge one past 0.02×', () => {
    expect(fitBox(1920, 1080, 100, 40).k).toBe(2.2);
    expect(fitBox(300, 200, 1e6, 1e6).k).toBe(0.02);
  });

  it('runs from its own source alone, as the inline script in index.html runs it', () => {
    // src/prerender.tsx writes `fitBox.toString()` into the page: it must need nothing else.
    const standalone = runInNewContext(`(${fitBox.toString()})`, {}) as typeof fitBox;
    for (const box of [
      [800, 500, 640, 364],
      [375, 320, 1200, 800],
      [1920, 1080, 100, 50],
      [0, 0, 10, 10],
    ] as const) {
      const [w, h, bw, bh] = box;
      expect(standalone(w, h, bw, bh)).toEqual(fitBox(w, h, bw, bh));
    }
  });
});
