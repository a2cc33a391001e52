import { backward, type BackwardResult } from './backward';
// Types only: the reader of hand-written backward passes (`backwardPass.ts`) loads when needed.
import type { BackwardPass, ReadProgram } from './backwardTypes';
import type { Span } from './errors';
import { forward } from './forward';
import { buildGraph, NodeKind, type CompiledGraph } from './graph';
import { lazyArray, lazyRecord } from './lazy';
import { OP_LIST, type Note, type OpName } from './ops';
import { parse } from './parser';
import type { NodeSymbol } from './symbols';
import { buildTrace, NEVER, type Step, type Trace } from './trace';
import { ExpressionError } from './errors';
import { needsEngine, tensorEngine, tensorSyntaxAt } from './tensor/hook';
import type { TensorAnalysis } from './tensor/run';
import { isTensor, type Value, type ValueInput } from './tensor/types';

/** A node of the computational graph, with the numbers of one run. */
export interface GraphNode {
  /** Index in `graph.nodes`; also a topological position: operands have smaller ids. */
  readonly id: number;
  readonly kind: 'input' | 'const' | 'op';
  /** The operation for op nodes; `input` or `const` otherwise. */
  readonly op: OpName | 'input' | 'const';
  /** The name the program gave it (an input or a named intermediate). */
  readonly name?: string;
  /** How formulas refer to it: its name, a generated `a₁`, `f` for an unnamed output, or its number. */
  readonly symbol: NodeSymbol;
  /** What the graph draws inside the node: `+`, `σ`, `x`, `2`. */
  readonly label: string;
  /** Operand node ids, in order: for `x - y`, [x, y]. */
  readonly operands: readonly number[];
  /** Edges into it (one per operand, in order) and out of it (one per use). */
  readonly inEdges: readonly number[];
  readonly outEdges: readonly number[];
  /** Where it is written in the source. */
  readonly span: Span;
  /** [] for a scalar. Tensor-valued nodes will carry their dimensions here. */
  readonly shape: readonly number[];
  /** Forward value. */
  readonly value: number;
  /** ∂output/∂(this node). Absent on constants, whose gradient nobody needs. */
  readonly grad?: number;
  /** Depends on at least one input. */
  readonly variable: boolean;
  /** The output depends on it. */
  readonly reachesOutput: boolean;
  readonly isOutput: boolean;
  /** Domain, kink and slope notes for the UI to explain. */
  readonly notes: readonly Note[];
}

/** An edge from an operand into the node that consumes it. */
export interface GraphEdge {
  readonly id: number;
  /** The operand. */
  readonly from: number;
  /** The consumer. */
  readonly to: number;
  /** Which operand of `to` this is (0-based). */
  readonly index: number;
  /** ∂(to)/∂(from) at the forward values: the local derivative. */
  readonly local: number;
  /** ∂output/∂(to) · local: the share of the gradient sent back along it, if any is. */
  readonly contribution?: number;
}

export interface InputInfo {
  readonly name: string;
  readonly node: number;
  readonly value: number;
  /** True for `x = -2`, false for a free variable that took the default 1. */
  readonly declared: boolean;
}

export interface Analysis {
  readonly source: string;
  /** Forward value of the program's output (its last statement). */
  readonly output: number;
  /**
   * ∂output/∂input for every input, by name; 0 for one the output does not use. A `Value`: a
   * number for a scalar input, a `Tensor` (shape + row-major `Float64Array`, see
   * `tensor/types.ts`) of the input's shape for a tensor input, so `analyze(src).gradients.W` of
   * a 3×4 `W` is a 3×4 tensor. Scalar code reads a number with `scalarGradient(a, name)`, or
   * narrows the analysis with `isScalarAnalysis(a)` (every gradient then a number).
   */
  readonly gradients: Readonly<Record<string, Value>>;
  readonly inputs: readonly InputInfo[];
  readonly graph: {
    readonly nodes: readonly GraphNode[];
    readonly edges: readonly GraphEdge[];
    /** Node id of the output. */
    readonly output: number;
  };
  /** Forward steps, the seed, then backward steps, edge by edge. */
  readonly steps: readonly Step[];
  /** Where each label appears in `steps`. */
  readonly trace: Trace;
  /** The flat arrays behind `graph`, for fast re-runs with other input values. */
  readonly compiled: CompiledGraph;
  readonly value: Float64Array;
  readonly backward: BackwardResult;
  /**
   * The hand-written backward pass (`dfdz = q`, cs231n's `dq = z`), when the program holds one
   * and was read by `analyzeWithBackwardPass`: those statements are not part of the forward
   * program this analysis is about.
   */
  readonly backwardPass?: BackwardPass;
  /** With `backwardPass`: the input values the program was analysed with. */
  readonly values?: Readonly<Record<string, number>>;
  /**
   * Present for a tensor program (vectors, matrices, `@`, numpy spellings): its values, shapes,
   * gradients (a `Tensor` for a tensor input, see `tensor/types.ts`) and step trace. The scalar
   * members above then describe no graph: `output` is the scalar the gradients are of (the output,
   * or the sum of its entries, `tensor.summedOutput`), `gradients` holds every input's (the same
   * record as `tensor.gradients`), `inputs`, `graph` and `steps` are empty, and `compiled`, `trace`, `value` and `backward` are
   * the constant program `0`'s, placeholders; a UI reads `tensor` instead. Forward mode, paths
   * and gate notes are scalar-only for now (`tensor.scalarOnly` says so).
   */
  readonly tensor?: TensorAnalysis;
}

/**
 * The analysis of a scalar program: every gradient a number, and no `tensor`. What the scalar
 * path (`run`, `analyzeRead`) returns, and what `isScalarAnalysis` narrows an `Analysis` to.
 */
export interface ScalarAnalysis extends Analysis {
  readonly gradients: Readonly<Record<string, number>>;
  readonly tensor?: undefined;
}

/** Whether `a` is a scalar program's analysis (all its gradients numbers). */
export const isScalarAnalysis = (a: Analysis): a is ScalarAnalysis => a.tensor === undefined;

/**
 * Input `name`'s gradient as a number: for scalar code that does arithmetic with it. A scalar
 * input of a tensor program is a number too; a tensor input's gradient is not, and throws a
 * `TypeError` (read it from `a.gradients` as a `Tensor`). Undefined for a name that is no input.
 */
export function scalarGradient(a: Analysis, name: string): number | undefined {
  if (!Object.hasOwn(a.gradients, name)) return undefined;
  const g = a.gradients[name];
  if (typeof g !== 'number') throw new TypeError(`the gradient of ${name} is a tensor`);
  return g;
}

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Seed of `randn` in tensor programs: same seed, same numbers, on every machine. Default 0. */
  readonly seed?: number;
}

/** Default significant digits in formulas. */
const DIGITS = 4;

/**
 * Parses, builds, runs forward and backward, and writes the step trace of a program, its last
 * statement being the output. Throws `ExpressionError` (and nothing else) for input it cannot
 * read. (`analyzeWithBackwardPass` reads a hand-written backward pass out of it first.)
 *
 * @example
 * analyze('(x+y)*z', { x: -2, y: 5, z: -4 }) // output -12, gradients { x: -4, y: -4, z: 3 }
 */
export function analyze(
  source: string,
  values?: Readonly<Record<string, number | ValueInput>>,
  options?: AnalyzeOptions,
): Analysis {
  // Scalar programs take the scalar path exactly as before: the tensor parser is only tried
  // when a value is a tensor, or when the scalar parser fails on text that has tensor syntax.
  if (values && hasTensorValue(values)) return analyzeAsTensor(source, values, options);
  let program;
  try {
    program = parse(source);
  } catch (e) {
    if (e instanceof ExpressionError && tensorSyntaxAt(source, e.start)) {
      return analyzeAsTensor(source, values, options, e.start);
    }
    throw e;
  }
  return run(buildGraph(program, values as Readonly<Record<string, number>> | undefined), source);
}

function analyzeAsTensor(
  source: string,
  values: Readonly<Record<string, number | ValueInput>> | undefined,
  options: AnalyzeOptions | undefined,
  at?: number,
): Analysis {
  const engine = tensorEngine();
  if (!engine) throw needsEngine(source, at);
  return tensorAsAnalysis(engine.analyze(source, values, options));
}

/** Whether any of `values` is a tensor (nested arrays or a `Tensor`): a tensor program, then. */
export function hasTensorValue(values: Readonly<Record<string, unknown>>): boolean {
  for (const k in values) {
    const v = values[k];
    if (typeof v !== 'number' && (Array.isArray(v) || isTensor(v))) return true;
  }
  return false;
}

/** A tensor analysis behind the `Analysis` type: see `Analysis.tensor`. */
let placeholder: Analysis | undefined;

function tensorAsAnalysis(t: TensorAnalysis): Analysis {
  const empty = (placeholder ??= run(buildGraph(parse('0')), '0'));
  return {
    ...empty,
    source: t.source,
    output: t.loss,
    gradients: t.gradients,
    inputs: [],
    graph: { nodes: [], edges: [], output: -1 },
    steps: [],
    tensor: t,
  };
}

/** `analyze` of a program already read: its forward program, and its backward pass if any. */
export function analyzeRead(
  source: string,
  { forward: program, pass }: ReadProgram,
  values?: Readonly<Record<string, number>>,
): ScalarAnalysis {
  if (!pass) return run(buildGraph(program, values), source);
  // The whole program is built once too: a gradient line that reads a name defined later gets
  // the same located message as any other line. A gradient name may be written again
  // (`dx += …`, as Python runs it): its later lines are left out of this build.
  const seen = new Set<number>();
  const once = pass.program.statements.filter((s) => {
    if (s.target < 0 || !seen.has(s.target)) return (seen.add(s.target), true);
    return pass.forwardNames.has(pass.program.names[s.target]);
  });
  buildGraph({ ...pass.program, statements: once }, values);
  return { ...run(buildGraph(program, values), source), backwardPass: pass, values: values ?? {} };
}

/**
 * Runs an already built graph, optionally with other input values (`inputValues[k]` for input k)
 * and another backward order (see `backward`).
 */
export function run(
  g: CompiledGraph,
  source: string,
  inputValues?: ArrayLike<number>,
  order?: Int32Array,
): ScalarAnalysis {
  const fw = forward(g, inputValues);
  const bw = backward(g, fw.value, order);
  const trace = buildTrace({ graph: g, value: fw.value, backward: bw, digits: DIGITS });
  return assemble(g, source, fw.value, fw.notes, bw, trace);
}

/**
 * `a` played in another backward order (see `backward`; `collapsedOrder.ts` makes the order
 * where each collapsed group is one run): the same program, graph and forward values, with the
 * backward sweep, its running sums and the step trace rebuilt for `order` (shares arrive in
 * another order, so running sums and arrival numbers change; final gradients only by rounding).
 * `compiled` is `a`'s own, so whatever is memoized on it stays valid.
 *
 * @example
 * analysisInOrder(a, collapsedEdgeOrder(a.compiled, [group])).steps // one run for the group
 */
export function analysisInOrder(a: Analysis, order: Int32Array): Analysis {
  if (order === a.backward.edgeOrder || a.tensor) return a;
  const g = a.compiled;
  const inputs = Array.from(g.inputs, (id) => a.value[id]);
  return { ...a, ...run(g, a.source, inputs, order) };
}

/**
 * The result object. `graph.nodes`, `graph.edges`, `inputs` and `steps` are arrays whose
 * elements are made on first read, and `gradients` is filled on first read (see `lazy.ts`): the
 * flat arrays already hold every number, and a UI reads a few elements at a time, so a
 * 100,000-node analysis does not pay for a million objects up front.
 */
function assemble(
  g: CompiledGraph,
  source: string,
  value: Float64Array,
  valueNotes: ReadonlyMap<number, readonly Note[]>,
  bw: BackwardResult,
  trace: Trace,
): ScalarAnalysis {
  const edges = lazyArray(g.edgeCount, (e): GraphEdge => {
    const to = g.edgeTo[e];
    const carries = trace.edgeGradStep[e] !== NEVER;
    return {
      id: e,
      from: g.edgeFrom[e],
      to,
      index: e - g.inStart[to],
      local: bw.local[e],
      ...(carries ? { contribution: bw.contribution[e] } : {}),
    };
  });
  const nodes = lazyArray(g.nodeCount, (i): GraphNode => {
    const kind = g.kind[i];
    const symbol = g.symbol(i);
    const inEdges: number[] = [];
    const operands: number[] = [];
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
      inEdges.push(e);
      operands.push(g.edgeFrom[e]);
    }
    const notes = [...(valueNotes.get(i) ?? []), ...(bw.notes.get(i) ?? [])];
    const name = g.names[i];
    return {
      id: i,
      kind: kind === NodeKind.Input ? 'input' : kind === NodeKind.Const ? 'const' : 'op',
      op:
        kind === NodeKind.Op ? OP_LIST[g.op[i]].name : kind === NodeKind.Input ? 'input' : 'const',
      ...(name !== undefined ? { name } : {}),
      symbol,
      label: kind === NodeKind.Op ? OP_LIST[g.op[i]].symbol : symbol.text,
      operands,
      inEdges,
      outEdges: Array.from(g.outEdges.subarray(g.outStart[i], g.outStart[i + 1])),
      span: { start: g.spanStart[i], end: g.spanEnd[i] },
      shape: SCALAR,
      value: value[i],
      ...(g.variable[i] ? { grad: bw.grad[i] } : {}),
      variable: g.variable[i] === 1,
      reachesOutput: g.reachesOutput[i] === 1,
      isOutput: i === g.output,
      notes,
    };
  });
  const inputs = lazyArray(g.inputs.length, (k): InputInfo => {
    const id = g.inputs[k];
    return { name: g.names[id]!, node: id, value: value[id], declared: g.inputDeclared[k] === 1 };
  });
  // Tens of thousands of inputs make an object slow to build (each name a new key), so it is
  // built when first read.
  const gradients = lazyRecord(() => {
    const record: Record<string, number> = {};
    for (let k = 0; k < g.inputs.length; k++) {
      const id = g.inputs[k];
      const name = g.names[id]!;
      // A program may name an input `__proto__`, which plain assignment would swallow.
      if (name === '__proto__') {
        Object.defineProperty(record, name, {
          value: bw.grad[id],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        record[name] = bw.grad[id];
      }
    }
    return record;
  });
  return {
    source,
    output: value[g.output],
    gradients,
    inputs,
    graph: { nodes, edges, output: g.output },
    steps: trace.steps,
    trace,
    compiled: g,
    value,
    backward: bw,
  };
}

const SCALAR: readonly number[] = Object.freeze([]);
