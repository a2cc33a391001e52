import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine';
import { createLayoutClient, LayoutCancelled } from '../src/layout/client';
import { clusters, countCrossings } from '../src/layout/crossings';
import { toLayoutInput } from '../src/layout/fromAnalysis';
import { boxAt } from '../src/layout/labels';
import { layoutGraph } from '../src/layout/layoutGraph';
import { programOfSize } from '../src/layout/samplePrograms';
import { LABEL_BOX, SPACING } from '../src/layout/settings';
import type { LayoutInput, LayoutNodeInput, LayoutResult } from '../src/layout/types';
import { samplePath } from './layout/samplePath';

const CS231N = 'w0 = 2\nx0 = -1\nw1 = -3\nx1 = -2\nw2 = -3\nf = 1/(1+exp(-(w0*x0+w1*x1+w2)))';

function sizeOf(node: { kind: string; label: string }) {
  if (node.kind === 'op') return { width: 46, height: 46 };
  if (node.kind === 'const') return { width: 30, height: 26 };
  return { width: Math.min(110, Math.max(60, 24 + 10 * node.label.length)), height: 40 };
}

const inputOf = (source: string): LayoutInput => toLayoutInput(analyze(source), sizeOf);
const count = (s: string) => analyze(s).graph.nodes.length;

type Box = [number, number, number, number];
function nodeBox(input: LayoutInput, r: LayoutResult, i: number, grow = 0): Box {
  const { width, height } = input.nodes[i];
  const { x, y } = r.nodes[i];
  return [x - width / 2 - grow, y - height / 2 - grow, x + width / 2 + grow, y + height / 2 + grow];
}
const overlaps = (p: Box, q: Box) => p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];

/** Does segment a→b pass through the open box? (Liang–Barsky clipping.) */
function segmentHitsBox(a: [number, number], b: [number, number], box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return (
    clip(-dx, a[0] - box[0]) &&
    clip(dx, box[2] - a[0]) &&
    clip(-dy, a[1] - box[1]) &&
    clip(dy, box[3] - a[1]) &&
    t1 - t0 > 1e-9
  );
}

/** The invariants every layout must keep; returns the failures found. */
function violations(input: LayoutInput, r: LayoutResult): string[] {
  const bad: string[] = [];
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  // No two nodes overlap, with a margin.
  const boxes = input.nodes.map((_, i) => nodeBox(input, r, i, 4));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i], boxes[j])) bad.push(`nodes ${i} and ${j} overlap`);
    }
  }
  r.edges.forEach((e, k) => {
    const { from, to } = input.edges[k];
    const a = index.get(from)!;
    const b = index.get(to)!;
    if (!(r.nodes[a].layer < r.nodes[b].layer)) bad.push(`edge ${e.id} does not go right`);
    for (let p = 1; p < e.points.length; p++) {
      if (!(e.points[p][0] > e.points[p - 1][0])) bad.push(`edge ${e.id} turns back`);
    }
    const first = e.points[0];
    const last = e.points[e.points.length - 1];
    if (first[0] < r.nodes[a].x) bad.push(`edge ${e.id} starts left of its operand's centre`);
    if (last[0] > r.nodes[b].x - SPACING.arrow) bad.push(`edge ${e.id} ends inside its consumer`);
    // Never through a node other than its ends.
    input.nodes.forEach((_, i) => {
      if (i === a || i === b) return;
      const box = nodeBox(input, r, i, -1);
      for (let p = 1; p < e.points.length; p++) {
        if (segmentHitsBox(e.points[p - 1], e.points[p], box)) {
          bad.push(`edge ${e.id} passes through node ${i}`);
          return;
        }
      }
    });
    if (!e.path.startsWith(`M${first[0]},${first[1]}`)) bad.push(`edge ${e.id} path start`);
    if (!e.path.endsWith(`${last[0]},${last[1]}`)) bad.push(`edge ${e.id} path end`);
  });
  // Everything, label boxes included, inside [0,width]×[0,height].
  const inside = (b: Box) => b[0] >= 0 && b[1] >= 0 && b[2] <= r.width && b[3] <= r.height;
  input.nodes.forEach((_, i) => inside(nodeBox(input, r, i)) || bad.push(`node ${i} outside`));
  r.edges.forEach((e) => {
    if (!inside(boxAt([e.label.x, e.label.y], e.label.dy, e.label.width)))
      bad.push(`label ${e.id} outside`);
  });
  return bad;
}

describe('layoutGraph', () => {
  it('draws the cs231n sigmoid neuron like the notes: inputs left, output right, no clashes', () => {
    const a = analyze(CS231N);
    const input = toLayoutInput(a, sizeOf);
    const r = layoutGraph(input);
    expect(violations(input, r)).toEqual([]);
    const layerOf = (id: number) => r.nodes.find((n) => n.id === id)!.layer;
    for (const i of a.inputs) expect(layerOf(i.node)).toBe(0);
    const out = r.nodes.find((n) => n.id === a.graph.output)!;
    const maxLayer = Math.max(...r.nodes.map((n) => n.layer));
    expect(out.layer).toBe(maxLayer);
    expect(r.nodes.filter((n) => n.layer === maxLayer)).toHaveLength(1);
    expect(Math.max(...r.nodes.map((n) => n.x))).toBe(out.x);
    // Label boxes neither overlap one another nor a node.
    const labels = r.edges.map((e) => boxAt([e.label.x, e.label.y], e.label.dy, e.label.width));
    labels.forEach((b, i) => {
      labels.forEach((c, j) => j > i && expect(overlaps(b, c), `labels ${i},${j}`).toBe(false));
      input.nodes.forEach((_, n) => expect(overlaps(b, nodeBox(input, r, n))).toBe(false));
    });
    const lines = clusters(r.nodes.map((n) => n.x));
    const polylines = r.edges.map((e) => e.points);
    expect(countCrossings(lines, polylines)).toBe(0);
    expect(r.engine).toMatch(/d3-dag/);
  });

  it('reads top to bottom in program order: w0, x0 above w1, x1 (as in cs231n)', () => {
    const a = analyze(CS231N);
    const r = layoutGraph(toLayoutInput(a, sizeOf));
    const yOf = (name: string) =>
      r.nodes.find((n) => n.id === a.graph.nodes.find((g) => g.name === name)!.id)!.y;
    expect(yOf('w0')).toBeLessThan(yOf('w1'));
    expect(yOf('x0')).toBeLessThan(yOf('x1'));
  });

  it('keeps the program order of inputs when another order is no better: x, y, z', () => {
    // Every order of x and y has no crossing; the reader typed x first.
    for (const source of ['x = -2; y = 5; z = -4\nq = x + y\nf = q * z', '(x+y)*z', 'b*a + c']) {
      const a = analyze(source);
      const r = layoutGraph(toLayoutInput(a, sizeOf));
      const ys = a.graph.nodes
        .filter((n) => n.kind === 'input')
        .map((n) => r.nodes.find((m) => m.id === n.id)!.y);
      expect(ys, source).toEqual([...ys].sort((p, q) => p - q));
    }
  });

  it('puts a constant in the layer just before its consumer, next to it', () => {
    const a = analyze('x = 3\ny = 2\nq = x*y\nf = sigmoid(q) + 1');
    const r = layoutGraph(toLayoutInput(a, sizeOf));
    const one = a.graph.nodes.find((n) => n.kind === 'const')!;
    const sum = a.graph.nodes.find(
      (n) => n.id === one.outEdges.map((e) => a.graph.edges[e].to)[0],
    )!;
    const at = (id: number) => r.nodes.find((n) => n.id === id)!;
    expect(at(one.id).layer).toBe(at(sum.id).layer - 1);
    expect(Math.abs(at(one.id).y - at(sum.id).y)).toBeLessThan(120);
  });

  it('gives parallel edges (x*x) different paths and label anchors', () => {
    const input = inputOf('x = 3\nf = x*x');
    expect(input.edges).toHaveLength(2);
    const r = layoutGraph(input);
    expect(violations(input, r)).toEqual([]);
    const [e0, e1] = r.edges;
    expect(e0.path).not.toBe(e1.path);
    const apart = Math.hypot(e0.label.x - e1.label.x, e0.label.y - e1.label.y);
    expect(apart).toBeGreaterThan(LABEL_BOX.height / 2);
    const mid = (e: typeof e0) => e.points[Math.floor(e.points.length / 2)][1];
    expect(Math.abs(mid(e0) - mid(e1))).toBeGreaterThan(10);
  });

  it('anchors every label on its curve', () => {
    const input = inputOf(programOfSize('shared', 40, count));
    const r = layoutGraph(input);
    for (const e of r.edges) {
      const pts = samplePath(e.path);
      const d = Math.min(...pts.map(([x, y]) => Math.hypot(x - e.label.x, y - e.label.y)));
      expect(d, `edge ${e.id}`).toBeLessThan(1);
    }
  });

  it('is deterministic', () => {
    const input = inputOf(programOfSize('network', 100, count));
    const strip = (r: LayoutResult) => ({ ...r, ms: 0 });
    expect(strip(layoutGraph(input))).toEqual(strip(layoutGraph(structuredClone(input))));
  });

  it.each(['network', 'shared', 'tree'] as const)(
    'keeps its invariants on a %s of ~100 nodes',
    (f) => {
      const input = inputOf(programOfSize(f, 100, count));
      const r = layoutGraph(input);
      expect(violations(input, r)).toEqual([]);
    },
  );

  it('lays out a 1,000-node graph', () => {
    const input = inputOf(programOfSize('tree', 1000, count));
    expect(input.nodes.length).toBeGreaterThan(900);
    const r = layoutGraph(input);
    expect(r.nodes).toHaveLength(input.nodes.length);
    expect(violations(input, r)).toEqual([]);
  });

  it('lays out the empty graph, a lone constant and an op fed by constants only', () => {
    expect(layoutGraph({ nodes: [], edges: [] }).nodes).toEqual([]);
    const lone = layoutGraph(inputOf('2'));
    expect(lone.nodes[0].layer).toBe(0);
    const input = inputOf('2*3');
    const r = layoutGraph(input);
    expect(violations(input, r)).toEqual([]);
    expect(r.nodes.map((n) => n.layer)).toEqual([0, 0, 1]);
  });

  it('attaches edges to the drawn shape when it is smaller than the layout box', () => {
    const a = analyze('x = 1\nf = exp(x)');
    const input = toLayoutInput(a, (n) => ({
      width: 64,
      height: 94,
      visual: n.kind === 'op' ? { width: 46, height: 46 } : { width: 50, height: 36 },
    }));
    const r = layoutGraph(input);
    const [e] = r.edges;
    expect(e.points[0][0]).toBeCloseTo(r.nodes[0].x + 25, 1);
    expect(e.points[e.points.length - 1][0]).toBeCloseTo(r.nodes[1].x - 23 - SPACING.arrow, 1);
  });

  it('rejects a cycle', () => {
    const node = (id: number): LayoutNodeInput => ({ id, kind: 'op', width: 46, height: 46 });
    expect(() =>
      layoutGraph({
        nodes: [node(0), node(1)],
        edges: [
          { id: 0, from: 0, to: 1 },
          { id: 1, from: 1, to: 0 },
        ],
      }),
    ).toThrow(/cycle/);
  });

  it('keeps no-overlap and left-to-right on random small DAGs (property)', () => {
    const kinds = ['input', 'const', 'op'] as const;
    const dag = fc
      .array(
        fc.record({
          kind: fc.constantFrom(...kinds),
          width: fc.integer({ min: 20, max: 110 }),
          height: fc.integer({ min: 20, max: 60 }),
          operands: fc.array(fc.nat(), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 14 },
      )
      .map((spec): LayoutInput => {
        const nodes: LayoutNodeInput[] = [];
        const edges: LayoutInput['edges'] = [];
        spec.forEach((s, i) => {
          // Ops take operands from earlier nodes (repeats make parallel edges); ids shuffled.
          nodes.push({ id: 100 - i * 3, kind: s.kind, width: s.width, height: s.height });
          if (s.kind !== 'op' || i === 0) return;
          for (const o of s.operands)
            edges.push({ id: edges.length, from: 100 - (o % i) * 3, to: 100 - i * 3 });
        });
        return { nodes, edges };
      });
    fc.assert(
      fc.property(dag, fc.constantFrom('auto' as const, 'fast' as const), (input, quality) => {
        const r = layoutGraph(input, { quality });
        const bad = violations(input, r).filter((v) => !v.includes('path'));
        const layerOf = new Map(r.nodes.map((n) => [n.id, n.layer]));
        const targets = new Set(input.edges.map((e) => e.to));
        for (const n of input.nodes) {
          if (n.kind === 'input' && !targets.has(n.id) && layerOf.get(n.id) !== 0)
            bad.push(`input ${n.id} not in layer 0`);
        }
        expect(bad).toEqual([]);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe('toLayoutInput', () => {
  it('keeps the engine ids, edge order and output', () => {
    const a = analyze('x = 2\nf = x*x + 1');
    const input = toLayoutInput(a, sizeOf);
    expect(input.nodes.map((n) => n.id)).toEqual(a.graph.nodes.map((n) => n.id));
    expect(input.edges).toEqual(a.graph.edges.map(({ id, from, to }) => ({ id, from, to })));
    expect(input.output).toBe(a.graph.output);
    expect(input.nodes.map((n) => n.kind)).toEqual(a.graph.nodes.map((n) => n.kind));
  });
});

describe('createLayoutClient', () => {
  it('lays out inline where there is no worker, and cancels a superseded request', async () => {
    const client = createLayoutClient({ createWorker: () => null, syncMaxNodes: 0 });
    const first = client.layout(inputOf(CS231N));
    const second = client.layout(inputOf('x = 3\nf = x*x'));
    await expect(first).rejects.toBeInstanceOf(LayoutCancelled);
    const r = await second;
    expect(r.nodes).toHaveLength(2);
    client.dispose();
  });

  it('lays small graphs out at once when given layoutGraph, and cancels a pending one', async () => {
    const client = createLayoutClient({
      createWorker: () => null,
      syncMaxNodes: 3,
      inline: layoutGraph,
    });
    const pending = client.layout(inputOf(CS231N));
    const now = client.layoutNow(inputOf('x = 3\nf = x*x'));
    expect(now?.nodes).toHaveLength(2);
    await expect(pending).rejects.toBeInstanceOf(LayoutCancelled);
    // Too big for the main thread: the caller must go through `layout`.
    expect(client.layoutNow(inputOf(CS231N))).toBeNull();
    expect(createLayoutClient().layoutNow(inputOf('x = 3\nf = x*x'))).toBeNull();
    client.dispose();
  });

  it('lays small graphs out at once after preload, and not before', async () => {
    const client = createLayoutClient({ createWorker: () => null });
    const small = inputOf('x = 3\nf = x*x');
    expect(client.layoutNow(small)).toBeNull();
    // The page's path: the code is fetched after the first screen, then used in the same task.
    await client.preload();
    expect(client.layoutNow(small)?.nodes).toHaveLength(2);
    // A layout run while the code was loading still lands.
    const late = createLayoutClient({ createWorker: () => null });
    const landed = late.layout(small);
    await late.preload();
    expect((await landed).nodes).toHaveLength(2);
    client.dispose();
    late.dispose();
  });

  it('sends large graphs to the worker and ignores stale replies', async () => {
    const posted: { id: number }[] = [];
    let terminated = 0;
    const fake = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      onerror: null,
      postMessage(m: { id: number }) {
        posted.push(m);
      },
      terminate() {
        terminated++;
      },
    };
    const client = createLayoutClient({
      createWorker: () => fake as unknown as Worker,
      syncMaxNodes: 1,
    });
    const input = inputOf('x = 3\nf = x*x');
    const first = client.layout(input);
    const second = client.layout(input);
    await expect(first).rejects.toBeInstanceOf(LayoutCancelled);
    expect(terminated).toBe(1); // the worker was busy with the stale graph
    const answer = layoutGraph(input);
    fake.onmessage!({ data: { id: posted[0].id, result: answer } } as MessageEvent);
    fake.onmessage!({ data: { id: posted[1].id, result: answer } } as MessageEvent);
    expect(await second).toBe(answer);
    client.dispose();
  });
});
