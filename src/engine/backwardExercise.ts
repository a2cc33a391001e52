// Through the index, as `backwardPass.ts` does: this module loads on its own, after the page.
import { analyzeRead, NodeKind, type Analysis } from './index';
import { readProgram } from './backwardPass';
import type { Reading } from './backwardTypes';

/**
 * Practice's "check my backward pass" exercise (issue 12): the forward program, then one empty
 * gradient line per input and named intermediate, for the student to fill in:
 *
 *   x = -2; y = 5; z = -4
 *   q = x + y
 *   f = q * z
 *   dfdq =
 *   dfdz =
 *   dfdy =
 *   dfdx =
 *
 * Each line is named after the output (`dfdx` for output f; cs231n's shorthand `dx` where the
 * output has no name) and read back as that gradient by `readProgram`, so the "Your backward
 * pass" panel checks every line as it is written. The lines go from the output back to the
 * inputs, so a line can use those above it (`dfdx = 1.0 * dfdq`).
 */
export interface BackwardExercise {
  /** The program with its empty lines. */
  readonly source: string;
  /** The gradient lines' names, in order. */
  readonly names: readonly string[];
}

/**
 * The exercise for `source`, or null when it has nothing to ask (no input to differentiate with
 * respect to) or does not read as a scalar program. A program that already holds hand-written
 * gradient lines comes back as it is: the exercise is under way, and nothing typed is lost.
 *
 * @example
 * backwardExercise('x = 3\nf = x * x')?.source // 'x = 3\nf = x * x\ndfdx = '
 */
export function backwardExercise(
  source: string,
  values: Readonly<Record<string, number>> = {},
  reading: Reading = {},
): BackwardExercise | null {
  let analysis: Analysis;
  try {
    const read = readProgram(source, reading);
    if (read.pass && read.pass.gradients.length > 0) {
      return { source, names: read.pass.gradients.map((g) => g.name) };
    }
    analysis = analyzeRead(source, read, values);
  } catch {
    return null;
  }
  const g = analysis.compiled;
  const outputName = g.names[g.output];
  const taken = new Set(g.names.filter((n): n is string => n !== undefined));
  const names: string[] = [];
  // Later nodes first: the order a backward pass runs, so each line may use the lines above.
  for (let i = g.nodeCount - 1; i >= 0; i--) {
    const name = g.names[i];
    if (i === g.output || name === undefined || !g.variable[i]) continue;
    if (g.kind[i] !== NodeKind.Input && g.kind[i] !== NodeKind.Op) continue;
    const line = gradientName(outputName, name, taken);
    if (line !== null) names.push(line);
  }
  if (names.length === 0) return null;
  const text = `${source.replace(/\s+$/, '')}\n${names.map((n) => `${n} = `).join('\n')}`;
  return { source: text, names };
}

/**
 * `dfdx` (or `df_dx` where that reads better: a name ending or starting in `d`), `dx` for an
 * output without a name; null if every spelling is already a name of the program.
 */
function gradientName(of: string | undefined, wrt: string, taken: ReadonlySet<string>) {
  const tries =
    of === undefined ? [`d${wrt}`, `d_${wrt}`, `grad_${wrt}`] : [`d${of}d${wrt}`, `d${of}_d${wrt}`];
  return tries.find((t) => !taken.has(t)) ?? null;
}
