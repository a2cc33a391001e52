import { indexForm, writeIndexForm, type IndexForm } from '../../engine/tensor/indexForm';
import type { TensorAnalysis } from '../../engine/tensor/run';

/** A cell a drilled entry reads, as a key: node, value or gradient, flat index. */
export const readKey = (node: number, of: 'value' | 'grad', at: number) => `${node}:${of}:${at}`;

/** One gradient entry in index form as far as the steps played have sent its shares. */
export interface EntryView {
  readonly form: IndexForm;
  readonly tex: string;
  readonly text: string;
  /** The cells its terms read (`readKey`), lit up on the graph. */
  readonly reads: ReadonlySet<string>;
  /** Names of the nodes those cells belong to, in order of first use. */
  readonly sources: readonly number[];
  /** Shares arrived so far, of how many (a fork has several). */
  readonly arrived: number;
  readonly count: number;
}

/**
 * Entry `entry.at` of ∂L/∂(entry.node) after `stepIndex` steps: the index form with only the
 * shares whose backward step was played, so the sum is the number the gradient grid shows (a
 * fork's running sum before its last share). Null when the entry's gradient is not known yet.
 */
export function entryView(
  tensor: TensorAnalysis,
  entry: { node: number; at: number },
  stepIndex: number,
): EntryView | null {
  const g = tensor.graph;
  const n = g.nodes[entry.node];
  if (!n || entry.at < 0 || entry.at >= n.size) return null;
  const played = new Set<number>();
  let seeded = false;
  for (let k = 0; k < Math.min(stepIndex, tensor.steps.length); k++) {
    const s = tensor.steps[k];
    if (s.kind === 'backward-edge') played.add(s.edge);
    else if (s.kind === 'seed') seeded = true;
  }
  const full = indexForm(g, tensor.run, entry.node, entry.at);
  const parts = full.parts.filter((p) => played.has(p.edge));
  if (full.seed ? !seeded : parts.length === 0) return null;
  let total = full.seed ? 1 : 0;
  for (const p of parts) total += p.sum;
  const form: IndexForm = { ...full, parts, total };
  const reads = new Set<string>();
  const sources: number[] = [];
  for (const p of parts)
    for (const term of p.terms)
      for (const r of term.reads) {
        reads.add(readKey(r.node, r.of, r.at));
        if (!sources.includes(r.node)) sources.push(r.node);
      }
  const { tex, text } = writeIndexForm(form);
  return { form, tex, text, reads, sources, arrived: parts.length, count: full.parts.length };
}
