import type { Analysis } from './analysis';
import type { Statement } from './ast';
import { backward } from './backward';
import type { HandWrittenGradient } from './backwardTypes';
import { forward } from './forward';
import { buildGraph, type CompiledGraph } from './graph';
import { NEVER } from './trace';

/** Two numbers agree when they differ by at most this fraction of the larger (or 1e-9). */
export const GRADIENT_RTOL = 1e-6;

/**
 * Why a line is not checked: a list (`dw = [ … ]`, checked once tensor values exist); it reads a
 * list; it reads a name nothing defines; its quantity is a constant, which has no gradient.
 */
export type UncheckedReason = 'list' | 'readsList' | 'undefinedName' | 'constant';

export interface HandWrittenCheck {
  readonly gradient: HandWrittenGradient;
  /** The quantity differentiated, as formulas write it: `f`, or the output's name for `dx`. */
  readonly of: string;
  readonly status: 'ok' | 'wrong' | 'unchecked';
  /** The line's value, computed with the program's values. */
  readonly value?: number;
  /** The engine's value of ∂of/∂wrt. */
  readonly expected?: number;
  readonly reason?: UncheckedReason;
  /** The name behind `readsList` or `undefinedName`. */
  readonly culprit?: string;
  /**
   * Index in `analysis.steps` of the step that computes the right value: where ∂output/∂wrt is
   * complete, or for ∂q/∂x with q consuming x, the backward step whose local factor it is.
   */
  readonly step?: number;
}

/**
 * Checks each hand-written gradient of `analysis` against the engine's, in source order. A line
 * is evaluated with the program's values, and may read forward names and earlier gradient lines.
 *
 * @example
 * checkBackwardPass(analyze('x = 3; f = x * x; dfdx = x'))[0] // { status: 'wrong', value: 3, expected: 6, … }
 */
export function checkBackwardPass(analysis: Analysis): readonly HandWrittenCheck[] {
  const pass = analysis.backwardPass;
  if (!pass || pass.gradients.length === 0) return [];
  const values = analysis.values ?? {};
  const whole = buildGraph(pass.program, values);
  const wholeValue = forward(whole).value;
  const wholeNode = nodesByName(whole);
  const fwd = analysis.compiled;
  const fwdNode = nodesByName(fwd);
  const outputName = fwd.names[fwd.output] ?? analysis.graph.nodes[fwd.output].symbol.text;
  const byName = new Map(pass.gradients.map((g) => [g.name, g]));

  /** What a line reads that cannot be evaluated: a list, or a name nothing defines. */
  const blocker = (g: HandWrittenGradient, seen = new Set<string>()): Blocker | undefined => {
    for (const r of g.reads) {
      if (pass.forwardNames.has(r) || seen.has(r)) continue;
      seen.add(r);
      const other = byName.get(r);
      if (!other || other.span.start > g.span.start) return { reason: 'undefinedName', culprit: r };
      if (other.list) return { reason: 'readsList', culprit: r };
      const inner = blocker(other, seen);
      if (inner) return inner;
    }
    return undefined;
  };

  return pass.gradients.map((g): HandWrittenCheck => {
    const of = g.of ?? outputName;
    if (g.list) return { gradient: g, of, status: 'unchecked', reason: 'list' };
    const blocked = blocker(g);
    if (blocked) return { gradient: g, of, status: 'unchecked', ...blocked };
    const value = wholeValue[wholeNode.get(g.name)!];
    const truth = trueGradient(
      analysis,
      pass.forwardStatements,
      values,
      g.of ?? null,
      g.wrt,
      fwdNode,
    );
    if (truth === 'constant')
      return { gradient: g, of, status: 'unchecked', value, reason: 'constant' };
    return {
      gradient: g,
      of,
      status: agrees(value, truth.value) ? 'ok' : 'wrong',
      value,
      expected: truth.value,
      ...(truth.step !== undefined ? { step: truth.step } : {}),
    };
  });
}

interface Blocker {
  readonly reason: UncheckedReason;
  readonly culprit: string;
}

/** `value` agrees with `expected` to `GRADIENT_RTOL` (NaN agrees with NaN, ∞ with ∞). */
export function agrees(value: number, expected: number): boolean {
  if (!Number.isFinite(expected) || !Number.isFinite(value)) return Object.is(value, expected);
  return (
    Math.abs(value - expected) <=
    1e-9 + GRADIENT_RTOL * Math.max(Math.abs(value), Math.abs(expected))
  );
}

function nodesByName(g: CompiledGraph): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < g.nodeCount; i++) {
    const name = g.names[i];
    if (name !== undefined) map.set(name, i);
  }
  return map;
}

/**
 * ∂of/∂wrt with the program's values. Of the output (or `of` null): the analysis's own gradient
 * and the step that completes it. Of an intermediate q: the forward program up to q, run with q
 * as its output; its step is the backward step along the edge x → q, if q reads x directly.
 */
function trueGradient(
  analysis: Analysis,
  statements: readonly Statement[],
  values: Readonly<Record<string, number>>,
  of: string | null,
  wrt: string,
  fwdNode: ReadonlyMap<string, number>,
): { value: number; step?: number } | 'constant' {
  const g = analysis.compiled;
  const { trace } = analysis;
  const wrtNode = fwdNode.get(wrt);
  const ofNode = of === null ? g.output : fwdNode.get(of);
  if (wrtNode === undefined || ofNode === undefined) return { value: 0 };
  if (!g.variable[wrtNode]) return 'constant';
  if (ofNode === g.output) {
    const step = trace.nodeGradStep[wrtNode];
    return { value: analysis.backward.grad[wrtNode], ...(step !== NEVER ? { step } : {}) };
  }
  const program = analysis.backwardPass!.program;
  const last = statements.findIndex((s) => s.target >= 0 && program.names[s.target] === of);
  if (last < 0) return { value: 0 }; // `of` is an input: it does not depend on another name
  const part = buildGraph({ ...program, statements: statements.slice(0, last + 1) }, values);
  const partWrt = nodesByName(part).get(wrt);
  if (partWrt === undefined) return { value: 0 }; // defined after `of`
  const grad = backward(part, forward(part).value).grad[partWrt];
  let step: number | undefined;
  for (let e = g.inStart[ofNode]; e < g.inStart[ofNode + 1]; e++) {
    if (g.edgeFrom[e] === wrtNode && trace.edgeGradStep[e] !== NEVER) step = trace.edgeGradStep[e];
  }
  return { value: grad, ...(step !== undefined ? { step } : {}) };
}
