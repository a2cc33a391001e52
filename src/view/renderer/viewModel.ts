import {
  formatNumber,
  type Analysis,
  type LensStep,
  type NodeSymbol,
  type StatementGroup,
  type TangentTrace,
} from '../../engine';
import { groupBoxSize } from '../../layout/collapse';
import type { LayoutResult } from '../../layout/types';
import { tangentMarkOf } from '../../state/modes';
import { stepState, type StepState } from '../../state/stepState';
import type { Selection } from '../../state/types';
import { visualSize } from './geometry';

/** Everything the D3 renderer draws, as plain data: a pure function of the store. */
/** The accessible labels of nodes, in the reader's language. */
export interface GraphViewWords {
  nodeValue(name: string, value: string): string;
  nodeValueGrad(name: string, value: string, grad: string): string;
  nodeUnknown(name: string, formula: string): string;
  /** Name of a statement group's control: "Expand h1" (collapsed) or "Collapse h1". */
  groupToggle?(name: string, collapsed: boolean): string;
}

export interface GraphView {
  readonly nodes: readonly NodeView[];
  readonly edges: readonly EdgeView[];
  readonly width: number;
  readonly height: number;
  /** The layout kept the places of the drawing before an edit: the camera may keep its view. */
  readonly anchored?: boolean;
  /** The step just played, for the renderer to animate; undefined at the start. */
  readonly step?: StepView;
  readonly outputId: number;
  /** In forward mode, the mark on tangent badges: `∂/∂b`. */
  readonly tangentMark?: string;
  /** Drawn top to bottom (a portrait box: `LayoutResult.direction`); absent, left to right. */
  readonly vertical?: boolean;
}

export interface NodeView {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly kind: 'input' | 'const' | 'op';
  /** Text inside an op circle (`+`, `σ`) or a constant's number. */
  readonly glyph: string;
  /** Name drawn for inputs (inside) and ops (above): the program's name or a generated `a₇`. */
  readonly name?: NodeSymbol;
  /** The name above an op was made up by the engine (`a₇`), not written in the program. */
  readonly generatedName: boolean;
  /** How formulas call it (`x`, `q`, `a1`, `f`): also set on the element for tests. */
  readonly symbolName: string;
  /** Formatted forward value once known: written above inputs and ops, on the stub after the output. */
  readonly value: string | null;
  /** Gradient badge under inputs, forks and the output, once a share has arrived. */
  readonly grad: string | null;
  /** The badge shows a sum still waiting for shares. */
  readonly gradPartial: boolean;
  /** What the badge holds: ∂output/∂node (reverse mode) or ∂node/∂x (forward mode's tangent). */
  readonly gradKind: 'gradient' | 'tangent';
  readonly showValue: boolean;
  readonly active: boolean;
  /** One of the current step's nodes (both ends of the edge it plays, or the node it computes). */
  readonly current: boolean;
  readonly output: boolean;
  /** The output does not depend on it. */
  readonly dead: boolean;
  readonly note: 'domain' | 'kink' | 'slope' | null;
  readonly ariaLabel: string;
  readonly selected: boolean;
  /** A factor naming this node is hovered or focused in a formula: the renderer outlines it. */
  readonly linked: boolean;
  /** The named node of a collapsible statement group: drawn as its box when collapsed. */
  readonly group?: {
    readonly name: string;
    readonly collapsed: boolean;
    /** Accessible name of its control: "Expand h1", "Collapse h1". */
    readonly label: string;
  };
}

export interface EdgeView {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  /** Symbol names of both ends (`x`, `a1`, `f`), for tests and tooltips. */
  readonly fromName: string;
  readonly toName: string;
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
  /** The label box's offset from its anchor on the wire (0: on it; else joined by a leader). */
  readonly labelDy: number;
  readonly value: string | null;
  readonly grad: string | null;
  readonly gradKind: 'gradient' | 'tangent';
  readonly active: 'forward' | 'backward' | 'tangent' | null;
  readonly dead: boolean;
  readonly selected: boolean;
  /** With paths shown: true on a path from the chosen input to the output, false off them. */
  readonly onPath: boolean | null;
}

export interface StepView {
  readonly index: number;
  readonly kind: LensStep['kind'];
  /** Edge along which something travels, and which way (a tangent travels forward). */
  readonly edge?: number;
  readonly direction?: 'forward' | 'backward' | 'tangent';
  /** What travels: the value forward, the contribution backward. */
  readonly carried?: string;
  readonly node?: number;
}

export interface ViewInput {
  readonly analysis: Analysis;
  readonly layout: LayoutResult;
  readonly stepIndex: number;
  readonly selected: Selection;
  readonly digits?: number;
  /** Forward mode's tangent pass: its steps follow the value steps, its badges replace gradients. */
  readonly tangent?: TangentTrace;
  /** Edges on the highlighted paths (colah's sums over paths); others are faded. */
  readonly highlight?: ReadonlySet<number>;
  /** The node a hovered or focused formula factor names (`AppState.hoverNode`). */
  readonly linked?: number | null;
  /**
   * The program's collapsible groups. One whose members the layout left out is drawn collapsed:
   * the layout decides, so a view never pairs a collapsed state with a layout not made for it.
   */
  readonly groups?: readonly StatementGroup[];
  readonly words: GraphViewWords;
  /**
   * The store's picture (`selectStepState`), with what practice mode hides; without it, the
   * plain picture after `stepIndex` steps.
   */
  readonly known?: StepState;
}

/**
 * The picture at step k: a label is visible when the step that computes it is among the k played.
 * Stepping back is as cheap as stepping forward: nothing here depends on the previous picture.
 */
export function graphView(input: ViewInput): GraphView {
  const { analysis: a, layout, stepIndex: k, selected } = input;
  const fmt = formatter(input.digits);
  const words = labelsOf(input.words);
  const g = a.compiled;
  const tangent = input.tangent;
  // What is known at step k is decided in one place (src/state/stepState.ts).
  const known =
    input.known ??
    stepState(a, { ad: tangent ? 'forward' : 'reverse', wrt: tangent?.wrtName ?? null }, k);
  const current: LensStep | undefined = known.current;
  const { position, edgeGeometry } = indexOf(layout);
  // A collapsed group's members are drawn as its root's box: `shownAs` maps each to the root.
  const shownAs = new Map<number, number>();
  const groupOf = new Map<number, NonNullable<NodeView['group']>>();
  for (const group of input.groups ?? []) {
    // A layer is collapsed when its other statements are gone (one of them collapsed alone
    // leaves its named node); an open layer's control is in the bar above the graph, its root
    // keeps its own statement's.
    const collapsed = group.roots
      ? group.roots.some((r) => r !== group.root && !position.has(r))
      : group.nodes.some((m) => !position.has(m));
    if (group.roots && !collapsed) continue;
    const label =
      words.groupToggle?.(group.name, collapsed) ??
      `${collapsed ? 'Expand' : 'Collapse'} ${group.name}`;
    groupOf.set(group.root, { name: group.name, collapsed, label });
    if (collapsed) for (const m of group.nodes) shownAs.set(m, group.root);
  }
  const shown = (id: number) => shownAs.get(id) ?? id;

  // The nodes of the step just played: both ends of its edge, or the node it computes.
  const currentNodes = new Set<number>();
  if (current) {
    if ('edge' in current && current.edge !== undefined) {
      const e = a.graph.edges[current.edge];
      currentNodes.add(shown(e.from)).add(shown(e.to));
    } else if ('node' in current) currentNodes.add(shown(current.node));
  }
  const activeId =
    current &&
    (current.kind === 'forward-node' ||
    current.kind === 'seed' ||
    current.kind === 'tangent-seed' ||
    current.kind === 'tangent-node'
      ? shown(current.node)
      : current.kind === 'backward-edge' || current.kind === 'tangent-edge'
        ? shown(current.to)
        : undefined);

  // The previous picture of the same graph, when only the step (or selection) changed: a node or
  // edge whose state is the same keeps its object, so building and diffing a step stays cheap.
  const prev = reusable(input);
  const nodeState = new Float64Array(2 * a.graph.nodes.length);
  const edgeState = new Uint8Array(a.graph.edges.length);
  const selectedNode = selected?.kind === 'node' ? selected.id : -1;
  const selectedEdge = selected?.kind === 'edge' ? selected.id : -1;

  const nodes: NodeView[] = [];
  for (const node of a.graph.nodes) {
    const p = position.get(node.id);
    if (!p) continue;
    const group = groupOf.get(node.id);
    const box = group?.collapsed === true;
    const shares = a.trace.arrivalStart[node.id + 1] - a.trace.arrivalStart[node.id];
    // Everything step-dependent the node's view is made of, as numbers (see `reusable`).
    const sumShown =
      !tangent && !node.isOutput && node.variable && (node.kind === 'input' || shares > 1 || box);
    const soFarNow = sumShown ? known.gradSoFar(node.id) : undefined;
    const flags =
      (known.valueKnown(node.id) ? 1 : 0) |
      (known.gradKnown(node.id) ? 2 : 0) |
      (soFarNow ? 4 : 0) |
      (soFarNow?.partial ? 8 : 0) |
      (activeId === node.id ? 16 : 0) |
      (currentNodes.has(node.id) ? 32 : 0) |
      (selectedNode === node.id ? 64 : 0) |
      (input.linked === node.id ? 128 : 0);
    const at = nodes.length;
    nodeState[2 * at] = flags;
    nodeState[2 * at + 1] = soFarNow ? soFarNow.value : 0;
    const before = prev?.view.nodes[at];
    if (
      before !== undefined &&
      before.id === node.id &&
      prev!.nodeState[2 * at] === flags &&
      Object.is(prev!.nodeState[2 * at + 1], nodeState[2 * at + 1])
    ) {
      nodes.push(before);
      continue;
    }
    const size = box ? groupBoxSize(group.name).visual : visualSize(node);
    const value = flags & 1 ? fmt(node.value) : null;
    let grad: string | null = null;
    let gradPartial = false;
    if (tangent) {
      // Forward mode: ṅ once its pass has reached the node; the output shows 0 at the end when
      // the input never reaches it, so the answer ∂f/∂x is always on screen.
      grad = known.gradKnown(node.id) ? fmt(tangent.tangent[node.id]) : null;
    } else if (node.isOutput) {
      grad = known.gradKnown(node.id) ? '1' : null;
    } else if (sumShown) {
      const soFar = soFarNow;
      if (soFar) {
        grad = fmt(soFar.value);
        gradPartial = soFar.partial;
      } else if (node.kind === 'input' && known.gradKnown(node.id)) {
        grad = '0'; // an input the output never uses: its gradient is 0 once the pass starts
      }
    }
    const gradFinal = !tangent && known.gradKnown(node.id);
    const gradValue = node.grad ?? 0;
    const name = node.symbol.name;
    const ariaLabel =
      value === null
        ? words.nodeUnknown(name, node.kind === 'op' ? node.label : '')
        : node.variable && gradFinal
          ? words.nodeValueGrad(name, value, fmt(gradValue))
          : words.nodeValue(name, value);
    const activeNode = activeId === node.id;
    nodes.push({
      id: node.id,
      x: p.x,
      y: p.y,
      width: size.width,
      height: size.height,
      kind: node.kind,
      glyph: node.kind === 'op' ? node.label : node.kind === 'const' ? node.label : '',
      // Every op shows the name formulas call it by (a generated a₇ too), so each factor of a
      // chain-rule product can be found on the graph.
      // A layer's box is called by the layer's name (`h1_*`), not by the statement it stands at.
      ...(node.kind !== 'const'
        ? { name: box && group.name !== node.symbol.name ? layerSymbol(group.name) : node.symbol }
        : {}),
      generatedName: node.kind === 'op' && node.name === undefined,
      symbolName: node.symbol.name,
      value,
      grad,
      gradPartial,
      gradKind: tangent ? 'tangent' : 'gradient',
      showValue: node.kind !== 'const',
      active: Boolean(activeNode),
      current: currentNodes.has(node.id),
      output: node.isOutput,
      dead: !node.reachesOutput,
      note: node.notes[0]?.kind ?? null,
      ariaLabel,
      selected: selectedNode === node.id,
      linked: input.linked === node.id,
      ...(group ? { group } : {}),
    });
  }

  const edges: EdgeView[] = [];
  for (const edge of a.graph.edges) {
    const geo = edgeGeometry.get(edge.id);
    if (!geo) continue;
    const active =
      current?.kind === 'forward-edge' && current.edge === edge.id
        ? 'forward'
        : current?.kind === 'backward-edge' && current.edge === edge.id
          ? 'backward'
          : current?.kind === 'tangent-edge' && current.edge === edge.id
            ? 'tangent'
            : null;
    const edgeFlags =
      (known.edgeValueKnown(edge.id) ? 1 : 0) |
      (known.edgeGradKnown(edge.id) ? 2 : 0) |
      (active === 'forward' ? 4 : active === 'backward' ? 8 : active === 'tangent' ? 12 : 0) |
      (selectedEdge === edge.id ? 16 : 0);
    const at = edges.length;
    edgeState[at] = edgeFlags;
    const before = prev?.view.edges[at];
    if (before !== undefined && before.id === edge.id && prev!.edgeState[at] === edgeFlags) {
      edges.push(before);
      continue;
    }
    const to = shown(edge.to);
    const from = shown(edge.from);
    edges.push({
      id: edge.id,
      from,
      to,
      fromName: a.graph.nodes[from].symbol.name,
      toName: a.graph.nodes[to].symbol.name,
      path: geo.path,
      labelX: geo.label.x,
      labelY: geo.label.y,
      labelDy: geo.label.dy ?? 0,
      value: edgeFlags & 1 ? fmt(a.graph.nodes[edge.from].value) : null,
      grad: !(edgeFlags & 2)
        ? null
        : tangent
          ? fmt(tangent.term[edge.id])
          : fmt(edge.contribution ?? 0),
      gradKind: tangent ? 'tangent' : 'gradient',
      // The edge being explained is never faded by the paths' highlight.
      onPath: input.highlight && active === null ? input.highlight.has(edge.id) : null,
      active,
      dead: !g.reachesOutput[edge.to],
      selected: selectedEdge === edge.id,
    });
  }

  const view: GraphView = {
    nodes,
    edges,
    width: layout.width,
    height: layout.height,
    ...(layout.anchored ? { anchored: true } : {}),
    ...(layout.direction === 'TB' ? { vertical: true } : {}),
    outputId: g.output,
    ...(tangent ? { tangentMark: tangentMarkOf(a, tangent) } : {}),
    ...(current
      ? {
          step: inView(
            stepView(current, known.hidden?.contribution ? () => '?' : fmt),
            shown,
            edgeGeometry,
          ),
        }
      : {}),
  };
  remember(input, view, nodeState, edgeState);
  return view;
}

/**
 * The last picture built, with each node's and edge's step-dependent state as numbers. A node's
 * view is a function of the inputs that do not change while stepping (the analysis, the layout,
 * the words, …: compared by identity) and of that state; so when both are the same, its old
 * object is the right one. A step on a 2,000-node graph then builds the three or four views it
 * changed, not 2,000, and the renderer's diff (`changedParts`) sees the rest as identical.
 */
interface Built {
  readonly key: readonly unknown[];
  readonly view: GraphView;
  readonly nodeState: Float64Array;
  readonly edgeState: Uint8Array;
}
let built: Built | undefined;

/** Forgets the last picture, so the next is built whole (tests compare the two ways). */
export function forgetViews(): void {
  built = undefined;
}

/** What a picture's nodes and edges are built from, besides the step and the selection. */
function staticKey(input: ViewInput): unknown[] {
  return [
    input.analysis,
    input.layout,
    input.digits,
    input.tangent,
    input.highlight,
    input.groups,
    input.words,
  ];
}

function reusable(input: ViewInput): Built | undefined {
  if (!built) return undefined;
  const key = staticKey(input);
  return key.every((v, i) => v === built!.key[i]) ? built : undefined;
}

function remember(
  input: ViewInput,
  view: GraphView,
  nodeState: Float64Array,
  edgeState: Uint8Array,
) {
  built = { key: staticKey(input), view, nodeState, edgeState };
}

/** A layer's name as a node's: drawn whole, without a subscript. */
const layerSymbols = new Map<string, NodeSymbol>();
function layerSymbol(name: string): NodeSymbol {
  let s = layerSymbols.get(name);
  if (!s) {
    s = { name, tex: name, text: name, base: name, generated: false };
    layerSymbols.set(name, s);
  }
  return s;
}

/**
 * Stepping rebuilds the whole picture (cheap to reason about: nothing depends on the previous
 * one), but at 2,000 nodes formatting every number, writing every accessible label and indexing
 * the layout again cost more than a frame. They are the same from step to step, so they are
 * remembered: the layout's index per layout, labels per set of words, numbers per precision.
 */
const layoutIndex = new WeakMap<
  LayoutResult,
  {
    position: ReadonlyMap<number, LayoutResult['nodes'][number]>;
    edgeGeometry: ReadonlyMap<number, LayoutResult['edges'][number]>;
  }
>();
function indexOf(layout: LayoutResult) {
  let index = layoutIndex.get(layout);
  if (!index) {
    index = {
      position: new Map(layout.nodes.map((n) => [n.id, n])),
      edgeGeometry: new Map(layout.edges.map((e) => [e.id, e])),
    };
    layoutIndex.set(layout, index);
  }
  return index;
}

/** Remembered strings, forgotten all at once when there are too many (new values, training). */
const MEMO_MAX = 50_000;
function memo<K>(): { get(key: K, make: () => string): string } {
  let map = new Map<K, string>();
  return {
    get(key, make) {
      let v = map.get(key);
      if (v === undefined) {
        if (map.size >= MEMO_MAX) map = new Map();
        v = make();
        map.set(key, v);
      }
      return v;
    },
  };
}

const formatters = new Map<number | undefined, (v: number) => string>();
function formatter(digits: number | undefined): (v: number) => string {
  let f = formatters.get(digits);
  if (!f) {
    const cache = memo<number>();
    f = (v: number) => cache.get(v, () => formatNumber(v, digits));
    formatters.set(digits, f);
  }
  return f;
}

/** The words with their results remembered (keyed by the words object: a language's set). */
const labelMemos = new WeakMap<GraphViewWords, GraphViewWords>();
function labelsOf(words: GraphViewWords): GraphViewWords {
  let m = labelMemos.get(words);
  if (!m) {
    const cache = memo<string>();
    const toggle = words.groupToggle;
    m = {
      nodeValue: (name, value) =>
        cache.get(`v\0${name}\0${value}`, () => words.nodeValue(name, value)),
      nodeValueGrad: (name, value, grad) =>
        cache.get(`g\0${name}\0${value}\0${grad}`, () => words.nodeValueGrad(name, value, grad)),
      nodeUnknown: (name, formula) =>
        cache.get(`u\0${name}\0${formula}`, () => words.nodeUnknown(name, formula)),
      ...(toggle ? { groupToggle: toggle } : {}),
    };
    labelMemos.set(words, m);
  }
  return m;
}

/** A step inside a collapsed group plays on its box: no pulse along an edge the box hides. */
function inView(
  step: StepView,
  shown: (id: number) => number,
  edges: ReadonlyMap<number, unknown>,
): StepView {
  const node = step.node === undefined ? undefined : shown(step.node);
  if (node === step.node && (step.edge === undefined || edges.has(step.edge))) return step;
  const { edge, direction, carried, ...rest } = step;
  return {
    ...rest,
    ...(node !== undefined ? { node } : {}),
    ...(edge !== undefined && edges.has(edge) ? { edge, direction, carried } : {}),
  } as StepView;
}

function stepView(step: LensStep, fmt: (v: number) => string): StepView {
  switch (step.kind) {
    case 'forward-edge':
      return {
        index: step.index,
        kind: step.kind,
        edge: step.edge,
        direction: 'forward',
        carried: fmt(step.value),
        node: step.to,
      };
    case 'backward-edge':
      return {
        index: step.index,
        kind: step.kind,
        edge: step.edge,
        direction: 'backward',
        carried: fmt(step.contribution),
        node: step.to,
      };
    case 'tangent-edge':
      return {
        index: step.index,
        kind: step.kind,
        edge: step.edge,
        direction: 'tangent',
        carried: fmt(step.term),
        node: step.to,
      };
    case 'forward-node':
    case 'seed':
    case 'tangent-seed':
    case 'tangent-node':
      return { index: step.index, kind: step.kind, node: step.node };
  }
}
