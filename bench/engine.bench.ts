/**
 * `npm run bench`: the engine's phases timed separately on programs of 1e3 … 1e6 nodes.
 *
 * Two shapes, both deterministic (seeded):
 * - mlp: a scalar multi-layer network as a student would type it, one statement per weight
 *   (`w2_3_1 = 0.12`), one per unit (`h2_3 = tanh(w2_3_0*h1_0 + … + b2_3)`), and a squared-error
 *   loss; every weight is an input, every unit a named intermediate read by the whole next layer.
 * - expr: one long random expression over four shared inputs, mixing + - * / ^ and functions,
 *   nested as deep as a random binary tree happens to be.
 *
 * For each program: parse, buildGraph, forward, backward and buildTrace are timed on their own
 * (median of several runs after warm-up), then reading the LaTeX of a few steps (the trace writes
 * formulas lazily, so this should cost microseconds), then `analyze` as a whole, which also builds
 * the result object.
 */
import { cpus, loadavg } from 'node:os';
import {
  analyze,
  backward,
  buildGraph,
  buildTrace,
  forward,
  parse,
  type CompiledGraph,
} from '../src/engine';
import { random } from '../src/layout/samplePrograms';

const ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];

/** A network of `depth` layers of `width` units over `width` inputs: about depth·width·(3·width+2) nodes. */
function mlp(width: number, depth: number, seed: number): string {
  const rnd = random(seed);
  const weight = () => (Math.round((rnd() * 2 - 1) * 1000) / 1000).toString();
  const lines: string[] = ['# inputs'];
  let previous: string[] = [];
  for (let i = 0; i < width; i++) {
    lines.push(`x${i} = ${weight()}`);
    previous.push(`x${i}`);
  }
  for (let l = 1; l <= depth; l++) {
    const act = ACTIVATIONS[l % ACTIVATIONS.length];
    const units: string[] = [];
    lines.push(`# layer ${l}`);
    for (let j = 0; j < width; j++) {
      const terms: string[] = [];
      previous.forEach((p, i) => {
        lines.push(`w${l}_${j}_${i} = ${weight()}`);
        terms.push(`w${l}_${j}_${i}*${p}`);
      });
      lines.push(`b${l}_${j} = ${weight()}`);
      lines.push(`h${l}_${j} = ${act}(${terms.join(' + ')} + b${l}_${j})`);
      units.push(`h${l}_${j}`);
    }
    previous = units;
  }
  lines.push(`loss = ${previous.map((h, j) => `(${h} - ${j % 2})^2`).join(' + ')}`);
  return lines.join('\n');
}

/**
 * One random expression of about `nodes` nodes: a random postfix program over x, y, z, w and
 * small constants, printed in infix with the parentheses it needs.
 */
function expression(nodes: number, seed: number): string {
  const rnd = random(seed);
  const leaves = ['x', 'y', 'z', 'w', '0.5', '2', '1.5'];
  const unary = ['sin', 'tanh', 'sigmoid', 'exp', 'relu', '-'];
  const binary = ['+', '-', '*', '/', 'max'];
  const stack: string[] = [];
  let made = 0;
  while (made < nodes || stack.length > 1) {
    const r = rnd();
    if (stack.length < 2 || (made < nodes && r < 0.45)) {
      stack.push(leaves[Math.floor(rnd() * leaves.length)]);
    } else if (r < 0.62) {
      const op = unary[Math.floor(rnd() * unary.length)];
      const a = stack.pop()!;
      // exp only of a squashed argument, so values stay finite across a million nodes.
      stack.push(op === '-' ? `-(${a})` : op === 'exp' ? `exp(tanh(${a}))` : `${op}(${a})`);
      if (op === 'exp') made++;
    } else {
      const op = binary[Math.floor(rnd() * binary.length)];
      const b = stack.pop()!;
      const a = stack.pop()!;
      if (op === 'max') {
        stack.push(`max(${a}, ${b})`);
      } else if (op === '/') {
        // A denominator kept away from 0: three more nodes (1, the square, the sum).
        stack.push(`(${a}) / (1 + (${b})^2)`);
        made += 3;
      } else {
        stack.push(`(${a} ${op} ${b})`);
      }
    }
    made++;
  }
  return `x = 0.3\ny = -0.7\nz = 1.1\nw = 0.05\n${stack[0]}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Row {
  shape: string;
  nodes: number;
  edges: number;
  chars: number;
  parse: number;
  build: number;
  forward: number;
  backward: number;
  trace: number;
  tex: number;
  analyze: number;
}

function measure(shape: string, source: string, runs: number, warmup: number): Row {
  const times: Record<Exclude<keyof Row, 'shape' | 'nodes' | 'edges' | 'chars'>, number[]> = {
    parse: [],
    build: [],
    forward: [],
    backward: [],
    trace: [],
    tex: [],
    analyze: [],
  };
  let g: CompiledGraph | undefined;
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    const program = parse(source);
    const t1 = performance.now();
    g = buildGraph(program);
    const t2 = performance.now();
    const fw = forward(g);
    const t3 = performance.now();
    const bw = backward(g, fw.value);
    const t4 = performance.now();
    const trace = buildTrace({ graph: g, value: fw.value, backward: bw, digits: 4 });
    const t5 = performance.now();
    // Read a few formulas, as a UI showing the current step would.
    const n = trace.steps.length;
    let chars = 0;
    for (const k of [0, trace.forwardCount - 1, trace.forwardCount, n >> 1, n - 1]) {
      chars += trace.steps[k].tex.length + trace.steps[k].text.length;
    }
    const t6 = performance.now();
    if (chars === 0) throw new Error('no formulas');
    if (r < warmup) continue;
    times.parse.push(t1 - t0);
    times.build.push(t2 - t1);
    times.forward.push(t3 - t2);
    times.backward.push(t4 - t3);
    times.trace.push(t5 - t4);
    times.tex.push(t6 - t5);
  }
  // The whole of `analyze` in a loop of its own, so that it does not pay for the garbage the
  // phases above leave behind.
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    const a = analyze(source);
    const t1 = performance.now();
    if (!Number.isFinite(a.output)) throw new Error(`${shape}: output ${a.output}`);
    if (r >= warmup) times.analyze.push(t1 - t0);
  }
  return {
    shape,
    nodes: g!.nodeCount,
    edges: g!.edgeCount,
    chars: source.length,
    parse: median(times.parse),
    build: median(times.build),
    forward: median(times.forward),
    backward: median(times.backward),
    trace: median(times.trace),
    tex: median(times.tex),
    analyze: median(times.analyze),
  };
}

/** Width and depth of an MLP of about `nodes` nodes. */
function mlpSize(nodes: number): [number, number] {
  const width = Math.round(Math.sqrt(nodes / 24));
  const depth = Math.max(1, Math.round(nodes / (width * (3 * width + 2))));
  return [width, depth];
}

/** `BENCH_MAX=1e5 npm run bench` stops early, for a quick look. */
const SIZES = [1e3, 1e4, 1e5, 1e6].filter((n) => n <= Number(process.env.BENCH_MAX ?? 1e6));
const rows: Row[] = [];
for (const size of SIZES) {
  const runs = size >= 1e6 ? 3 : size >= 1e5 ? 7 : 11;
  const warmup = size >= 1e6 ? 1 : 3;
  const [width, depth] = mlpSize(size);
  rows.push(measure(`mlp ${width}×${depth}`, mlp(width, depth, 1), runs, warmup));
  rows.push(measure('expr', expression(size, 2), runs, warmup));
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const header = [
  'shape',
  'nodes',
  'edges',
  'chars',
  'parse',
  'build',
  'forward',
  'backward',
  'trace',
  'tex×5',
  'analyze',
  'bwd/fwd',
  'ns/node',
];
const table = rows.map((r) => [
  r.shape,
  r.nodes.toLocaleString('en-US'),
  r.edges.toLocaleString('en-US'),
  r.chars.toLocaleString('en-US'),
  ms(r.parse),
  ms(r.build),
  ms(r.forward),
  ms(r.backward),
  ms(r.trace),
  ms(r.tex),
  ms(r.analyze),
  (r.backward / r.forward).toFixed(2),
  ((r.analyze * 1e6) / r.nodes).toFixed(0),
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
const line = (cells: string[]) =>
  '| ' +
  cells
    .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
    .join(' | ') +
  ' |';
// Other work on the machine slows every phase; the load average says how much there was.
console.log(
  `Engine phases in ms (median), Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}\n`,
);
console.log(line(header));
console.log(
  '|' +
    widths.map((w, c) => (c === 0 ? ':' : '-') + '-'.repeat(w) + (c === 0 ? '-' : ':')).join('|') +
    '|',
);
for (const row of table) console.log(line(row));

// The targets from the issue.
console.log('');
const check = (ok: boolean, text: string) => console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
for (const r of rows.filter((r) => r.nodes >= 0.5e5 && r.nodes < 0.5e6)) {
  check(
    r.analyze <= 100,
    `${r.shape}: analyze of ${r.nodes.toLocaleString('en-US')} nodes in ${ms(r.analyze)} ms (target ≤ 100)`,
  );
}
for (const r of rows.filter((r) => r.nodes >= 1e4)) {
  check(
    r.backward <= 2 * r.forward,
    `${r.shape} ${r.nodes.toLocaleString('en-US')}: backward/forward ${(r.backward / r.forward).toFixed(2)} (target ≤ 2)`,
  );
}
for (const shape of new Set(rows.map((r) => r.shape.split(' ')[0]))) {
  const of = rows.filter((r) => r.shape.startsWith(shape));
  const perNode = of.map((r) => r.analyze / r.nodes);
  const growth = perNode[perNode.length - 1] / perNode[1];
  check(
    growth <= 2,
    `${shape}: ns/node from 1e4 to 1e6 grows ×${growth.toFixed(2)} (linear: about ×1)`,
  );
}
