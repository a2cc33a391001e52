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
 * list; it reads a name nothing defines; its quantity is a constant, which has no gradient; it is
 * still blank (`dfdx =`); it reads a blank line; it is a share (`dx = …` before `dx += …`) that is
 * no sum of the true gradient's shares (only the name's last line is held to the whole gradient).
 */
export type UncheckedReason =
  'list' | 'readsList' | 'undefinedName' | 'constant' | 'blank' | 'readsBlank' | 'partial';

export interface HandWrittenCheck {
  readonly gradient: HandWrittenGradient;
  /** The quantity differentiated, as formulas write it: `f`, or the output's name for `dx`. */
  readonly of: string;
  readonly status: 'ok' | 'wrong' | 'unchecked';
  /**
   * The name is written again further down (`dx = …`, then `dx += …`): this line holds a share
   * of the gradient so far. It is `ok` when it is the sum of some of the paths' shares.
   */
  readonly partial?: boolean;
  /** The line's value (for `+=`, the name's value after it), computed with the program's values. */
  readonly value?: number;
  /** The engine's value of ∂of/∂wrt. */
  readonly expected?: number;
  readonly reason?: UncheckedReason;
  /** The name behind `readsList`, `readsBlank` or `undefinedName`. */
  readonly culprit?: string;
  /**
   * Index in `analysis.steps` of the step that computes the right value: where ∂output/∂wrt is
   * complete, or for ∂q/∂x with q consuming x, the backward step whose local factor it is.
   */
  readonly step?: number;
}

/**
 * Checks each hand-written gradient of `analysis` against the engine's, in source order. The
 * lines run one after another, as Python runs them: a line may read forward names and gradient
 * lines above it, `dx += e` adds to `dx` (from 0), and a name written twice holds its last value.
 * Each name's last line is held to the true gradient; an earlier one is a share so far.
 *
 * @example
 * checkBackwardPass(analyze('x = 3; f = x * x; dfdx = x'))[0] // { status: 'wrong', value: 3, expected: 6, … }
 */
export function checkBackwardPass(analysis: Analysis): readonly HandWrittenCheck[] {
  const pass = analysis.backwardPass;
  if (!pass || pass.gradients.length === 0) return [];
  const values = analysis.values ?? {};
  const { program } = pass;
  const statementAt = new Map(program.statements.map((s) => [s.start, s]));
  const fwd = analysis.compiled;
  const fwdNode = nodesByName(fwd);
  const outputName = fwd.names[fwd.output] ?? analysis.graph.nodes[fwd.output].symbol.text;
  const last = new Map<string, HandWrittenGradient>();
  for (const g of pass.gradients) last.set(g.name, g);

  /** What each gradient name holds after the lines so far: a value, or why it has none. */
  const held = new Map<string, number | Blocker>();

  /** `g`'s right-hand side with the program's values and the gradients held so far. */
  const evaluate = (g: HandWrittenGradient): number => {
    const given: Record<string, number> = {};
    const put = (name: string, v: number) =>
      Object.defineProperty(given, name, { value: v, enumerable: true, writable: true });
    for (const [name, v] of Object.entries(values)) if (name !== g.name) put(name, v);
    for (const [name, v] of held) if (name !== g.name && typeof v === 'number') put(name, v);
    const s = statementAt.get(g.span.start)!;
    const graph = buildGraph({ ...program, statements: [...pass.forwardStatements, s] }, given);
    const v = forward(graph).value;
    return v[nodesByName(graph).get(g.name) ?? graph.output];
  };

  return pass.gradients.map((g): HandWrittenCheck => {
    const of = g.of ?? outputName;
    const base = { gradient: g, of, ...(last.get(g.name) !== g ? { partial: true } : {}) };
    const stop = (blocked: Blocker, value?: number): HandWrittenCheck => {
      held.set(g.name, blocked);
      return {
        ...base,
        status: 'unchecked',
        ...blocked,
        ...(value !== undefined ? { value } : {}),
      };
    };
    if (g.list || g.blank) {
      // What a later line reading this name is told (`readsList`, `readsBlank`) names it.
      const reason = g.list ? 'list' : 'blank';
      held.set(g.name, { reason, culprit: g.name });
      return { ...base, status: 'unchecked', reason };
    }
    const before = held.get(g.name);
    const blocked = g.reads.map((r) => blockerOf(r, pass.forwardNames, held)).find(Boolean);
    if (blocked) return stop(blocked);
    if (g.accumulate && before !== undefined && typeof before !== 'number') {
      return stop(before.reason === 'blank' ? { reason: 'readsBlank', culprit: g.name } : before);
    }
    const value = evaluate(g) + (g.accumulate && typeof before === 'number' ? before : 0);
    held.set(g.name, value);
    const truth = trueGradient(analysis, pass.forwardStatements, values, g.of, g.wrt, fwdNode);
    if (truth === 'constant') return { ...base, status: 'unchecked', value, reason: 'constant' };
    const step = truth.step !== undefined ? { step: truth.step } : {};
    if (base.partial) {
      // A share so far: right if it is the sum of some of the paths' shares into `wrt`.
      const ok = agrees(value, truth.value) || isShareSum(analysis, g, fwdNode, value);
      return ok
        ? { ...base, status: 'ok', value, expected: truth.value }
        : {
            ...base,
            status: 'unchecked',
            value,
            expected: truth.value,
            reason: 'partial',
            ...step,
          };
    }
    return {
      ...base,
      status: agrees(value, truth.value) ? 'ok' : 'wrong',
      value,
      expected: truth.value,
      ...step,
    };
  });
}

/** Why a line reading `name` cannot be evaluated, if it cannot. */
function blockerOf(
  name: string,
  forwardNames: ReadonlySet<string>,
  held: ReadonlyMap<string, number | Blocker>,
): Blocker | undefined {
  if (forwardNames.has(name)) return undefined;
  const h = held.get(name);
  if (h === undefined) return { reason: 'undefinedName', culprit: name };
  if (typeof h === 'number') return undefined;
  if (h.reason === 'list') return { reason: 'readsList', culprit: name };
  if (h.reason === 'blank') return { reason: 'readsBlank', culprit: name };
  return h;
}

/** Most shares (paths out of one name) whose sums are tried: 2¹² sums at most. */
const MAX_SHARES = 12;

/**
 * `value` is the sum of some of the shares ∂out/∂c · ∂c/∂wrt that reach `wrt` from its
 * consumers c (of the output only: a share of ∂q/∂x is not looked for).
 */
function isShareSum(
  analysis: Analysis,
  g: HandWrittenGradient,
  fwdNode: ReadonlyMap<string, number>,
  value: number,
): boolean {
  if (g.of !== null && fwdNode.get(g.of) !== analysis.compiled.output) return false;
  const node = fwdNode.get(g.wrt);
  if (node === undefined) return false;
  const c = analysis.compiled;
  const shares: number[] = [];
  for (let e = 0; e < c.edgeCount; e++) {
    if (c.edgeFrom[e] === node) shares.push(analysis.backward.contribution[e]);
  }
  if (shares.length > MAX_SHARES) return false;
  for (let mask = 1; mask < 1 << shares.length; mask++) {
    let sum = 0;
    for (let i = 0; i < shares.length; i++) if (mask & (1 << i)) sum += shares[i];
    if (agrees(value, sum)) return true;
  }
  return false;
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
  of: string | null | undefined,
  wrt: string,
  fwdNode: ReadonlyMap<string, number>,
): { value: number; step?: number } | 'constant' {
  const g = analysis.compiled;
  const { trace } = analysis;
  const wrtNode = fwdNode.get(wrt);
  const ofNode = of == null ? g.output : fwdNode.get(of);
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
