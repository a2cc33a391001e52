/**
 * Generated programs of the kinds Backprop Lens draws, for the layout bench and tests (not used
 * by the app, so never bundled): scalar neural networks, expressions with shared named
 * intermediates, and long expression trees over a few shared inputs. Seeded, so reproducible.
 */

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A fully connected scalar network written neuron by neuron, cs231n-style:
 * `h1_2 = sigmoid(w1_2_1*x1 + w1_2_2*x2 + b1_2)`, then a squared-error loss.
 * `sizes` = [inputs, hidden..., outputs].
 */
export function networkProgram(sizes: readonly number[]): string {
  const lines: string[] = [];
  const rnd = random(sizes.reduce((a, b) => a * 31 + b, 7));
  const v = () => (Math.round((rnd() * 4 - 2) * 100) / 100).toString();
  let previous: string[] = [];
  for (let i = 1; i <= sizes[0]; i++) {
    lines.push(`x${i} = ${v()}`);
    previous.push(`x${i}`);
  }
  for (let l = 1; l < sizes.length; l++) {
    const current: string[] = [];
    for (let j = 1; j <= sizes[l]; j++) {
      const terms = previous.map((p, i) => `w${l}_${j}_${i + 1}*${p}`);
      const name = l === sizes.length - 1 ? `o${j}` : `h${l}_${j}`;
      const act = l === sizes.length - 1 ? '' : 'sigmoid';
      lines.push(`${name} = ${act}(${terms.join(' + ')} + b${l}_${j})`);
      current.push(name);
    }
    previous = current;
  }
  lines.push(`L = ${previous.map((o, i) => `(${o} - ${i % 2})^2`).join(' + ')}`);
  return lines.join('\n');
}

const UNARY = ['exp', 'tanh', 'sigmoid', 'relu', 'log'];
const BINARY = ['+', '-', '*', '*', '+', '/'];

/** A random expression over `leaves`, about `size` operators big. */
function expression(rnd: () => number, leaves: readonly string[], size: number): string {
  if (size <= 0) {
    return rnd() < 0.15
      ? String(1 + Math.floor(rnd() * 4))
      : leaves[Math.floor(rnd() * leaves.length)];
  }
  if (rnd() < 0.25) {
    const f = UNARY[Math.floor(rnd() * UNARY.length)];
    return `${f}(${expression(rnd, leaves, size - 1)})`;
  }
  const left = Math.floor(rnd() * size);
  const op = BINARY[Math.floor(rnd() * BINARY.length)];
  return `(${expression(rnd, leaves, left)} ${op} ${expression(rnd, leaves, size - 1 - left)})`;
}

/**
 * Named intermediates built from inputs and earlier names (shared subexpressions), summed at
 * the end so that everything feeds the output.
 */
export function sharedProgram(statements: number, seed = 1): string {
  const rnd = random(seed);
  const inputs = Math.max(2, Math.round(Math.sqrt(statements)));
  const names: string[] = [];
  const lines: string[] = [];
  for (let i = 1; i <= inputs; i++) {
    lines.push(`x${i} = ${(Math.round((rnd() * 4 - 2) * 10) / 10).toString()}`);
    names.push(`x${i}`);
  }
  const unused = new Set<string>();
  for (let s = 1; s <= statements; s++) {
    // Mostly recent names, sometimes old ones: long edges, as real programs have.
    const pool = names.slice(-6).concat(names.slice(0, inputs));
    const name = `a${s}`;
    lines.push(`${name} = ${expression(rnd, pool, 1 + Math.floor(rnd() * 3))}`);
    for (const p of pool) if (lines[lines.length - 1].includes(p)) unused.delete(p);
    names.push(name);
    unused.add(name);
  }
  lines.push(`f = ${[...unused].join(' + ')}`);
  return lines.join('\n');
}

/** One long expression (a tree) over a handful of shared inputs, no names. */
export function treeProgram(size: number, seed = 1): string {
  const rnd = random(seed);
  const inputs = ['x', 'y', 'z', 'w', 'b'];
  return expression(rnd, inputs, size);
}

export type ProgramFamily = 'network' | 'shared' | 'tree';

/**
 * A program of the family whose graph has about `nodes` nodes: the generator's size parameter
 * is searched until the engine's graph comes within ~10% (the caller counts with `countNodes`).
 */
export function programOfSize(
  family: ProgramFamily,
  nodes: number,
  countNodes: (source: string) => number,
  seed = 1,
): string {
  const make = (k: number): string => {
    if (family === 'network') {
      const width = Math.max(1, Math.round(k));
      return networkProgram([width, width, Math.max(1, Math.round(width / 2)), 1]);
    }
    if (family === 'shared') return sharedProgram(Math.max(1, Math.round(k)), seed);
    return treeProgram(Math.max(1, Math.round(k)), seed);
  };
  let lo = 1;
  let hi = 2;
  while (countNodes(make(hi)) < nodes) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (countNodes(make(mid)) < nodes) lo = mid;
    else hi = mid;
  }
  const a = make(lo);
  const b = make(hi);
  return Math.abs(countNodes(a) - nodes) <= Math.abs(countNodes(b) - nodes) ? a : b;
}
