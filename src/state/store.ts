import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  analyze,
  ExpressionError,
  mayHoldGradients,
  type Analysis,
  type GraphNode,
} from '../engine';
import type { Tensor } from '../engine/tensor/types';
import { EXAMPLES, exampleById, exampleSource, type ExampleId } from '../examples';
import { hasTable, loadTable } from '../i18n';
import { collapseLayoutInput } from '../layout/collapse';
import { toLayoutInput, withBadgeMark } from '../layout/fromAnalysis';
import { layoutKey } from '../layout/incremental';
import { wantsVertical } from '../layout/direction';
import type { LayoutInput, LayoutResult } from '../layout/types';
import { initialState, STEP_MS, TYPING_DEBOUNCE_MS } from './initialState';
import {
  activeSplit,
  activeStepCount,
  activeTangent,
  stepAfterModeChange,
  tangentMarkRoom,
} from './modes';
import { collapsedGroups, hiddenOf, keptNames, stepAfter } from './groups';
import { structureKey } from './selectors';
import { practiceActions, practicePending } from './practice';
import { trainingActions, trainingForExample } from './training';
import type { AppState, AppStore, Lang, Settings, SourceError } from './types';

/** Whether two analyses draw the same graph: a tensor program's by its nodes and shapes. */
const sameStructure = (a: Analysis, b: Analysis) =>
  a.tensor || b.tensor
    ? a.tensor !== undefined &&
      b.tensor !== undefined &&
      tensorLayout !== undefined &&
      tensorLayout.tensorStructureKey(a.tensor) === tensorLayout.tensorStructureKey(b.tensor)
    : structureKey(a) === structureKey(b);

/** What the store needs from the outside world; tests pass synchronous stand-ins. */
export interface StoreDeps {
  /** Lays a graph out, synchronously for small graphs or off the main thread for large ones. */
  layout(input: LayoutInput): LayoutResult | Promise<LayoutResult>;
  /** The box a node needs on screen. */
  sizeOf(node: GraphNode): { width: number; height: number };
}

/**
 * Where to put the step after a new program is analysed: `keep` the index (values changed),
 * `auto` (the text changed: back to the start, unless the whole trace was on show, then the new
 * end), or a given index.
 */
type StepPolicy = 'keep' | 'auto' | number;

/**
 * The one store the whole UI is a function of. Created by a factory so tests get a fresh one.
 *
 * @example
 * const store = createAppStore(deps);
 * store.getState().setSource('(x+y)*z', { immediate: true });
 */
export function createAppStore(deps: StoreDeps, init: Partial<AppState> = {}): StoreApi<AppStore> {
  return createStore<AppStore>()((set, get) => {
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    let playTimer: ReturnType<typeof setTimeout> | undefined;
    let layoutRequest = 0;

    // The active mode's list: reverse mode's trace, or the values then forward mode's tangents.
    const stepCount = () => activeStepCount(get());
    const clampStep = (k: number, n = stepCount()) => Math.max(0, Math.min(n, Math.round(k)));
    // Collapsed statement groups are one box each in the layout (see src/layout/collapse.ts).
    // `laidOutWith` names the groups the layout on screen (or on its way) was made with.
    let laidOutWith = '';
    /** `layoutKey` of the layout on screen (or on its way): an equal key needs no new layout. */
    let laidOutKey = '';
    /** What the layout on screen was made from: an edit's new layout keeps its nodes (issue 17). */
    let laidOutInput: LayoutInput | undefined;
    /** The graph's box is portrait (issue 9): scalar graphs are laid out top to bottom. */
    let portrait = false;
    const collapsedKey = (a: Analysis) =>
      collapsedGroups(a, get().collapsed)
        .map((g) => g.name)
        .join(',');
    const layoutInputOf = (a: Analysis) => {
      laidOutWith = collapsedKey(a);
      // A tensor program (issue 15): one box per node, sized to its heat grids.
      if (a.tensor && tensorLayout) return tensorLayout.tensorLayoutInput(a.tensor);
      const input = collapseLayoutInput(
        toLayoutInput(a, deps.sizeOf),
        collapsedGroups(a, get().collapsed),
      );
      // Forward mode's badges carry `∂/∂x₁`, wider than a gradient's ∂: room for it, so that a
      // long tangent never meets a neighbour (issue 9). Reverse mode's layout is left as it was.
      const tangent = activeTangent({ analysis: a, settings: get().settings });
      const marked = withBadgeMark(input, tangentMarkRoom(a, tangent));
      return portrait ? { ...marked, direction: 'TB' as const } : marked;
    };

    /**
     * `a` as a person steps it with the groups `names` collapsed: each group's backward steps in
     * one run, so its one step is where all it hides takes effect (issue 17; see
     * `collapsedPlay.ts`). Until that code has loaded (with the first collapse), `a` as it is.
     */
    const playedOf = (a: Analysis, names: readonly string[]): Analysis => {
      const groups = collapsedGroups(a, names);
      if (plays.current) return plays.current.playedAnalysis(a, groups);
      if (groups.length > 0 && plays.current === undefined) void plays.load().then(applyPlayOrder);
      return a;
    };
    /** `a` played with `names` collapsed, and step `k` of `a`'s own order moved into it. */
    const replay = (a: Analysis, k: number, names = get().collapsed) => {
      const analysis = playedOf(a, names);
      if (analysis === a || !plays.current) return { analysis, stepIndex: k };
      // Forward mode plays its own list after the values, which the backward order leaves alone.
      const hidden = hiddenOf({ analysis, collapsed: names });
      const stepIndex =
        get().settings.ad === 'reverse' ? plays.current.mapStep(a, analysis, k, hidden) : k;
      return { analysis, stepIndex };
    };
    /**
     * The last collapse or expand, while no step has been taken since: toggling a group back
     * returns to the step it left. (One way may have had to play other nodes' steps that the
     * other order interleaves with the group's; the way back need not keep them.)
     */
    let lastToggle: { from: Analysis; k: number; to: Analysis; j: number } | undefined;
    const applyPlayOrder = () => {
      const { analysis, stepIndex } = get();
      if (!analysis) return;
      const next = replay(analysis, stepIndex);
      if (next.analysis !== analysis) set(next);
    };

    /**
     * Analyse `source`; on success swap in the analysis (and a new layout if the shape changed).
     * Returns the analysis, or undefined when the text has an error.
     */
    const analyzeNow = (
      source: string,
      step: StepPolicy,
      /** Called with the analysis, also when it comes later, once the reader has loaded. */
      then?: (analysis: Analysis) => void,
    ): Analysis | undefined => {
      clearTimeout(typingTimer);
      if (reader.current === undefined && mayHoldGradients(source)) {
        // It may hold a hand-written backward pass, whose reader is a small chunk of its own:
        // the last graph stays until it is here (issue 12).
        void reader.load().then(() => get().source === source && analyzeNow(source, step, then));
        return undefined;
      }
      const options = { seed: get().seed };
      const analyzeSource = (source: string, values: Record<string, number>) =>
        reader.current
          ? reader.current.analyzeWithBackwardPass(source, values, get().reading, options)
          : analyze(source, values, options);
      let { values } = get();
      let analysis: Analysis;
      try {
        analysis = analyzeSource(source, values);
        if (analysis.tensor && !tensorLayout) {
          // How a tensor program is laid out loads with the first one (issue 15); the last
          // graph stays until it is here.
          void loadTensorLayout().then(
            () => get().source === source && analyzeNow(source, step, then),
          );
          return undefined;
        }
        // A declared input's value is the one in the text: an override kept from an earlier
        // program (or a URL) must not contradict what the person reads there.
        const shadowed = analysis.inputs.filter((i) => i.declared && Object.hasOwn(values, i.name));
        if (shadowed.length > 0) {
          values = { ...values };
          for (const i of shadowed) delete values[i.name];
          analysis = analyzeSource(source, values);
          set({ values });
        }
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        // The first tensor program loads the tensor engine (issue 14), then reads the text again.
        if (e.code === 'tensor.needsEngine') {
          void import('../engine/tensor/install').then(() => {
            if (get().source === source) analyzeNow(source, step);
          });
        }
        layoutRequest++; // a pending layout of an older program must not land now
        set({ error: toSourceError(e), layingOut: false });
        return undefined;
      }
      const collapsedNames = keptNames(analysis, get().collapsed);
      if (
        plays.current === undefined &&
        collapsedNames.length > 0 &&
        typeof step === 'number' &&
        step > analysis.trace.forwardCount + 1
      ) {
        // A link's step= counts in the collapsed groups' order: the last graph stays until the
        // code that plays it is here (a moment: the first picture waits for it, as for a layout).
        set({ layingOut: true });
        void plays.load().then(() => get().source === source && analyzeNow(source, step, then));
        return undefined;
      }
      analysis = playedOf(analysis, collapsedNames);
      const previous = get().analysis;
      const wasAtEnd = previous !== null && get().stepIndex === stepCount();
      const n = activeStepCount({ analysis, settings: get().settings });
      const stepIndex =
        typeof step === 'number'
          ? clampStep(step, n)
          : step === 'keep' || wasAtEnd
            ? clampStep(step === 'keep' ? get().stepIndex : n, n)
            : 0;

      if (
        previous &&
        get().layout &&
        sameStructure(previous, analysis) &&
        collapsedKey(analysis) === laidOutWith
      ) {
        layoutRequest++;
        set({ ...replay(analysis, stepIndex), error: null, layingOut: false });
        then?.(analysis);
        return analysis;
      }
      const request = ++layoutRequest;
      const land = (layout: LayoutResult) => {
        set({
          // The order's code may have come while the layout was made.
          ...replay(analysis, stepIndex),
          layout,
          error: null,
          layingOut: false,
          selected: null,
          hovered: null,
          hoverNode: null,
          // Node ids of another graph: the entry drilled into is gone with them.
          tensorEntry: null,
        });
      };
      // Groups the new program no longer has are forgotten (and leave the link).
      set({ collapsed: keptNames(analysis, get().collapsed) });
      const input = layoutInputOf(analysis);
      const key = layoutKey(input);
      const kept = key === laidOutKey && !get().layingOut ? get().layout : null;
      laidOutKey = key;
      const shown = get().layout;
      if (!kept && shown && laidOutInput && !analysis.tensor && !previous?.tensor)
        input.previous = {
          input: laidOutInput,
          layout: { nodes: shown.nodes, direction: shown.direction },
        };
      runLayout(input, request, land, { error: null }, kept ?? undefined);
      then?.(analysis);
      return analysis;
    };

    /**
     * Lays the graph on screen out again for the current settings and collapsed groups; with
     * `ifChanged`, only when that changes what the layout depends on (`layoutKey`).
     */
    const relayout = (ifChanged = false) => {
      const { analysis } = get();
      if (!analysis || !get().layout) return;
      const input = layoutInputOf(analysis);
      const key = layoutKey(input);
      if (ifChanged && key === laidOutKey) return;
      laidOutKey = key;
      const request = ++layoutRequest;
      runLayout(input, request, (layout) => set({ layout, layingOut: false }));
    };

    /**
     * Lays `input` out (inline, or in the worker for a large graph) unless `ready` is the drawing
     * already, and hands it to `land` if no newer request came meanwhile; `waiting` is set while
     * a worker lays it out. Remembers the input the drawing on screen was made from (without its
     * previous drawing), for the next edit's anchoring.
     */
    const runLayout = (
      input: LayoutInput,
      request: number,
      land: (layout: LayoutResult) => void,
      waiting: Partial<AppState> = {},
      ready?: LayoutResult,
    ) => {
      const made = input.previous ? { ...input, previous: undefined } : input;
      const done = (layout: LayoutResult) => {
        if (request !== layoutRequest) return;
        laidOutInput = made;
        land(layout);
        // The box turned portrait (or back) while this was laid out (issue 9): once more.
        if (portrait !== (made.direction === 'TB')) relayout(true);
      };
      const result = ready ?? deps.layout(input);
      if (result instanceof Promise) {
        set({ layingOut: true, ...waiting });
        result.then(done, () => request === layoutRequest && set({ layingOut: false }));
      } else done(result);
    };

    const stopPlaying = () => {
      clearTimeout(playTimer);
      playTimer = undefined;
      if (get().playing) set({ playing: false });
    };

    const tick = () => {
      const { stepIndex, settings } = get();
      if (stepIndex >= stepCount()) {
        stopPlaying();
        return;
      }
      lastToggle = undefined;
      set({ stepIndex: stepAfter(get(), 1), hoverNode: null });
      // Practice: playing stops on the first step that asks for its number.
      if (practicePending(get())) {
        stopPlaying();
        return;
      }
      playTimer = setTimeout(tick, STEP_MS / settings.speed);
    };

    /**
     * Once `lang`'s table is there, writes the chosen example's comments in it, if the program
     * is still exactly an example as shipped (in any language) and nothing changed meanwhile. An
     * edited program, or one training has rewritten, is never touched.
     */
    const localizeExample = (lang: Lang) => {
      const before = get().source;
      const rewrite = () => {
        const { example, source, settings } = get();
        const ex = example && exampleById(example);
        if (!ex || source !== before || settings.lang !== lang) return;
        const shipped = (['en', 'vi'] as const).some(
          (l) => hasTable(l) && exampleSource(ex, l) === source,
        );
        const next = exampleSource(ex, lang);
        if (!shipped || next === source) return;
        set({ source: next });
        analyzeNow(next, 'keep');
      };
      loadTable(lang).then(rewrite, () => undefined);
    };

    const moveTo = (k: number) => {
      stopPlaying();
      lastToggle = undefined;
      // The formula under the pointer is replaced by the new step's: its link goes with it.
      set({ stepIndex: clampStep(k), hoverNode: null });
    };

    return {
      ...initialState(init),

      setSource(source, options) {
        set({ source, example: null });
        clearTimeout(typingTimer);
        if (options?.immediate) analyzeNow(source, 'auto');
        else typingTimer = setTimeout(() => analyzeNow(get().source, 'auto'), TYPING_DEBOUNCE_MS);
      },

      setValue(name, value) {
        if (!Number.isFinite(value)) return;
        const { analysis, source } = get();
        const input = analysis?.inputs.find((i) => i.name === name);
        if (input?.declared && analysis && analysis.source === source) {
          // A declared input's value lives in the program text: rewrite `x = -2` there, so the
          // text, the graph and a shared link all say the same thing.
          const { span } = analysis.graph.nodes[input.node];
          const statement = source.slice(span.start, span.end);
          const lhs = statement.slice(0, statement.indexOf('=') + 1);
          const next = `${source.slice(0, span.start)}${lhs} ${literal(value)}${source.slice(span.end)}`;
          set({ source: next, example: null });
          analyzeNow(next, 'keep');
          return;
        }
        set({ values: { ...get().values, [name]: value } });
        analyzeNow(get().source, 'keep');
      },

      setValues(next) {
        // setValue for many inputs at once (a gradient-descent update): every declared input is
        // rewritten in the text, last statement first so earlier spans stay valid, and the
        // program is analysed once.
        const { analysis, source } = get();
        if (!analysis || analysis.source !== source) return;
        const edits: { start: number; end: number; text: string }[] = [];
        const overrides: Record<string, number> = { ...get().values };
        // A tensor program's inputs (issue 15) are its tensor analysis'; a tensor value can only
        // be written into a declaration (`W = [[…]]`, `W = randn(3, 4)`).
        const inputs = analysis.tensor
          ? analysis.tensor.inputs.map((i) => ({
              ...i,
              span: analysis.tensor!.nodes[i.node].span,
            }))
          : analysis.inputs.map((i) => ({ ...i, span: analysis.graph.nodes[i.node].span }));
        for (const input of inputs) {
          if (!Object.hasOwn(next, input.name)) continue;
          const value = next[input.name];
          if (
            typeof value === 'number' ? !Number.isFinite(value) : !value.data.every(Number.isFinite)
          )
            continue;
          if (!input.declared) {
            if (typeof value === 'number') overrides[input.name] = value;
            continue;
          }
          const { span } = input;
          const statement = source.slice(span.start, span.end);
          const lhs = statement.slice(0, statement.indexOf('=') + 1);
          edits.push({ start: span.start, end: span.end, text: `${lhs} ${literal(value)}` });
        }
        let text = source;
        for (const e of edits.sort((a, b) => b.start - a.start))
          text = `${text.slice(0, e.start)}${e.text}${text.slice(e.end)}`;
        // The example stays chosen: it is the same network with other weights, and its notes
        // (E_o, E_h, μ − y) still apply.
        set({ source: text, values: overrides });
        analyzeNow(text, 'keep');
      },

      setDeclaredValues(source) {
        set({ source });
        analyzeNow(source, 'keep');
      },

      loadExample(id) {
        const example = exampleById(id);
        if (!example) return;
        stopPlaying();
        const source = exampleSource(example, get().settings.lang);
        set({
          source,
          values: {},
          example: id,
          collapsed: [...(example.collapsed ?? [])],
          expandedFrom: null,
        });
        set({ training: trainingForExample(get().training, example) });
        analyzeNow(source, 0);
        // Chosen while the language's table was still loading: its comments follow.
        localizeExample(get().settings.lang);
      },

      goTo: moveTo,
      stepBy(delta) {
        // Practice: "Next step" waits until this step's number is answered (or shown).
        if (delta > 0 && practicePending(get())) return;
        moveTo(stepAfter(get(), delta));
      },
      play() {
        if (get().playing || practicePending(get())) return;
        if (get().stepIndex >= stepCount()) set({ stepIndex: 0 });
        set({ playing: true });
        tick();
      },
      pause: stopPlaying,
      togglePlay() {
        if (get().playing) stopPlaying();
        else get().play();
      },
      reset() {
        moveTo(0);
      },
      jumpToBackward() {
        moveTo(activeSplit(get()));
      },
      jumpToEnd() {
        moveTo(stepCount());
      },

      select(selected) {
        set({ selected });
      },
      hover(hovered) {
        set({ hovered });
      },
      hoverFactor(hoverNode) {
        if (get().hoverNode !== hoverNode) set({ hoverNode });
      },
      setSettings(patch) {
        const settings = { ...get().settings, ...patch };
        if (settings.lang !== get().settings.lang) localizeExample(settings.lang);
        if (settings.ad !== get().settings.ad || settings.wrt !== get().settings.wrt) {
          stopPlaying();
          // Paths are reverse mode's sums; in forward mode they would dim the edge being explained.
          const pathsFrom = settings.ad === 'forward' ? null : get().pathsFrom;
          set({ settings, stepIndex: stepAfterModeChange(get(), settings), pathsFrom });
          // The badges' mark changes width with the mode (`∂` or `∂/∂x₁`), and so may the room.
          relayout(true);
        } else set({ settings });
      },
      showPaths(pathsFrom) {
        set({ pathsFrom });
      },
      setReading(name, choice) {
        const reading = { ...get().reading };
        if (choice === null) delete reading[name];
        // defineProperty: a line may be called `__proto__`, which assignment would swallow.
        else
          Object.defineProperty(reading, name, {
            value: choice,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        set({ reading });
        analyzeNow(get().source, 'keep');
      },

      setCollapsed(names) {
        const { analysis, stepIndex } = get();
        const collapsed = keptNames(analysis, names);
        // The backward order changes with what is collapsed, and the step moves with it: to the
        // first stop where every share played so far is played (see `mapStep`).
        const next = analysis ? replay(analysis, stepIndex, collapsed) : undefined;
        const back = lastToggle;
        if (next && back && back.to === analysis && back.j === stepIndex) {
          if (back.from === next.analysis) next.stepIndex = back.k;
        }
        lastToggle =
          next && analysis && next.analysis !== analysis
            ? { from: analysis, k: stepIndex, to: next.analysis, j: next.stepIndex }
            : undefined;
        set({ collapsed, ...next });
        relayout();
      },

      hydrate(url, ignored = []) {
        stopPlaying();
        const notes = [...ignored];
        const { settings } = get();
        set({
          settings: {
            ...settings,
            ...(url.lang ? { lang: url.lang } : {}),
            ...(url.theme ? { theme: url.theme } : {}),
            ...(url.speed ? { speed: url.speed } : {}),
            ...(url.showFormula !== undefined ? { showFormula: url.showFormula } : {}),
            mode: url.mode ?? 'normal',
            ad: url.ad ?? 'reverse',
            wrt: url.wrt ?? null,
          },
          ...(url.source !== undefined
            ? { source: url.source, example: exampleOf(url.source) }
            : {}),
          values: { ...(url.values ?? {}) },
          collapsed: url.collapsed ?? [],
          reading: { ...(url.reading ?? {}) },
          seed: url.seed ?? 0,
          selected: null,
          hovered: null,
        });
        // `exercise=backward` is one of practice's exercises: it opens with practice on.
        get().setPractice(url.practice === true || url.exercise === 'backward');
        set({ ignored: notes });
        const source = get().source;
        // A program with gradient lines is analysed once its reader has loaded: what the link
        // held that this program cannot use is known only then.
        analyzeNow(source, url.step ?? 0, (analysis) => {
          if (get().source !== source) return;
          const more: typeof notes = [];
          const known = new Set(analysis.inputs.filter((i) => !i.declared).map((i) => i.name));
          const unknown = Object.keys(url.values ?? {}).filter((name) => !known.has(name));
          for (const name of unknown) more.push({ key: name, reason: 'unknown' });
          // The new analysis's count: get().analysis is still the old one until the layout lands.
          const n = activeStepCount({ analysis, settings: get().settings });
          if (url.step !== undefined && url.step > n) {
            more.push({ key: 'step', reason: 'outOfRange' });
          }
          if (more.length > 0) set({ ignored: [...notes, ...more] });
        });
        if (url.exercise === 'backward') void get().startBackwardExercise();
      },
      newSeed() {
        const old = get().seed;
        // 1 … 999,999,999: what a link's `seed=` accepts; never the seed already shown.
        let seed = old;
        while (seed === old) seed = 1 + Math.floor(Math.random() * 999_999_999);
        set({ seed });
        analyzeNow(get().source, 'keep');
      },
      setGraphBox(width, height) {
        // Issue 9: only a change of shape (portrait or not) lays the graph out again.
        const next = wantsVertical(portrait, width, height);
        if (next === portrait) return;
        portrait = next;
        relayout(true);
      },
      dismissNotice() {
        set({ ignored: [] });
      },
      setShortcutsOpen(shortcutsOpen) {
        set({ shortcutsOpen });
      },
      setTensorEntry(tensorEntry) {
        set({ tensorEntry });
      },
      openExpansion(source, name) {
        const { settings } = get();
        const from = {
          source: get().source,
          values: get().values,
          seed: get().seed,
          stepIndex: get().stepIndex,
          name,
        };
        // Opened as a link would open it: the scalar program at its start, the mode kept.
        get().hydrate({ source, step: 0, ...modeOf(settings) });
        set({ expandedFrom: from });
      },
      closeExpansion() {
        const from = get().expandedFrom;
        if (!from) return;
        const { settings } = get();
        set({ expandedFrom: null });
        get().hydrate({
          source: from.source,
          values: { ...from.values },
          seed: from.seed,
          step: from.stepIndex,
          ...modeOf(settings),
        });
      },
      ...trainingActions(set, get),
      ...practiceActions(set, get),
    };
  });
}

/**
 * A chunk loaded when first needed: `current` is undefined until it has loaded, and null if it
 * could not be (offline), so the app goes on without it.
 */
function onDemand<M>(load: () => Promise<M>): {
  current: M | null | undefined;
  load(): Promise<void>;
} {
  let loading: Promise<void> | undefined;
  const chunk = {
    current: undefined as M | null | undefined,
    load: () =>
      (loading ??= load().then(
        (m) => void (chunk.current = m),
        () => void (chunk.current = null),
      )),
  };
  return chunk;
}

/**
 * How collapsed groups are played (issue 17), loaded with the first collapse. Offline, a
 * collapsed group's steps play in the engine's own order, as before issue 17's fix.
 */
const plays = onDemand(() => import('./collapsedPlay'));
/** Loads the code that plays collapsed groups as one run of steps (tests await it). */
export const loadPlayOrder = () => plays.load();

/** The reader of hand-written backward passes, loaded when a program may hold gradient lines. */
const reader = onDemand(() => import('../engine/backwardPass'));
// How tensor programs are laid out (issue 15): loaded with the first one.
let tensorLayout: typeof import('../layout/fromTensor') | undefined;
let tensorLayoutLoading: Promise<void> | undefined;
const loadTensorLayout = () =>
  (tensorLayoutLoading ??= import('../layout/fromTensor').then((m) => void (tensorLayout = m)));

/**
 * The example whose program this is, if it is one, so the menu and its lesson can show it.
 * Comments do not count: a link may carry an example with its comments in any language.
 */
function exampleOf(source: string): ExampleId | null {
  const code = withoutComments(source);
  return EXAMPLES.find((e) => withoutComments(e.source) === code)?.id ?? null;
}

const withoutComments = (source: string) => source.replace(/[ \t]*#.*$/gm, '');

function toSourceError(e: ExpressionError): SourceError {
  return { code: e.code, params: e.params, message: e.message, start: e.start, end: e.end };
}

/**
 * A value typed back into the program: short, and without binary noise like 0.30000000000000004.
 * A tensor is written as nested brackets, `[[1, 2], [3, 4]]`.
 */
export function literal(v: number | Tensor): string {
  if (typeof v === 'number') return String(Number(v.toPrecision(6)));
  const { shape, data } = v;
  const n = shape[shape.length - 1] ?? 1;
  const row = (i: number) =>
    `[${Array.from(data.subarray(i * n, (i + 1) * n), literal).join(', ')}]`;
  if (shape.length === 0) return literal(data[0]);
  if (shape.length === 1) return row(0);
  return `[${Array.from({ length: shape[0] }, (_, i) => row(i)).join(', ')}]`;
}

/** The settings a program switch keeps (issue 15's expand to scalars): the mode and the AD mode. */
const modeOf = (settings: Settings) => ({
  ...(settings.mode !== 'normal' ? { mode: settings.mode } : {}),
  ad: settings.ad,
  ...(settings.wrt !== null ? { wrt: settings.wrt } : {}),
});
