import type { Span } from '../errors';
import { lazyArray } from '../lazy';
import type { NodeSymbol } from '../symbols';
import type { Note } from '../ops';
import { buildTensorGraph, type BuildOptions, type TensorGraph, type TensorNode } from './graph';
import { parseTensor, type TStatement } from './parse';
import {
  fromNested,
  shapeText,
  sizeOf,
  type Shape,
  type Tensor,
  type Value,
  type ValueInput,
} from './types';

/** One run of a tensor graph: every value and gradient in two flat buffers. */
export interface TensorRun {
  /** Node i's value is `value.subarray(node.offset, node.offset + node.size)`. */
  readonly value: Float64Array;
  /** ∂L/∂(node i) at the same offsets, L being the output (or the sum of its entries). */
  readonly grad: Float64Array;
  /** What each gradient edge sent back, at the edge's offset, with its operand's shape. */
  readonly contribution: Float64Array;
  /** The operand's gradient just after the edge's contribution was added. */
  readonly runningSum: Float64Array;
}

/** Evaluates every node in id order into a fresh value buffer. */
export function forwardTensor(
  g: TensorGraph,
  inputs?: ReadonlyMap<number, Float64Array>,
): Float64Array {
  const value = new Float64Array(g.size);
  for (const n of g.nodes) {
    if (n.kind !== 'op') {
      value.set(inputs?.get(n.id) ?? n.init!, n.offset);
      continue;
    }
    const xs = n.operands.map((o) => view(value, g.nodes[o]));
    const shapes = n.operands.map((o) => g.nodes[o].shape);
    n.op!.forward(xs, shapes, view(value, n), n.attr);
  }
  return value;
}

/** The output as a loss: itself if scalar, else the sum of its entries. */
export function lossOf(g: TensorGraph, value: Float64Array): number {
  const out = view(value, g.nodes[g.output]);
  let s = 0;
  for (let k = 0; k < out.length; k++) s += out[k];
  return s;
}

/** Reverse mode: each edge's VJP, accumulated into its operand's gradient. */
export function backwardTensor(g: TensorGraph, value: Float64Array): TensorRun {
  const grad = new Float64Array(g.size);
  const contribution = new Float64Array(g.edgeSize);
  const runningSum = new Float64Array(g.edgeSize);
  view(grad, g.nodes[g.output]).fill(1);
  for (const e of g.gradEdges) {
    const to = g.nodes[e.to];
    const from = g.nodes[e.from];
    const xs = to.operands.map((o) => view(value, g.nodes[o]));
    const shapes = to.operands.map((o) => g.nodes[o].shape);
    const c = contribution.subarray(e.offset, e.offset + from.size);
    to.op!.vjp(e.index, view(grad, to), xs, shapes, view(value, to), to.shape, to.attr, c);
    const acc = view(grad, from);
    for (let k = 0; k < c.length; k++) acc[k] += c[k];
    runningSum.set(acc, e.offset);
  }
  return { value, grad, contribution, runningSum };
}

/** `3×4 = 3×5 · 5×4` in LaTeX. */
const shapesTex = (text: string) =>
  text
    .replace(/[a-z][a-z ]*[a-z]/g, (w) => `\\text{${w}}`)
    .replace(/×/g, '{\\times}')
    .replace(/·/g, '\\cdot')
    .replace(/←/g, '\\leftarrow');

/** A node's note: only where trouble starts, not on everything downstream of a NaN. */
function notesOf(g: TensorGraph, value: Float64Array, n: TensorNode): Note[] {
  if (n.kind !== 'op' || !n.op!.diagnose) return [];
  const xs = n.operands.map((o) => view(value, g.nodes[o]));
  const note = n.op!.diagnose(
    xs,
    n.operands.map((o) => g.nodes[o].shape),
    view(value, n),
  );
  return note ? [note] : [];
}

const view = (buf: Float64Array, n: TensorNode) => buf.subarray(n.offset, n.offset + n.size);

const tensorAt = (buf: Float64Array, offset: number, shape: Shape): Tensor => ({
  shape,
  data: buf.subarray(offset, offset + sizeOf(shape)),
});

const valueAt = (buf: Float64Array, offset: number, shape: Shape): Value =>
  shape.length === 0 ? buf[offset] : tensorAt(buf, offset, shape);

/** A node of a tensor program, with one run's numbers. */
export interface TensorNodeInfo {
  readonly id: number;
  readonly kind: 'input' | 'const' | 'op';
  /** The op's registry name, or `input` / `const`. */
  readonly op: string;
  readonly name?: string;
  readonly symbol: NodeSymbol;
  readonly label: string;
  readonly operands: readonly number[];
  readonly span: Span;
  readonly shape: Shape;
  readonly value: Value;
  /** Absent on constants and on nodes no input reaches. */
  readonly grad?: Value;
  readonly variable: boolean;
  readonly reachesOutput: boolean;
  readonly isOutput: boolean;
  /** Domain and kink notes on its value, as the scalar engine gives them (the first entry's). */
  readonly notes: readonly Note[];
}

export type TensorStep = TensorForwardStep | TensorSeedStep | TensorBackwardStep;

interface StepCommon {
  readonly index: number;
  /** The formula in LaTeX and in plain text, shapes in brackets. */
  readonly tex: string;
  readonly text: string;
  /** The shapes the formula's arithmetic reads: `5×4 = 5×3 · 3×4`. */
  readonly shapes: string;
  /** The same in LaTeX, to set beside `tex`. */
  readonly shapesTex: string;
}

export interface TensorForwardStep extends StepCommon {
  readonly kind: 'forward-node';
  readonly phase: 'forward';
  readonly node: number;
  readonly value: Value;
}

export interface TensorSeedStep extends StepCommon {
  readonly kind: 'seed';
  readonly phase: 'backward';
  readonly node: number;
  /** Ones of the output's shape: ∂L/∂output. */
  readonly grad: Value;
}

/**
 * A gradient crosses an edge backwards: the consumer's gradient (`upstream`), the local rule
 * (the VJP's formula), and the operand's share (`contribution`), all with their shapes. At a
 * fork the share is added (`+=`) to what the operand already had (`accumulated`).
 */
export interface TensorBackwardStep extends StepCommon {
  readonly kind: 'backward-edge';
  readonly phase: 'backward';
  readonly edge: number;
  readonly from: number;
  readonly to: number;
  readonly upstream: Value;
  readonly contribution: Value;
  /** The operand's gradient after the share was added. */
  readonly accumulated: Value;
  /** True when the operand had a share already: the formula writes `+=`. */
  readonly adds: boolean;
  /** The rule without numbers: `∂L/∂W = Xᵀ · ∂L/∂Z`. */
  readonly ruleTex: string;
  readonly ruleText: string;
  /** A remark for the reader, e.g. softmax followed by cross-entropy simplifies to P − Y. */
  readonly note: string | undefined;
}

export interface TensorInputInfo {
  readonly name: string;
  readonly node: number;
  readonly shape: Shape;
  readonly value: Value;
  readonly declared: boolean;
}

/**
 * The analysis of a tensor program. Values and gradients are numbers for scalars and `Tensor`s
 * (shape + row-major `Float64Array`) otherwise; see `types.ts`.
 */
export interface TensorAnalysis {
  readonly kind: 'tensor';
  readonly source: string;
  readonly output: Value;
  readonly outputShape: Shape;
  /**
   * True when the output is not a scalar: the gradients are then those of the sum of its
   * entries, `loss`.
   */
  readonly summedOutput: boolean;
  /** The scalar the gradients are of: the output, or the sum of its entries. */
  readonly loss: number;
  /** ∂loss/∂input for every input, by name, each of its input's shape. */
  readonly gradients: Readonly<Record<string, Value>>;
  readonly inputs: readonly TensorInputInfo[];
  readonly nodes: readonly TensorNodeInfo[];
  /** Forward values node by node, the seed, then the backward pass edge by edge. */
  readonly steps: readonly TensorStep[];
  /**
   * What does not work on tensors yet, for a UI to say instead of breaking: forward mode, the
   * path enumeration and the gate notes are scalar-only.
   */
  readonly scalarOnly: readonly ('forward-mode' | 'paths' | 'gates')[];
  readonly graph: TensorGraph;
  readonly run: TensorRun;
}

export type TensorOptions = BuildOptions;

/** A tensor program parsed and built once, to run again with other values (a slider's drag). */
export interface TensorProgram {
  readonly graph: TensorGraph;
  /** Runs with these input values (same shapes reuse the graph; other shapes rebuild it). */
  analyze(values?: Readonly<Record<string, ValueInput>>): TensorAnalysis;
}

/** Parses and builds a tensor program. Throws a located `ExpressionError`. */
export function compileTensor(
  source: string,
  values?: Readonly<Record<string, ValueInput>>,
  options: TensorOptions = {},
): TensorProgram {
  const statements = parseTensor(source);
  return program(
    source,
    statements,
    buildTensorGraph(source, statements, values, options),
    options,
  );
}

function program(
  source: string,
  statements: readonly TStatement[],
  graph: TensorGraph,
  options: TensorOptions,
): TensorProgram {
  return {
    graph,
    analyze(values) {
      if (!values) return runTensor(graph);
      const overrides = new Map<number, Float64Array>();
      for (const id of graph.inputs) {
        const n = graph.nodes[id];
        if (!Object.hasOwn(values, n.name!)) continue;
        const t = fromNested(values[n.name!]);
        if (typeof t === 'string') throw new TypeError(`value of ${n.name}: ${t}`);
        if (t.shape.length !== n.shape.length || t.shape.some((d, k) => d !== n.shape[k])) {
          return program(
            source,
            statements,
            buildTensorGraph(source, statements, values, options),
            options,
          ).analyze();
        }
        overrides.set(id, t.data);
      }
      return runTensor(graph, overrides);
    },
  };
}

/** Parses, builds, runs forward and backward, and writes the step trace of a tensor program. */
export function analyzeTensor(
  source: string,
  values?: Readonly<Record<string, ValueInput>>,
  options: TensorOptions = {},
): TensorAnalysis {
  return compileTensor(source, values, options).analyze();
}

function runTensor(g: TensorGraph, inputs?: ReadonlyMap<number, Float64Array>): TensorAnalysis {
  const value = forwardTensor(g, inputs);
  const run = backwardTensor(g, value);
  const out = g.nodes[g.output];
  const gradients: Record<string, Value> = {};
  for (const id of g.inputs) {
    const n = g.nodes[id];
    Object.defineProperty(gradients, n.name!, {
      value: valueAt(run.grad, n.offset, n.shape),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  // Made on first read, as the scalar analysis does: a re-run reads a few.
  const nodes = lazyArray(g.nodes.length, (i): TensorNodeInfo => {
    const n = g.nodes[i];
    return {
      id: n.id,
      kind: n.kind,
      op: n.op?.name ?? n.kind,
      ...(n.name !== undefined ? { name: n.name } : {}),
      symbol: g.symbol(n.id),
      label: n.kind === 'op' ? n.op!.symbol : g.symbol(n.id).text,
      operands: n.operands,
      span: n.span,
      shape: n.shape,
      value: valueAt(value, n.offset, n.shape),
      ...(n.variable ? { grad: valueAt(run.grad, n.offset, n.shape) } : {}),
      variable: n.variable,
      reachesOutput: n.reachesOutput,
      isOutput: n.id === g.output,
      notes: notesOf(g, value, n),
    };
  });
  return {
    kind: 'tensor',
    source: g.source,
    output: valueAt(value, out.offset, out.shape),
    outputShape: out.shape,
    summedOutput: out.shape.length > 0,
    loss: lossOf(g, value),
    gradients,
    inputs: g.inputs.map((id) => {
      const n = g.nodes[id];
      return {
        name: n.name!,
        node: id,
        shape: n.shape,
        value: valueAt(value, n.offset, n.shape),
        declared: n.declared,
      };
    }),
    nodes,
    steps: traceTensor(g, run),
    scalarOnly: ['forward-mode', 'paths', 'gates'],
    graph: g,
    run,
  };
}

/**
 * The step trace. Steps carry their numbers (views into the run's buffers) at once; their
 * formulas are written on first read and kept, as in the scalar trace: a slider drag re-runs the
 * program and reads one step's formula, not all of them.
 */
function traceTensor(g: TensorGraph, run: TensorRun): TensorStep[] {
  const steps: TensorStep[] = [];
  const sym = (i: number) => g.symbol(i);
  const out = g.nodes[g.output];
  const summed = out.shape.length > 0;
  const lossTex = () => (summed ? `\\textstyle\\sum ${sym(g.output).tex}` : sym(g.output).tex);
  const lossText = () => (summed ? `sum(${sym(g.output).text})` : sym(g.output).text);
  const d = (i: number, tex: boolean) =>
    tex
      ? `\\frac{\\partial ${lossTex()}}{\\partial ${sym(i).tex}}`
      : `∂${lossText()}/∂${sym(i).text}`;
  const once = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };

  for (const n of g.nodes) {
    if (n.kind !== 'op') continue;
    const f = once(() => {
      const args = n.operands.map((o) => sym(o));
      return {
        tex: `${sym(n.id).tex} = ${n.op!.write(
          'tex',
          args.map((a) => a.tex),
          n.attr,
        )}`,
        text: `${sym(n.id).text} = ${n.op!.write(
          'text',
          args.map((a) => a.text),
          n.attr,
        )}`,
        shapes: `${shapeText(n.shape)} ← ${n.operands.map((o) => shapeText(g.nodes[o].shape)).join(', ')}`,
      };
    });
    steps.push({
      index: steps.length,
      kind: 'forward-node',
      phase: 'forward',
      node: n.id,
      value: valueAt(run.value, n.offset, n.shape),
      get tex() {
        return f().tex;
      },
      get text() {
        return f().text;
      },
      get shapes() {
        return f().shapes;
      },
      get shapesTex() {
        return shapesTex(f().shapes);
      },
    });
  }
  steps.push({
    index: steps.length,
    kind: 'seed',
    phase: 'backward',
    node: g.output,
    grad: valueAt(run.grad, out.offset, out.shape),
    get tex() {
      return `${d(g.output, true)} = ${summed ? `\\mathbf{1}` : '1'}`;
    },
    get text() {
      return `${d(g.output, false)} = ${summed ? `1 (every entry)` : '1'}`;
    },
    shapes: shapeText(out.shape),
    shapesTex: shapesTex(shapeText(out.shape)),
  });
  const seen = new Set<number>();
  for (const e of g.gradEdges) {
    const to = g.nodes[e.to];
    const from = g.nodes[e.from];
    const adds = seen.has(e.from);
    seen.add(e.from);
    const fused = to.op!.name === 'crossentropy' && e.index === 0 && from.op?.name === 'softmax';
    const f = once(() => {
      const shapes = to.operands.map((o) => g.nodes[o].shape);
      const args = to.operands.map((o) => sym(o));
      const rule = (tex: boolean) =>
        to.op!.vjpRule(
          tex ? 'tex' : 'text',
          e.index,
          args.map((a) => (tex ? a.tex : a.text)),
          d(e.to, tex),
          tex ? sym(e.to).tex : sym(e.to).text,
          shapes,
          to.shape,
        );
      const ruleTex = rule(true);
      const ruleText = rule(false);
      return {
        ruleTex,
        ruleText,
        tex: `${d(e.from, true)} ${adds ? '\\mathrel{+}=' : '='} ${ruleTex}`,
        text: `${d(e.from, false)} ${adds ? '+=' : '='} ${ruleText}`,
        shapes: to.op!.vjpShapes(e.index, shapes, to.shape),
        note: fused
          ? `softmax followed by cross-entropy: the two steps together give ∂${lossText()}/∂(softmax's input) = (${sym(e.from).text} − ${args[1].text})${from.shape.length === 2 ? '/N' : ''}, the "P − Y" of seed 002, without the softmax Jacobian.`
          : undefined,
      };
    });
    steps.push({
      index: steps.length,
      kind: 'backward-edge',
      phase: 'backward',
      edge: e.id,
      from: e.from,
      to: e.to,
      upstream: valueAt(run.grad, to.offset, to.shape),
      contribution: valueAt(run.contribution, e.offset, from.shape),
      accumulated: valueAt(run.runningSum, e.offset, from.shape),
      adds,
      get ruleTex() {
        return f().ruleTex;
      },
      get ruleText() {
        return f().ruleText;
      },
      get tex() {
        return f().tex;
      },
      get text() {
        return f().text;
      },
      get shapes() {
        return f().shapes;
      },
      get shapesTex() {
        return shapesTex(f().shapes);
      },
      get note() {
        return f().note;
      },
    });
  }
  return steps;
}
