import type { LayoutInput } from './types';

/**
 * A name for each node (by index) that survives an edit elsewhere in the program, where node ids
 * do not (ids are program order: a node added to one statement renumbers every later one). A
 * named node (an input, a statement's result) is its name; any other node is the statement it
 * belongs to with its operation and how many of that operation came before it there (`L:pow:1`,
 * the second square of `L = …`). So a statement's nodes keep their names while another statement
 * changes. Nodes of no named statement are numbered by operation across the program; nodes
 * without `op` (a collapsed group's box) by their id.
 *
 * @example
 * stableKeys(toLayoutInput(analyze('x = 1\nh = x * 2\nf = h + x'), layoutSize))
 * // ['x', 'h:const:0', 'h', 'f']
 */
export function stableKeys(input: Pick<LayoutInput, 'nodes'>): string[] {
  const nodes = input.nodes;
  const keys: string[] = new Array<string>(nodes.length);
  const owner = new Array<string | undefined>(nodes.length);
  // A statement's nodes lie inside its result's span, just before it in program order.
  for (let root = nodes.length - 1; root >= 0; root--) {
    const r = nodes[root];
    if (r.name === undefined || r.kind !== 'op' || !r.span) continue;
    for (let i = root - 1; i >= 0; i--) {
      const span = nodes[i].span;
      if (!span || span[0] < r.span[0] || span[1] > r.span[1]) break;
      if (nodes[i].kind !== 'input' && owner[i] === undefined) owner[i] = r.name;
    }
  }
  const seen = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.name !== undefined) keys[i] = n.name;
    else if (n.op === undefined) keys[i] = `#${n.id}`;
    else {
      const base = `${owner[i] ?? ''}:${n.op}`;
      const k = seen.get(base) ?? 0;
      seen.set(base, k + 1);
      keys[i] = `${base}:${k}`;
    }
  });
  return keys;
}

/**
 * `input` with each node that stood in `input.previous` (same stable key) marked with where it
 * stood (`was`), for `anchor`; `input` itself when it has no previous drawing. Never changes
 * `input`.
 */
export function withPrevious(input: LayoutInput): LayoutInput {
  const { previous, ...rest } = input;
  if (!previous) return input;
  const oldKeys = stableKeys(previous.input);
  const index = new Map(previous.input.nodes.map((n, i) => [n.id, i]));
  const at = new Map<string, { x: number; y: number; layer: number }>();
  for (const p of previous.layout.nodes) {
    const i = index.get(p.id);
    if (i !== undefined) at.set(oldKeys[i], { x: p.x, y: p.y, layer: p.layer });
  }
  const keys = stableKeys(input);
  return {
    ...rest,
    nodes: input.nodes.map((n, i) => {
      const was = at.get(keys[i]);
      return was ? { ...n, was } : n;
    }),
  };
}
