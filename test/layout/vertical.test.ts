import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine';
import { exampleById, SCALAR_EXAMPLES } from '../../src/examples';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutKey } from '../../src/layout/incremental';
import { fitIn, layoutGraph } from '../../src/layout/layoutGraph';
import { GEOMETRY, layoutSize } from '../../src/layout/nodeSize';
import type { LayoutInput } from '../../src/layout/types';
import { OUTPUT_STUB, PORTRAIT_ENTER, wantsVertical } from '../../src/layout/vertical';
import { createAppStore, type StoreDeps } from '../../src/state/store';

const inputOf = (source: string, tb = false): LayoutInput => {
  const input = toLayoutInput(analyze(source), layoutSize);
  return tb ? { ...input, direction: 'TB' } : input;
};
const NEURON = exampleById('neuron')!.source;

describe('the drawing follows its box: top to bottom in a portrait box (issue 9)', () => {
  it('turns portrait above 1.1 and back below 0.95, so a box near square does not flip', () => {
    expect(wantsVertical(false, 631, 728)).toBe(true); // 1.15
    expect(wantsVertical(false, 681, 1351)).toBe(true);
    expect(wantsVertical(false, 700, 740)).toBe(false); // 1.06: not clearly portrait
    expect(wantsVertical(false, 1280, 800)).toBe(false);
    // Once portrait, a resize to about square keeps it; a clearly landscape box turns it back.
    expect(wantsVertical(true, 700, 700)).toBe(true);
    expect(wantsVertical(true, 700, 680)).toBe(true);
    expect(wantsVertical(true, 700, 650)).toBe(false);
    // A box not measured yet (hidden, 0×0) changes nothing.
    expect(wantsVertical(true, 0, 0)).toBe(true);
    expect(wantsVertical(false, 0, 500)).toBe(false);
  });

  it('draws the neuron top to bottom: inputs above, the output below, every wire running down', () => {
    const input = inputOf(NEURON, true);
    const r = layoutGraph(input);
    expect(r.direction).toBe('TB');
    const a = analyze(NEURON);
    const y = new Map(r.nodes.map((n) => [n.id, n.y]));
    const out = y.get(a.graph.output)!;
    for (const i of a.inputs) expect(y.get(i.node)!).toBeLessThan(out);
    for (const e of r.edges) {
      for (let j = 1; j < e.points.length; j++)
        expect(e.points[j][1]).toBeGreaterThan(e.points[j - 1][1]);
      expect(e.path.startsWith('M')).toBe(true);
    }
    for (const n of r.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(r.width);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(r.height);
    }
    // Larger in a portrait box than left to right: 1.5× and more for the neuron.
    expect(fitIn(r, PORTRAIT_ENTER)).toBeGreaterThan(
      1.5 * fitIn(layoutGraph(inputOf(NEURON)), PORTRAIT_ENTER),
    );
  });

  it('never draws smaller than left to right would: a wide, shallow graph stays left to right', () => {
    // Eight inputs summed in a balanced tree: a tall column left to right, a long row top to bottom.
    const wide = 'f = ((a + b) + (c + d)) + ((e + g) + (h + k))';
    const r = layoutGraph(inputOf(wide, true));
    expect(r.direction).toBeUndefined();
    expect(r).toEqual({ ...layoutGraph(inputOf(wide)), ms: r.ms });
    for (const ex of SCALAR_EXAMPLES) {
      const tb = layoutGraph(inputOf(ex.source, true));
      const lr = layoutGraph(inputOf(ex.source));
      expect(fitIn(tb, PORTRAIT_ENTER)).toBeGreaterThanOrEqual(fitIn(lr, PORTRAIT_ENTER));
    }
  });

  it('keeps room below the output for the stub the renderer draws', () => {
    expect(OUTPUT_STUB).toBe(GEOMETRY.outputStub);
  });

  it('asks for a new layout when the direction changes, and only then', () => {
    expect(layoutKey(inputOf(NEURON, true))).not.toBe(layoutKey(inputOf(NEURON)));
    expect(layoutKey(inputOf(NEURON, true))).toBe(layoutKey(inputOf(NEURON, true)));
  });

  it('lays out again when the box turns portrait or back, never on a resize that keeps its shape', () => {
    const layout = vi.fn(layoutGraph);
    const deps: StoreDeps = { layout, sizeOf: layoutSize };
    const store = createAppStore(deps, { source: NEURON });
    store.getState().setSource(NEURON, { immediate: true });
    expect(layout).toHaveBeenCalledTimes(1);
    expect(store.getState().layout!.direction).toBeUndefined();
    store.getState().setGraphBox(1280, 400); // landscape: as it was
    expect(layout).toHaveBeenCalledTimes(1);
    store.getState().setGraphBox(681, 1351);
    expect(layout).toHaveBeenCalledTimes(2);
    expect(layout.mock.calls[1][0].direction).toBe('TB');
    expect(store.getState().layout!.direction).toBe('TB');
    // Taller, narrower, about square: still portrait enough, nothing to do.
    for (const [w, h] of [
      [600, 1400],
      [700, 700],
      [720, 690],
    ])
      store.getState().setGraphBox(w, h);
    expect(layout).toHaveBeenCalledTimes(2);
    // An edit keeps the direction, and the places of the nodes it did not touch.
    const edited = NEURON.replace('w2 = -3', 'w2 = -3; b = 1').replace('+ w2)', '+ w2 + b)');
    store.getState().setSource(edited, { immediate: true });
    expect(layout).toHaveBeenCalledTimes(3);
    expect(layout.mock.calls[2][0].direction).toBe('TB');
    expect(store.getState().layout!.direction).toBe('TB');
    expect(store.getState().layout!.anchored).toBe(true);
    store.getState().setGraphBox(1200, 700);
    expect(layout).toHaveBeenCalledTimes(4);
    expect(layout.mock.calls[3][0].direction).toBeUndefined();
    expect(store.getState().layout!.direction).toBeUndefined();
  });

  it('a box measured while a large graph is still being laid out still gets its direction', async () => {
    // A worker's answer, left to right, lands after the box turned portrait: laid out again.
    const layout = vi.fn((input: LayoutInput) => Promise.resolve(layoutGraph(input)));
    const store = createAppStore({ layout, sizeOf: layoutSize }, { source: NEURON });
    store.getState().setSource(NEURON, { immediate: true });
    expect(store.getState().layingOut).toBe(true);
    store.getState().setGraphBox(681, 1351);
    await vi.waitFor(() => expect(store.getState().layout?.direction).toBe('TB'));
    expect(layout).toHaveBeenCalledTimes(2);
  });

  it('keeps an edited top-to-bottom drawing where it was', () => {
    const before = inputOf(NEURON, true);
    const first = layoutGraph(before);
    const source = NEURON.replace('f = 1 /', 'g = 2 * w0\nf = 1 /');
    const after = inputOf(source, true);
    const second = layoutGraph({ ...after, previous: { input: before, layout: first } });
    expect(second.direction).toBe('TB');
    expect(second.anchored).toBe(true);
    // The new statement comes in beside the others (the drawing may shift as a whole to keep
    // its margin): the nodes it did not touch keep their places relative to each other.
    const a = analyze(NEURON);
    const b = analyze(source);
    const shifts = a.graph.nodes.map((n) => {
      const m = b.graph.nodes.find((o) => o.symbol.name === n.symbol.name && o.kind === n.kind)!;
      const p = second.nodes.find((q) => q.id === m.id)!;
      const q = first.nodes.find((o) => o.id === n.id)!;
      return [p.x - q.x, p.y - q.y] as const;
    });
    const median = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1];
    const mx = median(shifts.map((d) => d[0]));
    const my = median(shifts.map((d) => d[1]));
    const moved = shifts.filter(([dx, dy]) => Math.abs(dx - mx) > 12 || Math.abs(dy - my) > 12);
    expect(moved.length).toBeLessThanOrEqual(a.graph.nodes.length / 3);
  });
});
