import {
  NEVER,
  type Analysis,
  type LensStep,
  type QuestionKind,
  type TangentTrace,
} from '../engine';
import { activeSteps, activeTangent, tensorSplit } from './modes';
import { selectPractice, type PracticeState } from './practice';
import type { Settings } from './types';

/**
 * What is known after k steps, and which part of the run they are in: the one rule the graph,
 * the inspector, the step controls, the narration and export all read, in either mode.
 *
 * - `start`: nothing played; inputs and constants are known, nothing else.
 * - `forward`: values travel; a node's value is known once its evaluation step has played.
 * - `seed`: the second pass has just started (∂f/∂f = 1, or ẋ = 1 in forward mode).
 * - `backward` / `tangent`: gradients travel back (reverse mode) or tangents forward.
 * - `done`: every step played.
 */
export type StepPhase = 'start' | 'forward' | 'seed' | 'backward' | 'tangent' | 'done';

/** The pass a played step belongs to: what the phase chips and the counter name. */
export type StepPass = 'forward' | 'backward' | 'tangent';

export interface StepState {
  /** Steps played, clamped to 0…count. */
  readonly k: number;
  /** Steps in the active list (values, then gradients or tangents). */
  readonly count: number;
  /** Where the second pass starts: the index of the seed. */
  readonly split: number;
  readonly mode: 'reverse' | 'forward';
  /** Forward mode's tangent pass; undefined in reverse mode. */
  readonly tangent: TangentTrace | undefined;
  readonly steps: readonly LensStep[];
  readonly phase: StepPhase;
  /** The step just played (what the formula panel explains); undefined at the start. */
  readonly current: LensStep | undefined;
  /** Its pass, or null at the start. */
  readonly pass: StepPass | null;
  /** The edge the current step moves something along, if it does. */
  readonly currentEdge: number | undefined;
  /** A node's forward value is on show. */
  valueKnown(node: number): boolean;
  /** The value travelling along an edge has arrived at its consumer. */
  edgeValueKnown(edge: number): boolean;
  /**
   * The node's derivative is complete: ∂f/∂node in reverse mode (a node the output does not use
   * has gradient 0, known once the backward pass starts), ṅ = ∂node/∂x in forward mode.
   */
  gradKnown(node: number): boolean;
  /**
   * Reverse mode: the sum of the shares that have arrived at the node, and whether more are to
   * come (colah's "so far"); undefined when none has arrived. Forward mode: always undefined.
   */
  gradSoFar(node: number): { readonly value: number; readonly partial: boolean } | undefined;
  /** The edge's gradient share (reverse) or tangent term (forward) has been sent along it. */
  edgeGradKnown(edge: number): boolean;
  /**
   * The edge's local derivative may be shown. Always, outside practice mode; in practice, once
   * the backward step through the edge has revealed it (before that it would give answers away).
   */
  localKnown(edge: number): boolean;
  /** Practice mode: the current step's numbers still hidden until they are answered. */
  readonly hidden: StepMask | undefined;
}

/** What practice mode hides of the current step (see `selectStepState`). */
export interface StepMask {
  /** A forward step's new value. */
  readonly value: boolean;
  /** A backward step's local derivative. */
  readonly local: boolean;
  /** The share it sends back (unknown while the local derivative is). */
  readonly contribution: boolean;
  /** The operand's gradient with this share added (unknown while the share is). */
  readonly sum: boolean;
  /** The step's questions still open, the one being asked first. */
  readonly kinds: readonly QuestionKind[];
}

export type ModeChoice = Pick<Settings, 'ad' | 'wrt'>;

const cache = new WeakMap<Analysis, Map<string, StepState>>();

/**
 * The picture after `k` steps of `analysis` in the chosen mode. Pure: the same three arguments
 * give the same answer (and the same object, so views can memoize on it).
 *
 * @example
 * const s = stepState(analyze('(x+y)*z'), { ad: 'reverse', wrt: null }, 7);
 * s.phase // 'seed'; s.gradKnown(output) // true
 */
export function stepState(analysis: Analysis, mode: ModeChoice, k: number): StepState {
  const key = `${mode.ad}:${mode.wrt ?? ''}:${k}`;
  let byKey = cache.get(analysis);
  if (!byKey) cache.set(analysis, (byKey = new Map()));
  let state = byKey.get(key);
  if (!state) {
    // One entry per step visited is plenty; a long scrub must not keep them all.
    if (byKey.size > 64) byKey.clear();
    state = compute(analysis, mode, k);
    byKey.set(key, state);
  }
  return state;
}

/**
 * The store's picture: its analysis, mode and step, with what practice mode still hides.
 * Undefined before the first analysis.
 */
export function selectStepState(s: {
  analysis: Analysis | null;
  settings: Settings;
  stepIndex: number;
  practice?: PracticeState;
}): StepState | undefined {
  if (!s.analysis) return undefined;
  const base = stepState(s.analysis, s.settings, s.stepIndex);
  const practice = selectPractice(s);
  return practice ? practiceStepState(s.analysis, s.settings, base, practice.hidden) : base;
}

const practiced = new WeakMap<StepState, Map<string, StepState>>();

/**
 * `base` as practice mode shows it: the current step's numbers named in `hidden` stay as they
 * were before the step (the picture of step k − 1 for them), and local derivatives appear only
 * once their backward step has revealed them. Same arguments, same object.
 *
 * @example
 * const s = practiceStepState(a, mode, stepState(a, mode, 3), ['value']);
 * s.valueKnown(q) // false: "What is q?" is still open
 */
export function practiceStepState(
  analysis: Analysis,
  mode: ModeChoice,
  base: StepState,
  hidden: readonly QuestionKind[],
): StepState {
  const key = hidden.join(',');
  let byKey = practiced.get(base);
  if (!byKey) practiced.set(base, (byKey = new Map()));
  let state = byKey.get(key);
  if (!state) {
    state = mask(base, stepState(analysis, mode, base.k - 1), hidden);
    byKey.set(key, state);
  }
  return state;
}

function mask(base: StepState, before: StepState, kinds: readonly QuestionKind[]): StepState {
  const has = (kind: QuestionKind) => kinds.includes(kind);
  const local = has('local');
  const contribution = local || has('contribution');
  const hidden: StepMask | undefined =
    kinds.length === 0
      ? undefined
      : { value: has('value'), local, contribution, sum: contribution || has('sum'), kinds };
  const step = base.current;
  const node = step?.kind === 'forward-node' ? step.node : undefined;
  const edge = step?.kind === 'backward-edge' ? step.edge : undefined;
  const operand = step?.kind === 'backward-edge' ? step.to : undefined;
  const valueKnown = (n: number) => !(hidden?.value && n === node) && base.valueKnown(n);
  const edgeGradKnown = (e: number) =>
    hidden?.contribution && e === edge ? false : base.edgeGradKnown(e);
  return {
    ...base,
    hidden,
    valueKnown,
    edgeGradKnown,
    gradKnown: (n) => (hidden?.sum && n === operand ? before.gradKnown(n) : base.gradKnown(n)),
    gradSoFar: (n) => (hidden?.sum && n === operand ? before.gradSoFar(n) : base.gradSoFar(n)),
    localKnown: (e) => (e === edge ? !hidden?.local : edgeGradKnown(e)),
  };
}

function compute(a: Analysis, mode: ModeChoice, kIn: number): StepState {
  const modeState = { analysis: a, settings: { ad: mode.ad, wrt: mode.wrt } as Settings };
  const tangent = activeTangent(modeState);
  const steps = activeSteps(modeState);
  // A tensor program (issue 15) steps through its own trace; its graph reads the numbers from
  // it, and the scalar views see no scalar step (`current` stays undefined).
  const count = a.tensor ? a.tensor.steps.length : steps.length;
  const k = Math.max(0, Math.min(count, Math.floor(kIn)));
  const { trace } = a;
  const g = a.compiled;
  const split = tensorSplit(a);
  const current = k > 0 && !a.tensor ? steps[k - 1] : undefined;
  const played = k > 0 ? (a.tensor?.steps[k - 1] ?? current) : undefined;
  const pass: StepPass | null = played
    ? played.phase === 'forward'
      ? 'forward'
      : played.phase === 'tangent'
        ? 'tangent'
        : 'backward'
    : null;
  const phase: StepPhase =
    k === 0
      ? 'start'
      : k === count
        ? 'done'
        : k <= split
          ? 'forward'
          : k === split + 1
            ? 'seed'
            : tangent
              ? 'tangent'
              : 'backward';
  const currentEdge =
    current &&
    (current.kind === 'forward-edge' ||
      current.kind === 'backward-edge' ||
      current.kind === 'tangent-edge')
      ? current.edge
      : undefined;
  const secondPassStarted = k > split;

  const valueKnown = (node: number) => trace.nodeValueStep[node] < k;
  const edgeValueKnown = (edge: number) => trace.edgeValueStep[edge] < k;

  const gradKnown = tangent
    ? (node: number) => tangent.nodeStep[node] < k || (k === count && node === g.output)
    : (node: number) =>
        trace.nodeGradStep[node] < k ||
        (trace.nodeGradStep[node] === NEVER && g.variable[node] === 1 && secondPassStarted);

  const gradSoFar = (node: number) => {
    if (tangent) return undefined;
    const first = trace.arrivalStart[node];
    const end = trace.arrivalStart[node + 1];
    let last = -1;
    for (let s = first; s < end; s++) if (trace.edgeGradStep[trace.arrivalEdges[s]] < k) last = s;
    if (last < 0) return undefined;
    return { value: a.backward.runningSum[trace.arrivalEdges[last]], partial: last < end - 1 };
  };

  const edgeGradKnown = tangent
    ? (edge: number) => tangent.edgeStep[edge] < k
    : (edge: number) => trace.edgeGradStep[edge] !== NEVER && trace.edgeGradStep[edge] < k;

  return {
    k,
    count,
    split,
    mode: tangent ? 'forward' : 'reverse',
    tangent,
    steps,
    phase,
    current,
    pass,
    currentEdge,
    valueKnown,
    edgeValueKnown,
    gradKnown,
    gradSoFar,
    edgeGradKnown,
    localKnown: () => true,
    hidden: undefined,
  };
}
