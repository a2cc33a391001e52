/**
 * Layout bench: which library and settings lay out OUR graphs (scalar neural networks, programs
 * with shared named intermediates, long expression trees) fast enough and with few crossings.
 *
 *   npm run bench:layout            # all sizes
 *   npm run bench:layout -- 20 100  # chosen sizes
 *   npm run bench:layout -- 1000 --only=greedy  # candidates whose name has 'greedy'
 *
 * Per size, family and candidate: median wall time of one layout (warm) and edge crossings,
 * counted between consecutive layers on node-centre-to-node-centre polylines (`countCrossings`).
 * d3-dag rows time the whole `layoutWith` (layering, d3-dag, routing, labels, paths) and also
 * count label boxes that overlap another label or a node ("clash"). dagre and ELK rows time the
 * library alone with its own layering (so their layers differ from ours: inputs need not be on
 * the left); they are not dependencies of the app, so they run only when installed: here
 * (`npm i --no-save @dagrejs/dagre elkjs`) or in a folder of their own that
 * `LAYOUT_CANDIDATES=/that/folder` names (`npm i --prefix /that/folder @dagrejs/dagre elkjs`).
 * A candidate is skipped at sizes where its previous size predicts more than ~60 s.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/engine';
import { clusters, countCrossings } from '../src/layout/crossings';
import { toLayoutInput } from '../src/layout/fromAnalysis';
import { boxAt, type Box } from '../src/layout/labels';
import { layoutWith } from '../src/layout/layoutGraph';
import type { SugiyamaSettings } from '../src/layout/placement';
import { programOfSize, type ProgramFamily } from '../src/layout/samplePrograms';
import type { LayoutInput, LayoutResult } from '../src/layout/types';

type Polyline = [number, number][];
interface Outcome {
  /** Node-centre-to-node-centre polylines, one per edge. */
  polylines: Polyline[];
  /** Centre x of every node (layers are read off these). */
  centres: number[];
  clashes?: number;
  note?: string;
}
interface Candidate {
  name: string;
  /** Largest size to try at all. */
  maxNodes: number;
  run(input: LayoutInput): Outcome | Promise<Outcome>;
}

const args = process.argv.slice(2);
const SIZES = args.map(Number).filter((n) => n > 0);
/** `--only=text`: run only the candidates whose name contains it. */
const ONLY = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const sizes = SIZES.length ? SIZES : [20, 100, 300, 1000];
const FAMILIES: ProgramFamily[] = ['network', 'shared', 'tree'];
const BUDGET_MS = 4000;
const MAX_RUNS = 9;

function sizeOf(node: { kind: string; label: string }) {
  if (node.kind === 'op') return { width: 46, height: 46 };
  if (node.kind === 'const') return { width: 30, height: 26 };
  return { width: Math.min(110, Math.max(60, 24 + 10 * node.label.length)), height: 40 };
}

function d3dag(name: string, settings: SugiyamaSettings, maxNodes: number): Candidate {
  return {
    name,
    maxNodes,
    run(input) {
      const r = layoutWith(input, settings);
      const fellBack = settings.decross === 'opt' && !r.engine.includes('opt');
      return { ...ours(input, r), note: fellBack ? 'opt fell back' : '' };
    },
  };
}

function ours(input: LayoutInput, r: LayoutResult): Outcome {
  const at = new Map(r.nodes.map((n) => [n.id, n]));
  const polylines = r.edges.map((e, k): Polyline => {
    const a = at.get(input.edges[k].from)!;
    const b = at.get(input.edges[k].to)!;
    return [[a.x, a.y], ...e.points, [b.x, b.y]];
  });
  return { polylines, centres: r.nodes.map((n) => n.x), clashes: labelClashes(input, r) };
}

/** Label boxes that overlap another label box or a node box. */
function labelClashes(input: LayoutInput, r: LayoutResult): number {
  const boxes: Box[] = r.edges.map((e) => boxAt([e.label.x, e.label.y], e.label.dy, e.label.width));
  const nodes: Box[] = r.nodes.map((n, i) => {
    const { width, height } = input.nodes[i];
    return [n.x - width / 2, n.y - height / 2, n.x + width / 2, n.y + height / 2];
  });
  const hit = (p: Box, q: Box) =>
    p[0] < q[2] - 0.5 && q[0] < p[2] - 0.5 && p[1] < q[3] - 0.5 && q[1] < p[3] - 0.5;
  let clashes = 0;
  boxes.forEach((b, i) => {
    if (boxes.some((c, j) => j !== i && hit(b, c)) || nodes.some((c) => hit(b, c))) clashes++;
  });
  return clashes;
}

interface DagreLike {
  graphlib: {
    Graph: new (opts: { multigraph: boolean }) => {
      setGraph(g: object): void;
      setDefaultEdgeLabel(f: () => object): void;
      setNode(id: string, label: object): void;
      setEdge(v: string, w: string, label: object, name: string): void;
      node(id: string): { x: number; y: number };
      edge(e: { v: string; w: string; name: string }): { points: { x: number; y: number }[] };
    };
  };
  layout(g: unknown): void;
}

function dagreCandidate(dagre: DagreLike): Candidate {
  return {
    name: 'dagre (network-simplex, LR)',
    maxNodes: 1000,
    run(input) {
      const g = new dagre.graphlib.Graph({ multigraph: true });
      g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 150, edgesep: 20 });
      g.setDefaultEdgeLabel(() => ({}));
      for (const n of input.nodes) g.setNode(String(n.id), { width: n.width, height: n.height });
      for (const e of input.edges) g.setEdge(String(e.from), String(e.to), {}, String(e.id));
      dagre.layout(g);
      const polylines = input.edges.map((e): Polyline => {
        const a = g.node(String(e.from));
        const b = g.node(String(e.to));
        const pts = g.edge({ v: String(e.from), w: String(e.to), name: String(e.id) }).points;
        return [[a.x, a.y], ...pts.map((p): [number, number] => [p.x, p.y]), [b.x, b.y]];
      });
      return { polylines, centres: input.nodes.map((n) => g.node(String(n.id)).x) };
    },
  };
}

interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  sections?: { startPoint: Pt; endPoint: Pt; bendPoints?: Pt[] }[];
}
interface Pt {
  x: number;
  y: number;
}
type ElkLike = new () => {
  layout(g: {
    id: string;
    layoutOptions: Record<string, string>;
    children: ElkNode[];
    edges: ElkEdge[];
  }): Promise<{ children: ElkNode[]; edges: ElkEdge[] }>;
};

function elkCandidate(ELK: ElkLike): Candidate {
  const elk = new ELK();
  return {
    name: 'ELK layered (RIGHT)',
    maxNodes: 1000,
    async run(input) {
      const out = await elk.layout({
        id: 'root',
        layoutOptions: {
          'elk.algorithm': 'layered',
          'elk.direction': 'RIGHT',
          'elk.spacing.nodeNode': '40',
          'elk.layered.spacing.nodeNodeBetweenLayers': '150',
        },
        children: input.nodes.map((n) => ({ id: String(n.id), width: n.width, height: n.height })),
        edges: input.edges.map((e) => ({
          id: String(e.id),
          sources: [String(e.from)],
          targets: [String(e.to)],
        })),
      });
      const centre = new Map(
        out.children.map((c) => [
          c.id,
          [c.x! + c.width / 2, c.y! + c.height / 2] as [number, number],
        ]),
      );
      const polylines = out.edges.map((e): Polyline => {
        const s = e.sections![0];
        const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
        return [
          centre.get(e.sources[0])!,
          ...pts.map((p): [number, number] => [p.x, p.y]),
          centre.get(e.targets[0])!,
        ];
      });
      return { polylines, centres: [...centre.values()].map((c) => c[0]) };
    },
  };
}

/** A package if installed here, or in the folder `LAYOUT_CANDIDATES` names (an npm prefix). */
async function optional<T>(name: string): Promise<T | null> {
  const places = [name];
  const dir = process.env.LAYOUT_CANDIDATES;
  if (dir) {
    try {
      places.push(pathToFileURL(createRequire(join(dir, 'package.json')).resolve(name)).href);
    } catch {
      // not there either
    }
  }
  for (const place of places) {
    try {
      const mod = (await import(place)) as { default?: T } & T;
      return mod.default ?? mod;
    } catch {
      // try the next place
    }
  }
  return null;
}

async function main() {
  const candidates: Candidate[] = [
    // Exact decrossing without our size guard: only at 20 nodes, where these graphs finish.
    d3dag(
      'd3-dag opt (unguarded) + simplex',
      { decross: 'opt', passes: 24, coord: 'simplex', optMaxPairs: Infinity },
      20,
    ),
    d3dag(
      'd3-dag twoLayer(24) + simplex',
      { decross: 'twoLayer', passes: 24, coord: 'simplex' },
      300,
    ),
    d3dag('d3-dag sweep(24) + simplex', { decross: 'sweep', passes: 24, coord: 'simplex' }, 300),
    d3dag('d3-dag sweep(24) + quad', { decross: 'sweep', passes: 24, coord: 'quad' }, 100),
    d3dag('d3-dag sweep(24) + greedy', { decross: 'sweep', passes: 24, coord: 'greedy' }, 1000),
    d3dag('d3-dag sweep(4) + greedy', { decross: 'sweep', passes: 4, coord: 'greedy' }, 1000),
    d3dag('d3-dag twoLayer(1) + greedy', { decross: 'twoLayer', passes: 1, coord: 'greedy' }, 1000),
    d3dag('d3-dag dfs + greedy', { decross: 'dfs', passes: 0, coord: 'greedy' }, 1000),
  ];
  const dagre = await optional<DagreLike>('@dagrejs/dagre');
  if (dagre) candidates.push(dagreCandidate(dagre));
  else console.log('(dagre not installed: skipped)');
  const elk = await optional<ElkLike>('elkjs/lib/elk.bundled.js');
  if (elk) candidates.push(elkCandidate(elk));
  else console.log('(elkjs not installed: skipped)');

  if (ONLY)
    candidates.splice(0, candidates.length, ...candidates.filter((c) => c.name.includes(ONLY)));
  const count = (s: string) => analyze(s).graph.nodes.length;
  const inputs = new Map<string, LayoutInput>();
  for (const n of sizes) {
    for (const f of FAMILIES)
      inputs.set(`${f}:${n}`, toLayoutInput(analyze(programOfSize(f, n, count)), sizeOf));
  }

  const lastMs = new Map<string, { n: number; ms: number }>();
  const rows: string[][] = [
    ['nodes', 'family', 'candidate', 'median ms', 'crossings', 'clash', 'runs'],
  ];
  for (const n of sizes) {
    for (const c of candidates) {
      const prev = lastMs.get(c.name);
      const predicted = prev ? prev.ms * (n / prev.n) ** 2 : 0;
      if (n > c.maxNodes || predicted > 60_000) {
        rows.push([
          String(n),
          '*',
          c.name,
          'skipped',
          '',
          '',
          predicted > 60_000 ? `predicted ${Math.round(predicted / 1000)} s` : '',
        ]);
        continue;
      }
      let worst = 0;
      for (const f of FAMILIES) {
        const input = inputs.get(`${f}:${n}`)!;
        const times: number[] = [];
        let outcome: Outcome | undefined;
        const start = performance.now();
        while (
          times.length < MAX_RUNS &&
          (times.length < 3 || performance.now() - start < BUDGET_MS)
        ) {
          const t = performance.now();
          outcome = await c.run(input);
          times.push(performance.now() - t);
          if (times[0] > BUDGET_MS) break;
        }
        // The first run warms the JIT: drop it when there are others.
        const warm = times.length > 2 ? times.slice(1) : times;
        warm.sort((a, b) => a - b);
        const median = warm[warm.length >> 1];
        worst = Math.max(worst, median);
        const crossings = countCrossings(clusters(outcome!.centres, 2), outcome!.polylines);
        rows.push([
          String(input.nodes.length),
          f,
          c.name,
          median.toFixed(1),
          String(crossings),
          outcome!.clashes === undefined ? '' : String(outcome!.clashes),
          `${times.length}${outcome!.note ? ` ${outcome!.note}` : ''}`,
        ]);
        console.error(rows[rows.length - 1].join('  '));
      }
      lastMs.set(c.name, { n, ms: worst });
    }
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  for (const r of rows) console.log('| ' + r.map((v, j) => v.padEnd(widths[j])).join(' | ') + ' |');
}

await main();
