import {
  guessParams,
  paramSlots,
  stepCompiled,
  trainCompiled,
  type Analysis,
  type DescentStep,
  type TrainPoint,
  type TrainResult,
} from '../engine';
import type { Example } from '../examples';
import { selectAtEnd, selectPhase, structureKey } from './selectors';
import type { AppState, AppStore } from './types';

/**
 * The store's training slice: gradient descent on the program in the editor, its output taken
 * as the loss (seeds 000 and 001). The numbers come from `engine/descent.ts`; new parameter
 * values are written back into the program through `setValues`, so the text, the graph and a
 * shared link agree.
 */
export interface TrainingState {
  /** Inputs marked as parameters; null means the guess by name (w…, b…, theta, weights, biases). */
  params: readonly string[] | null;
  learningRate: number;
  /** How many updates "Train" makes at most. */
  steps: number;
  /** "Train" stops once the loss is below this (null: run all `steps`). */
  lossBelow: number | null;
  /** Iterations so far: history[0] is where training started. */
  history: readonly TrainPoint[];
  /** `structureKey` of the program the history belongs to: a different graph starts afresh. */
  historyKey: string | null;
  /** The update "Take one step" made last, shown as the iteration's third phase. */
  lastUpdate: DescentStep | TensorUpdate | null;
  /** The program text right after that update: once it changes, the update phase is over. */
  updateSource: string | null;
  /** Why the last "Train" stopped. */
  stopped: { reason: TrainResult['stopped']; steps: number } | null;
}

/**
 * A tensor program's update (issue 15): every entry of each parameter moved at once, so the
 * panel writes the rule with the parameters' shapes rather than one number per parameter.
 */
export interface TensorUpdate {
  readonly kind: 'tensor';
  readonly loss: number;
  readonly lossAfter: number;
  readonly lr: number;
  readonly params: readonly { readonly name: string; readonly shape: readonly number[] }[];
}

export interface TrainingActions {
  setParam(name: string, isParam: boolean): void;
  setLearningRate(lr: number): void;
  setTrainOptions(patch: { steps?: number; lossBelow?: number | null }): void;
  /** Plays the trace to its end (forward, backward), then updates the parameters and re-runs. */
  takeStep(): void;
  /** Runs `steps` updates, or until the loss is below `lossBelow`, and shows the result. */
  train(): void;
  clearHistory(): void;
}

export const DEFAULT_TRAINING: TrainingState = {
  params: null,
  learningRate: 0.1,
  steps: 50,
  lossBelow: 0.01,
  history: [],
  historyKey: null,
  lastUpdate: null,
  updateSource: null,
  stopped: null,
};

/** The inputs' names, in order: a tensor program's (issue 15) are its tensor analysis'. */
export const inputNames = (analysis: Analysis): string[] =>
  (analysis.tensor?.inputs ?? analysis.inputs).map((i) => i.name);

const tensorKeys = new WeakMap<Analysis, string>();

/**
 * Which history belongs to a program: its structure, values left out. A tensor program's scalar
 * members are placeholders, so its key is read off its own nodes (ops, names, shapes).
 */
export function trainingKey(a: Analysis): string {
  if (!a.tensor) return structureKey(a);
  let key = tensorKeys.get(a);
  if (key === undefined) {
    key = `tensor|${a.tensor.graph.nodes
      .map(
        (n) =>
          `${n.kind}:${n.op?.name ?? ''}:${n.name ?? ''}:${n.shape.join('x')}:${n.operands.join('.')}`,
      )
      .join(',')}`;
    tensorKeys.set(a, key);
  }
  return key;
}

/** The parameters in effect for an analysis, in input order. */
export function paramsOf(training: TrainingState, analysis: Analysis | null): string[] {
  if (!analysis) return [];
  const names = inputNames(analysis);
  if (training.params === null) return guessParams(names);
  const chosen = new Set(training.params);
  return names.filter((n) => chosen.has(n));
}

/** The history that belongs to the program on screen (none if the graph has changed shape). */
export function historyOf(s: Pick<AppState, 'training' | 'analysis'>): readonly TrainPoint[] {
  const { training, analysis } = s;
  return analysis && training.historyKey === trainingKey(analysis) ? training.history : NONE;
}
const NONE: readonly TrainPoint[] = [];

/**
 * Where one iteration stands: the trace's forward and backward passes, then `update` while the
 * graph shows the values "Take one step" has just written.
 */
export function selectTrainingPhase(s: AppState): 'forward' | 'backward' | 'update' {
  const { training, analysis } = s;
  if (
    training.lastUpdate &&
    training.updateSource === s.source &&
    analysis !== null &&
    selectAtEnd(s)
  )
    return 'update';
  return selectPhase(s);
}

/** A new example starts with the guess by name, its suggested learning rate and no history. */
export function trainingForExample(training: TrainingState, example: Example): TrainingState {
  return {
    ...training,
    params: null,
    learningRate: example.learningRate ?? training.learningRate,
    history: [],
    historyKey: null,
    lastUpdate: null,
    updateSource: null,
    stopped: null,
  };
}

/** Gradient descent on tensors loads with the first tensor program trained (issue 15). */
const tensorTraining = () => import('../engine/tensor/train');

const pick = <V>(values: Record<string, V>, names: readonly string[]): Record<string, V> =>
  Object.fromEntries(names.filter((n) => Object.hasOwn(values, n)).map((n) => [n, values[n]]));

type Set = (partial: Partial<AppStore>) => void;
type Get = () => AppStore;

export function trainingActions(set: Set, get: Get): TrainingActions {
  const patch = (p: Partial<TrainingState>) => set({ training: { ...get().training, ...p } });

  /** The inputs' current values, in input order: the point an update starts from. */
  const pointOf = (a: Analysis) => Float64Array.from(a.inputs, (i) => i.value);

  /** Appends rows to the history of this graph, numbering them on from its last iteration. */
  const extend = (a: Analysis, rows: readonly TrainPoint[]): readonly TrainPoint[] => {
    const key = trainingKey(a);
    const { training } = get();
    const previous = training.historyKey === key ? training.history : NONE;
    if (previous.length === 0) return rows;
    const last = previous[previous.length - 1];
    // rows[0] is the starting point, which the previous history already ends with.
    return [
      ...previous,
      ...rows.slice(1).map((r) => ({ ...r, iteration: last.iteration + r.iteration })),
    ];
  };

  /** The graph on screen is the program in the editor, without errors: safe to write values. */
  const ready = (a: Analysis | null): a is Analysis =>
    a !== null && get().error === null && a.source === get().source;

  return {
    setParam(name, isParam) {
      const { training, analysis } = get();
      const current = new Set(paramsOf(training, analysis));
      if (isParam) current.add(name);
      else current.delete(name);
      patch({ params: [...current] });
    },
    setLearningRate(learningRate) {
      if (Number.isFinite(learningRate) && learningRate > 0) patch({ learningRate });
    },
    setTrainOptions({ steps, lossBelow }) {
      const next: Partial<TrainingState> = {};
      if (steps !== undefined && Number.isFinite(steps) && steps >= 1)
        next.steps = Math.min(10_000, Math.round(steps));
      if (lossBelow === null || (lossBelow !== undefined && Number.isFinite(lossBelow)))
        next.lossBelow = lossBelow;
      patch(next);
    },
    takeStep() {
      const { analysis, training } = get();
      if (!ready(analysis)) return;
      const params = paramsOf(training, analysis);
      if (params.length === 0) return;
      // Forward and backward first: the trace plays to its end, every gradient on show.
      get().jumpToEnd();
      if (analysis.tensor) {
        void tensorTraining().then(({ tensorTrainer }) => {
          if (get().analysis !== analysis || !analysis.tensor) return;
          const trainer = tensorTrainer(analysis.tensor, params);
          const lr = get().training.learningRate;
          const loss = trainer.step(lr);
          const lossAfter = trainer.loss();
          const values = trainer.values();
          const update: TensorUpdate = {
            kind: 'tensor',
            loss,
            lossAfter,
            lr,
            params: trainer.params.map((name) => ({
              name,
              shape: analysis.tensor!.inputs.find((i) => i.name === name)!.shape,
            })),
          };
          const history = extend(analysis, [
            { iteration: 0, loss, params: {} },
            { iteration: 1, loss: lossAfter, params: {} },
          ]);
          get().setValues(pick(values, trainer.params));
          patch({
            history,
            historyKey: trainingKey(analysis),
            lastUpdate: update,
            updateSource: get().source,
            stopped: null,
          });
        });
        return;
      }
      const g = analysis.compiled;
      const step = stepCompiled(g, pointOf(analysis), paramSlots(g, params), training.learningRate);
      const before: Record<string, number> = {};
      const after: Record<string, number> = {};
      for (const u of step.updates) {
        before[u.name] = u.old;
        after[u.name] = u.next;
      }
      const history = extend(analysis, [
        { iteration: 0, loss: step.loss, params: before },
        { iteration: 1, loss: step.lossAfter, params: after },
      ]);
      get().setValues(after);
      patch({
        history,
        historyKey: trainingKey(analysis),
        lastUpdate: step,
        updateSource: get().source,
        stopped: null,
      });
    },
    train() {
      const { analysis, training } = get();
      if (!ready(analysis)) return;
      const params = paramsOf(training, analysis);
      if (params.length === 0) return;
      get().pause();
      if (analysis.tensor) {
        void tensorTraining().then(({ tensorTrain }) => {
          if (get().analysis !== analysis || !analysis.tensor) return;
          const result = tensorTrain(analysis.tensor, params, training.learningRate, {
            steps: training.steps,
            ...(training.lossBelow !== null ? { lossBelow: training.lossBelow } : {}),
          });
          const history = extend(
            analysis,
            result.losses.map((loss, iteration) => ({ iteration, loss, params: {} })),
          );
          get().setValues(pick(result.values, params));
          get().jumpToEnd();
          patch({
            history,
            historyKey: trainingKey(analysis),
            lastUpdate: null,
            updateSource: null,
            stopped: { reason: result.stopped, steps: result.losses.length - 1 },
          });
        });
        return;
      }
      const g = analysis.compiled;
      const result = trainCompiled(
        g,
        pointOf(analysis),
        paramSlots(g, params),
        training.learningRate,
        {
          steps: training.steps,
          ...(training.lossBelow !== null ? { lossBelow: training.lossBelow } : {}),
        },
      );
      const history = extend(analysis, result.history);
      const end = result.history[result.history.length - 1];
      // A diverged run leaves the parameters at the last point that still had a finite loss.
      const keep =
        result.stopped === 'diverged' && result.history.length > 1
          ? result.history[result.history.length - 2]
          : end;
      get().setValues({ ...keep.params });
      get().jumpToEnd();
      patch({
        history,
        historyKey: trainingKey(analysis),
        lastUpdate: null,
        updateSource: null,
        stopped: { reason: result.stopped, steps: result.history.length - 1 },
      });
    },
    clearHistory() {
      patch({ history: [], historyKey: null, lastUpdate: null, updateSource: null, stopped: null });
    },
  };
}
