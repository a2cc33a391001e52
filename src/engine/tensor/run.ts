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
  /**
   * What each edge into a fork sent back, at the edge's offset, with its operand's shape (an
   * edge with offset -1 sent its operand's whole gradient, `grad` at the operand's offset).
   */
  readonly contribution: Float64Array;
  /** The fork's gradient just after the edge's contribution was added. */
  readonly runningSum: Float64Array;
}

/** Evaluates every node in id order into a fresh value buffer. */
export function forwardTensor(
  g: TensorGraph,
  inputs?: ReadonlyMap<number, Float64Array>,
  value: Float64Array = new Float64Array(g.size),
): Float64Array {
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
export function backwardTensor(
  g: TensorGraph,
  value: Float64Array,
  /** Zeroed room for the gradients, contributions and running sums (made if not given). */
  room: Float64Array = new Float64Array(g.size + 2 * g.edgeSize),
): TensorRun {
  const grad = room.subarray(0, g.size);
  const contribution = room.subarray(g.size, g.size + g.edgeSize);
  const runningSum = room.subarray(g.size + g.edgeSize, g.size + 2 * g.edgeSize);
  view(grad, g.nodes[g.output]).fill(1);
  for (const e of g.gradEdges) {
    const to = g.nodes[e.to];
    const from = g.nodes[e.from];
    const xs = to.operands.map((o) => view(value, g.nodes[o]));
    const shapes = to.operands.map((o) => g.nodes[o].shape);
    const acc = view(grad, from);
    if (e.offset < 0) {
      // The operand's only share: written in place. `+= 0` turns a -0 into the 0 that adding
      // it to a zeroed gradient gives, so sums stay bit for bit the scalar engine's.
      to.op!.vjp(e.index, view(grad, to), xs, shapes, view(value, to), to.shape, to.attr, acc);
      for (let k = 0; k < acc.length; k++) acc[k] += 0;
      continue;
    }
    const c = contribution.subarray(e.offset, e.offset + from.size);
    to.op!.vjp(e.index, view(grad, to), xs, shapes, view(value, to), to.shape, to.attr, c);
    for (let k = 0; k < c.length; k++) acc[k] += c[k];
    runningSum.set(acc, e.offset);
  }
  return { value, grad, contribution, runningSum };
}

/** `3×4 = 3×5 · 5×4` in LaTeX. */
const shapesTex = (text: string) =>
  text
    // A space after a word stays inside `\text{…}`: in math mode it would be dropped.
    .replace(/([a-z][a-z ]*[a-z])( ?)/g, (_, w: string, space: string) => `\\text{${w}${space}}`)
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
  /**
   * The formula with its shapes after it, in one string, as a step is read out:
   * `∂L/∂W₁ = Xᵀ · ∂L/∂Z₁ (3×4 = 3×5 · 5×4)`, each shape in the order of the factors it sizes.
   */
  readonly formulaText: string;
  /** The same in LaTeX: `tex`, a space, then `shapesTex` in parentheses. */
  readonly formulaTex: string;
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
  // One buffer for every number of the run: values, gradients, contributions, running sums.
  const all = new Float64Array(2 * g.size + 2 * g.edgeSize);
  const value = forwardTensor(g, inputs, all.subarray(0, g.size));
  const run = backwardTensor(g, value, all.subarray(g.size));
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

/** What every step's formula reads: the graph, its symbols, and how ∂loss/∂node is written. */
class TraceContext {
  readonly summed: boolean;
  constructor(readonly g: TensorGraph) {
    this.summed = g.nodes[g.output].shape.length > 0;
  }
  sym(i: number): NodeSymbol {
    return this.g.symbol(i);
  }
  lossText(): string {
    const L = this.sym(this.g.output);
    return this.summed ? `sum(${L.text})` : L.text;
  }
  /** ∂loss/∂(node i), in LaTeX or in text. */
  d(i: number, tex: boolean): string {
    const L = this.sym(this.g.output);
    if (!tex) return `∂${this.lossText()}/∂${this.sym(i).text}`;
    const loss = this.summed ? `\\textstyle\\sum ${L.tex}` : L.tex;
    return `\\frac{\\partial ${loss}}{\\partial ${this.sym(i).tex}}`;
  }
}

interface Formulas {
  readonly tex: string;
  readonly text: string;
  readonly shapes: string;
}

/**
 * A step whose formulas are written on first read and kept, as in the scalar trace: a slider
 * drag re-runs the program and reads one step's formula, not all of them. Classes, not literals
 * with getters: a re-run makes every step again, and instances of a class are cheap to make.
 */
abstract class LazyStep<F extends Formulas> {
  private made?: F;
  constructor(
    protected readonly ctx: TraceContext,
    readonly index: number,
  ) {}
  protected abstract write(): F;
  protected get f(): F {
    return (this.made ??= this.write());
  }
  get tex(): string {
    return this.f.tex;
  }
  get text(): string {
    return this.f.text;
  }
  get shapes(): string {
    return this.f.shapes;
  }
  get shapesTex(): string {
    return shapesTex(this.f.shapes);
  }
  get formulaText(): string {
    return `${this.f.text} (${this.f.shapes})`;
  }
  get formulaTex(): string {
    return `${this.f.tex} \\quad \\left(${shapesTex(this.f.shapes)}\\right)`;
  }
}

class ForwardStep extends LazyStep<Formulas> implements TensorForwardStep {
  readonly kind = 'forward-node';
  readonly phase = 'forward';
  constructor(
    ctx: TraceContext,
    index: number,
    readonly node: number,
    readonly value: Value,
  ) {
    super(ctx, index);
  }
  protected write(): Formulas {
    const { g } = this.ctx;
    const n = g.nodes[this.node];
    const args = n.operands.map((o) => this.ctx.sym(o));
    const self = this.ctx.sym(n.id);
    return {
      tex: `${self.tex} = ${n.op!.write(
        'tex',
        args.map((a) => a.tex),
        n.attr,
      )}`,
      text: `${self.text} = ${n.op!.write(
        'text',
        args.map((a) => a.text),
        n.attr,
      )}`,
      shapes: `${shapeText(n.shape)} ← ${n.operands.map((o) => shapeText(g.nodes[o].shape)).join(', ')}`,
    };
  }
}

class SeedStep extends LazyStep<Formulas> implements TensorSeedStep {
  readonly kind = 'seed';
  readonly phase = 'backward';
  constructor(
    ctx: TraceContext,
    index: number,
    readonly node: number,
    readonly grad: Value,
  ) {
    super(ctx, index);
  }
  protected write(): Formulas {
    const { summed } = this.ctx;
    return {
      tex: `${this.ctx.d(this.node, true)} = ${summed ? '\\mathbf{1}' : '1'}`,
      text: `${this.ctx.d(this.node, false)} = ${summed ? '1 (every entry)' : '1'}`,
      shapes: shapeText(this.ctx.g.nodes[this.node].shape),
    };
  }
}

interface EdgeFormulas extends Formulas {
  readonly ruleTex: string;
  readonly ruleText: string;
  readonly note: string | undefined;
}

class BackwardStep extends LazyStep<EdgeFormulas> implements TensorBackwardStep {
  readonly kind = 'backward-edge';
  readonly phase = 'backward';
  constructor(
    ctx: TraceContext,
    index: number,
    readonly edge: number,
    readonly from: number,
    readonly to: number,
    /** Operand index of `from` in `to`. */
    private readonly operand: number,
    readonly upstream: Value,
    readonly contribution: Value,
    readonly accumulated: Value,
    readonly adds: boolean,
  ) {
    super(ctx, index);
  }
  get ruleTex(): string {
    return this.f.ruleTex;
  }
  get ruleText(): string {
    return this.f.ruleText;
  }
  get note(): string | undefined {
    return this.f.note;
  }
  protected write(): EdgeFormulas {
    const { ctx, operand, adds } = this;
    const { g } = ctx;
    const to = g.nodes[this.to];
    const from = g.nodes[this.from];
    const shapes = to.operands.map((o) => g.nodes[o].shape);
    const args = to.operands.map((o) => ctx.sym(o));
    const rule = (tex: boolean) =>
      to.op!.vjpRule(
        tex ? 'tex' : 'text',
        operand,
        args.map((a) => (tex ? a.tex : a.text)),
        ctx.d(this.to, tex),
        tex ? ctx.sym(this.to).tex : ctx.sym(this.to).text,
        shapes,
        to.shape,
      );
    const ruleTex = rule(true);
    const ruleText = rule(false);
    const fused = to.op!.name === 'crossentropy' && operand === 0 && from.op?.name === 'softmax';
    return {
      ruleTex,
      ruleText,
      tex: `${ctx.d(this.from, true)} ${adds ? '\\mathrel{+}=' : '='} ${ruleTex}`,
      text: `${ctx.d(this.from, false)} ${adds ? '+=' : '='} ${ruleText}`,
      shapes: to.op!.vjpShapes(operand, shapes, to.shape),
      note: fused
        ? `softmax followed by cross-entropy: the two steps together give ∂${ctx.lossText()}/∂(softmax's input) = (${args[0].text} − ${args[1].text})${from.shape.length === 2 ? '/N' : ''}, the "P − Y" of seed 002, without the softmax Jacobian.`
        : undefined,
    };
  }
}

/** The step trace: forward values node by node, the seed, then the backward pass edge by edge. */
function traceTensor(g: TensorGraph, run: TensorRun): TensorStep[] {
  const ctx = new TraceContext(g);
  const steps: TensorStep[] = [];
  for (const n of g.nodes) {
    if (n.kind !== 'op') continue;
    steps.push(new ForwardStep(ctx, steps.length, n.id, valueAt(run.value, n.offset, n.shape)));
  }
  const out = g.nodes[g.output];
  steps.push(new SeedStep(ctx, steps.length, g.output, valueAt(run.grad, out.offset, out.shape)));
  const seen = new Set<number>();
  for (const e of g.gradEdges) {
    const to = g.nodes[e.to];
    const from = g.nodes[e.from];
    const adds = seen.has(e.from);
    seen.add(e.from);
    steps.push(
      new BackwardStep(
        ctx,
        steps.length,
        e.id,
        e.from,
        e.to,
        e.index,
        valueAt(run.grad, to.offset, to.shape),
        e.offset < 0
          ? valueAt(run.grad, from.offset, from.shape)
          : valueAt(run.contribution, e.offset, from.shape),
        e.offset < 0
          ? valueAt(run.grad, from.offset, from.shape)
          : valueAt(run.runningSum, e.offset, from.shape),
        adds,
      ),
    );
  }
  return steps;
}
