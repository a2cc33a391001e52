import {
  checkAnswer,
  practiceQuestions,
  type Analysis,
  type LensStep,
  type PracticeQuestion,
  type QuestionKind,
} from '../engine';
import { tensorEngine } from '../engine/tensor/hook';
import type { ProductCheck, TensorQuestion, TensorQuestionKind } from '../engine/tensor/practice';
import type { TensorStep } from '../engine/tensor/run';
import type { Shape } from '../engine/tensor/types';
import { activeSteps } from './modes';
import type { AppState, AppStore, SourceError } from './types';

/**
 * Practice mode (issue 16): "Next step" stops on each step that reveals a number, hides it, and
 * asks for it. What is answered is kept per program in the browser, so the score survives a
 * reload and a step answered once stays revealed. The questions come from
 * `engine/practice.ts`; what the graph, the formula panel, the inspector, the narration and the
 * export hide is decided from this slice in one place, `selectStepState` (stepState.ts).
 */

/**
 * How a question went: `right` on the first try, `late` after a wrong try, `shown` by "Show
 * answer", `missed` a wrong try with the question still open.
 */
export type Outcome = 'right' | 'late' | 'shown' | 'missed';

/** A question's kind: a scalar step's number, or a matrix step's shape, formula or entry. */
export type AnyQuestionKind = QuestionKind | TensorQuestionKind;

/** What "Check" or "Show answer" said last. */
export interface PracticeFeedback {
  /** The program, the step and the question it is about: shown only while they are on screen. */
  readonly key: string;
  readonly k: number;
  readonly question: AnyQuestionKind;
  readonly kind: 'correct' | 'wrong' | 'invalid' | 'shown';
  /** A matrix step's shape question: the shape that was typed (read), when it was wrong. */
  readonly shape?: Shape;
  /** A matrix step's formula question: the product checked (piece indices) and the verdict. */
  readonly product?: readonly number[];
  readonly check?: ProductCheck;
  /** For `invalid`: what could not be read, located in `answer`, the text as it was checked. */
  readonly error?: SourceError;
  readonly answer?: string;
  /** Counts Check presses, so the same verdict said twice is announced twice. */
  readonly seq: number;
}

export interface PracticeState {
  readonly on: boolean;
  /** Outcomes by program key (`programKey`), then by question id (`questionId`). */
  readonly log: Readonly<Record<string, Readonly<Record<string, Outcome>>>>;
  readonly feedback: PracticeFeedback | null;
  /** What is typed in "Your answer": kept here, so nothing typed is lost when a panel re-mounts. */
  readonly draft: string;
  /** A matrix step's formula question: the pieces picked so far, in order (issue 16). */
  readonly product: readonly number[];
}

export interface PracticeActions {
  setPractice(on: boolean): void;
  setDraft(text: string): void;
  /** "Check": compares the draft with the number the current question asks for. */
  submitAnswer(): void;
  /** "Show answer": reveals the current question's number (not counted as right). */
  revealAnswer(): void;
  /** "Start over": forgets this program's answers and goes back to the start. */
  startOver(): void;
  /** A formula question's pieces: add one at the end, take the last back, or start again. */
  pickPiece(piece: number): void;
  undoPiece(): void;
  clearPieces(): void;
  /**
   * "Check my backward pass" (issue 12): the program becomes its forward pass followed by an
   * empty `d…` line per input and named value (`dfdx = `), which "Your backward pass" checks as
   * they are written. A program that already holds gradient lines is left as it is.
   */
  startBackwardExercise(): Promise<void>;
}

export const DEFAULT_PRACTICE: PracticeState = {
  on: false,
  log: {},
  feedback: null,
  draft: '',
  product: [],
};

/** What practice mode shows at the current step. */
export interface PracticeView {
  readonly key: string;
  readonly k: number;
  readonly step: LensStep | undefined;
  /** A scalar step's questions (none on a matrix program: see `tensor`). */
  readonly questions: readonly PracticeQuestion[];
  /**
   * A matrix program's step and its questions (engine/tensor/practice.ts); `index`, `pending`,
   * `score` and `feedback` count these then.
   */
  readonly tensor?: {
    readonly step: TensorStep | undefined;
    readonly questions: readonly TensorQuestion[];
  };
  /** The question being asked; `questions.length` once the step's are all answered. */
  readonly index: number;
  /** A question of this step is still open: its numbers are hidden, "Next step" waits. */
  readonly pending: boolean;
  /** Kinds of this step's questions still open: their numbers are hidden. */
  readonly hidden: readonly QuestionKind[];
  readonly score: { readonly right: number; readonly asked: number };
  /** Feedback about this step, if the last Check or Show answer was here. */
  readonly feedback: PracticeFeedback | null;
}

const STORAGE_KEY = 'backprop-lens:practice';
/** Programs whose answers are kept; the least recently practised is forgotten first. */
const KEEP_PROGRAMS = 40;

const programKeys = new WeakMap<Analysis, string>();

/**
 * The program as practice remembers it: its text and every input's value (other values are
 * other answers). A short hash, so the stored record stays small.
 */
export function programKey(a: Analysis): string {
  let key = programKeys.get(a);
  if (key === undefined) {
    // A matrix program's inputs are its tensors: their numbers (randn's seed) are the answers'.
    const inputs = a.tensor
      ? a.tensor.inputs.map(
          (i) =>
            `${i.name}=${typeof i.value === 'number' ? i.value : Array.from(i.value.data).join(',')}`,
        )
      : a.inputs.map((i) => `${i.name}=${i.value}`);
    // A collapsed group plays the backward steps in another order (issue 17): step k is then
    // another question, whose answer is kept apart.
    const order = a.backward.edgeOrder === a.compiled.gradEdges ? '' : a.backward.edgeOrder.join();
    const text = `${a.source}\u0000${inputs.join(';')}${order && `\u0000${order}`}`;
    // FNV-1a, twice with different offsets: 64 bits are plenty to tell a person's programs apart.
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x811c9dc5);
    }
    key = `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
    programKeys.set(a, key);
  }
  return key;
}

export const questionId = (k: number, kind: AnyQuestionKind): string => `${k}:${kind}`;

const resolved = (o: Outcome | undefined) => o === 'right' || o === 'late' || o === 'shown';

type PracticeInput = Pick<AppState, 'analysis' | 'settings' | 'stepIndex'> & {
  practice?: PracticeState;
};

let memo: { args: unknown[]; view: PracticeView | undefined } | undefined;

/**
 * Practice at the current step, or undefined when practice is off. The same inputs give the same
 * object, so views can select it.
 */
export function selectPractice(s: PracticeInput): PracticeView | undefined {
  const p = s.practice;
  if (!p?.on || !s.analysis) return undefined;
  const args = [s.analysis, s.settings.ad, s.settings.wrt, s.stepIndex, p];
  if (memo && memo.args.every((v, i) => v === args[i])) return memo.view;
  const view = compute(s.analysis, s, p);
  memo = { args, view };
  return view;
}

function compute(a: Analysis, s: PracticeInput, p: PracticeState): PracticeView {
  const t = a.tensor;
  const steps = t ? t.steps : activeSteps({ analysis: a, settings: s.settings });
  const k = Math.max(0, Math.min(steps.length, s.stepIndex));
  const step = k > 0 && !t ? (steps as readonly LensStep[])[k - 1] : undefined;
  const questions = t ? [] : practiceQuestions(a, step);
  // A matrix program: its questions come with the tensor engine (loaded before any tensor
  // analysis exists), so the first screen carries none of it.
  const tensorStep = t && k > 0 ? t.steps[k - 1] : undefined;
  const tensorQs = t ? (tensorEngine()?.practice?.tensorQuestions(t, tensorStep) ?? []) : [];
  const kinds: readonly AnyQuestionKind[] = t
    ? tensorQs.map((q) => q.kind)
    : questions.map((q) => q.kind);
  const key = programKey(a);
  const log = p.log[key] ?? {};
  let index = 0;
  while (index < kinds.length && resolved(log[questionId(k, kinds[index])])) index++;
  let right = 0;
  let asked = 0;
  for (const id in log) {
    if (!resolved(log[id])) continue;
    asked++;
    if (log[id] === 'right') right++;
  }
  const f = p.feedback;
  return {
    key,
    k,
    step,
    questions,
    ...(t ? { tensor: { step: tensorStep, questions: tensorQs } } : {}),
    index,
    pending: index < kinds.length,
    hidden: questions.slice(index).map((q) => q.kind),
    score: { right, asked },
    feedback: f && f.key === key && f.k === k ? f : null,
  };
}

/** A question is open at the current step: "Next step" and Play wait for it. */
export const practicePending = (s: PracticeInput): boolean => selectPractice(s)?.pending ?? false;

type Set_ = (partial: Partial<AppState>) => void;
type Get = () => AppStore;

let seq = 0;

/** The practice actions, for the store (see `createAppStore`). */
export function practiceActions(set: Set_, get: Get): PracticeActions {
  const setPractice = (patch: Partial<PracticeState>) =>
    set({ practice: { ...get().practice, ...patch } });

  /** Records an outcome for the current question and saves the log. */
  const record = (view: PracticeView, kind: AnyQuestionKind, outcome: Outcome) => {
    const { log } = get().practice;
    const mine = { ...(log[view.key] ?? {}), [questionId(view.k, kind)]: outcome };
    const next = { ...log, [view.key]: mine };
    setPractice({ log: next });
    saveLog(next, view.key);
  };

  return {
    setPractice(on) {
      if (on === get().practice.on) return;
      if (on) get().pause();
      setPractice({
        on,
        feedback: null,
        ...(on ? { log: { ...loadLog(), ...get().practice.log } } : {}),
      });
    },
    setDraft(draft) {
      setPractice({ draft });
    },
    submitAnswer() {
      const view = selectPractice(get());
      if (!view?.pending) return;
      const { draft: text, product } = get().practice;
      // A matrix step's answer (a shape, a product of pieces, an entry) is checked by the tensor
      // engine's practice module, loaded with the engine (engine/tensor/practice.ts).
      const tq = view.tensor?.questions[view.index];
      const kind = tq?.kind ?? view.questions[view.index].kind;
      const check = tq
        ? tensorEngine()?.practice?.checkTensorAnswer(tq, text, product)
        : checkAnswer(text, view.questions[view.index].expected);
      if (!check || check.kind === 'empty') return;
      const base = { key: view.key, k: view.k, question: kind, seq: ++seq };
      if (check.kind === 'invalid') {
        const e = check.error;
        const error = {
          code: e.code,
          params: e.params,
          message: e.message,
          start: e.start,
          end: e.end,
        };
        // Nothing typed is lost: the text stays in the field to be corrected.
        setPractice({ feedback: { ...base, kind: 'invalid', error, answer: text } });
        return;
      }
      const before = get().practice.log[view.key]?.[questionId(view.k, kind)];
      if (check.kind === 'correct') {
        record(view, kind, before === 'missed' ? 'late' : 'right');
        setPractice({ feedback: { ...base, kind: 'correct' }, draft: '', product: [] });
      } else {
        // A product whose shapes do not chain is a wrong try like any other.
        if (before === undefined) record(view, kind, 'missed');
        // The wrong answer stays in the field (a product stays picked), to be corrected.
        const { shape, check: productCheck } = check as { shape?: Shape; check?: ProductCheck };
        setPractice({
          feedback: {
            ...base,
            kind: 'wrong',
            ...(shape ? { shape } : {}),
            ...(productCheck ? { product, check: productCheck } : {}),
          },
        });
      }
    },
    revealAnswer() {
      const view = selectPractice(get());
      if (!view?.pending) return;
      const kind = view.tensor
        ? view.tensor.questions[view.index].kind
        : view.questions[view.index].kind;
      record(view, kind, 'shown');
      setPractice({
        feedback: { key: view.key, k: view.k, question: kind, kind: 'shown', seq: ++seq },
        draft: '',
        product: [],
      });
    },
    pickPiece(piece) {
      setPractice({ product: [...get().practice.product, piece] });
    },
    undoPiece() {
      setPractice({ product: get().practice.product.slice(0, -1) });
    },
    clearPieces() {
      setPractice({ product: [] });
    },
    startBackwardExercise() {
      const source = get().source;
      // Its own chunk, with the reader of gradient lines: the first screen never needs it.
      return import('../engine/backwardExercise').then(
        ({ backwardExercise }) => {
          if (get().source !== source) return; // typed on meanwhile: nothing typed is lost
          const exercise = backwardExercise(source, get().values, get().reading);
          if (exercise && exercise.source !== source) {
            get().setSource(exercise.source, { immediate: true });
          }
        },
        () => undefined,
      );
    },
    startOver() {
      const a = get().analysis;
      if (!a) return;
      const key = programKey(a);
      const log = { ...get().practice.log };
      delete log[key];
      setPractice({ log, feedback: null, draft: '', product: [] });
      saveLog(log, null);
      get().goTo(0);
    },
  };
}

/** The answers kept in this browser; {} where storage is missing, disabled or unreadable. */
function loadLog(): Record<string, Record<string, Outcome>> {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return {};
    const out: Record<string, Record<string, Outcome>> = {};
    for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
      const q = (entry as { q?: unknown } | null)?.q;
      if (!/^[0-9a-z]{1,20}$/.test(key) || typeof q !== 'object' || q === null) continue;
      const clean: Record<string, Outcome> = {};
      for (const [id, o] of Object.entries(q as Record<string, unknown>)) {
        if (/^\d{1,9}:(value|local|contribution|sum|shape|formula|entry)$/.test(id) && isOutcome(o))
          clean[id] = o;
      }
      out[key] = clean;
    }
    return out;
  } catch {
    return {};
  }
}

const isOutcome = (o: unknown): o is Outcome =>
  o === 'right' || o === 'late' || o === 'shown' || o === 'missed';

/** Saves the log, `touched` as the most recently practised program; forgets the oldest beyond 40. */
function saveLog(
  log: Readonly<Record<string, Readonly<Record<string, Outcome>>>>,
  touched: string | null,
) {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const raw = storage.getItem(STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as Record<string, { t?: number }>) : {};
    const now = Date.now();
    const entries = Object.entries(log)
      .filter(([, q]) => Object.keys(q).length > 0)
      .map(([key, q]) => ({
        key,
        q,
        t: key === touched ? now : Number(stored?.[key]?.t) || 0,
      }))
      .sort((x, y) => y.t - x.t)
      .slice(0, KEEP_PROGRAMS);
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify(Object.fromEntries(entries.map((e) => [e.key, { q: e.q, t: e.t }]))),
    );
  } catch {
    // Storage full or disabled (private windows): the score lasts as long as the page.
  }
}
