import { ExpressionError, type Span } from '../errors';
import type { MessageKey, MessageParams } from '../messages';
import {
  generatedSymbol,
  identifierSymbol,
  chooseGeneratedNames,
  type NodeSymbol,
} from '../symbols';
import { formatNumber } from '../format';
import { CREATORS, TENSOR_OPS, type Operand, type TensorOp } from './ops';
import { SPIRAL_LIMITS, spiralLabels, spiralPoints } from './spiral';
import type { Ast, TStatement } from './parse';
import { fromNested, shapeText, sizeOf, type Shape, type Tensor, type ValueInput } from './types';

/**
 * A tensor program's graph: one node per value (an input, a constant, an op's result), each
 * with its shape and its offset into the run's one value buffer (and the same offset into the
 * gradient buffer). Nodes are objects (a network has tens of them); elements never are.
 * Shapes are inferred here, before anything runs, so a shape error is reported as the text is
 * typed, located on the operator or call.
 */
export interface TensorNode {
  readonly id: number;
  readonly kind: 'input' | 'const' | 'op';
  readonly op?: TensorOp;
  /** The axis of a reduction, -1 otherwise. */
  readonly attr: number;
  readonly operands: readonly number[];
  readonly shape: Shape;
  readonly size: number;
  /** Where its entries start in the value and gradient buffers. */
  readonly offset: number;
  name?: string;
  readonly span: Span;
  /** Starting value of an input, value of a constant. */
  readonly init?: Float64Array;
  /** An input the program declared (`W = [[…]]`, `x = 2`, `W = randn(3, 4)`). */
  readonly declared: boolean;
  /** Depends on some input. */
  readonly variable: boolean;
  /** The output depends on it (filled in after the build). */
  reachesOutput: boolean;
}

/** An edge that carries a gradient back: operand `index` of `to`, which is node `from`. */
export interface TensorEdge {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly index: number;
  /**
   * Where its contribution (the operand's size) starts in the edge buffers, for an operand that
   * gets shares along several edges (a fork); -1 for an operand with this one share, whose
   * gradient is the contribution itself (so the VJP writes it in place, and a large network
   * does not pay for a second copy of every gradient).
   */
  readonly offset: number;
}

export interface TensorGraph {
  readonly source: string;
  readonly nodes: readonly TensorNode[];
  /** Input node ids in order of first appearance. */
  readonly inputs: readonly number[];
  readonly output: number;
  /** Length of the value (and gradient) buffer: the sum of every node's size. */
  readonly size: number;
  /** Gradient edges in the order the backward sweep sends them (consumers latest first). */
  readonly gradEdges: readonly TensorEdge[];
  /** Length of the contribution buffer. */
  readonly edgeSize: number;
  readonly symbol: (node: number) => NodeSymbol;
}

export interface BuildOptions {
  /** Seed of `randn`: the same seed draws the same numbers on every machine. Default 0. */
  readonly seed?: number;
}

const SHORT = 24;

/** Builds the graph of parsed statements, inferring every shape. Throws a located `ExpressionError`. */
export function buildTensorGraph(
  source: string,
  statements: readonly TStatement[],
  values: Readonly<Record<string, ValueInput>> | undefined,
  options: BuildOptions = {},
): TensorGraph {
  const nodes: TensorNode[] = [];
  const inputs: number[] = [];
  const nodeOf = new Map<string, number>();
  const definedAt = new Map<string, number>();
  let size = 0;
  const seed = options.seed ?? 0;

  statements.forEach((s, k) => {
    if (s.target === undefined) return;
    const earlier = definedAt.get(s.target);
    if (earlier !== undefined) {
      throw new ExpressionError('error.redefined', s.targetSpan, {
        name: s.target,
        line: statements[earlier].line,
      });
    }
    definedAt.set(s.target, k);
  });

  const text = (a: Span) => {
    const t = source.slice(a.start, a.end).replace(/\s+/g, ' ');
    return t.length > SHORT ? t.slice(0, SHORT - 1) + '…' : t;
  };

  const add = (n: Omit<TensorNode, 'id' | 'offset' | 'size' | 'reachesOutput'>): number => {
    const id = nodes.length;
    const sz = sizeOf(n.shape);
    // Every field written, in one order: nodes of one shape keep the sweeps' reads fast.
    nodes.push({
      id,
      kind: n.kind,
      op: n.op,
      attr: n.attr,
      operands: n.operands,
      shape: n.shape,
      size: sz,
      offset: size,
      name: n.name,
      span: n.span,
      init: n.init,
      declared: n.declared,
      variable: n.variable,
      reachesOutput: false,
    });
    size += sz;
    return id;
  };

  const addInput = (
    name: string,
    shape: Shape,
    init: Float64Array,
    at: Span,
    declared: boolean,
  ) => {
    let sh = shape;
    let data = init;
    if (values && Object.hasOwn(values, name)) {
      const t = fromNested(values[name]);
      if (typeof t === 'string') throw new TypeError(`value of ${name}: ${t}`);
      sh = t.shape;
      data = t.data;
    }
    const id = add({
      kind: 'input',
      attr: -1,
      operands: [],
      shape: sh,
      name,
      span: at,
      init: data,
      declared,
      variable: true,
    });
    inputs.push(id);
    nodeOf.set(name, id);
    return id;
  };

  const visit = (a: Ast, statement: number): number => {
    switch (a.t) {
      case 'num':
        return add({
          kind: 'const',
          attr: -1,
          operands: [],
          shape: [],
          span: a.span,
          init: Float64Array.of(a.value),
          declared: false,
          variable: false,
        });
      case 'lit':
        return add({
          kind: 'const',
          attr: -1,
          operands: [],
          shape: a.shape,
          span: a.span,
          init: a.data,
          declared: false,
          variable: false,
        });
      case 'name': {
        const def = definedAt.get(a.name);
        if (def !== undefined) {
          if (def === statement) {
            throw new ExpressionError('error.selfReference', a.span, { name: a.name });
          }
          if (def > statement) {
            throw new ExpressionError('error.usedBeforeDefined', a.span, {
              name: a.name,
              line: statements[def].line,
            });
          }
          return nodeOf.get(a.name)!;
        }
        return nodeOf.get(a.name) ?? addInput(a.name, [], Float64Array.of(1), a.span, false);
      }
      case 'call': {
        const op = TENSOR_OPS[a.op];
        if (!op) throw new ExpressionError('tensor.creatorNotInput', a.at, { name: a.op });
        const operands = a.args.map((arg) => visit(arg, statement));
        const ins: Operand[] = operands.map((o, k) => ({
          shape: nodes[o].shape,
          text: text(a.args[k].span),
        }));
        const fail = (code: MessageKey, params: MessageParams): never => {
          throw new ExpressionError(code, a.at, params);
        };
        const attr = a.axis === undefined ? -1 : normalAxis(a.axis, ins[0].shape);
        const shape = op.shape(ins, attr, fail);
        return add({
          kind: 'op',
          op,
          attr,
          operands,
          shape,
          span: a.span,
          declared: false,
          variable: operands.some((o) => nodes[o].variable),
        });
      }
    }
  };

  let output = -1;
  statements.forEach((s, k) => {
    const e = s.expr;
    if (s.target !== undefined) {
      const declared = declaration(e, s.target, seed);
      if (declared) {
        output = addInput(s.target, declared.shape, declared.data, s.span, true);
        return;
      }
    }
    const before = nodes.length;
    let root = visit(e, k);
    if (s.target !== undefined) {
      if (root < before || nodes[root].kind === 'input') {
        root = add({
          kind: 'op',
          op: TENSOR_OPS.id,
          attr: -1,
          operands: [root],
          shape: nodes[root].shape,
          span: e.span,
          declared: false,
          variable: nodes[root].variable,
        });
      }
      nodes[root].name = s.target;
      nodeOf.set(s.target, root);
    }
    output = root;
  });

  // Which nodes feed the output, and the gradient edges in the scalar engine's order: level by
  // level back from the output (a level being the longest path to it), ties in program order.
  // Every consumer is on a lower level than its operands, so a node's gradient is complete before
  // it is passed on; and a scalar program's shares add up in the same order as in the scalar
  // engine, so its sums are bit for bit the same.
  nodes[output].reachesOutput = true;
  // Plain arrays here: a network has tens of nodes, and a typed array's buffer costs more to make.
  const level: number[] = new Array<number>(output + 1).fill(0);
  let maxLevel = 0;
  for (let i = output; i >= 0; i--) {
    const n = nodes[i];
    if (!n.reachesOutput) continue;
    for (const o of n.operands) {
      nodes[o].reachesOutput = true;
      if (level[o] < level[i] + 1) level[o] = level[i] + 1;
    }
    if (level[i] > maxLevel) maxLevel = level[i];
  }
  const gradEdges: TensorEdge[] = [];
  let edgeSize = 0;
  const byLevel: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
  for (let i = 0; i <= output; i++) {
    const n = nodes[i];
    if (n.reachesOutput && n.kind === 'op' && n.variable) byLevel[level[i]].push(i);
  }
  // How many shares each node receives: more than one makes a fork, whose shares are kept apart.
  const shares: number[] = new Array<number>(output + 1).fill(0);
  for (const ids of byLevel) {
    for (const i of ids) for (const o of nodes[i].operands) if (nodes[o].variable) shares[o]++;
  }
  for (const ids of byLevel) {
    for (const i of ids) {
      nodes[i].operands.forEach((o, index) => {
        if (!nodes[o].variable) return;
        const fork = shares[o] > 1;
        gradEdges.push({
          id: gradEdges.length,
          from: o,
          to: i,
          index,
          offset: fork ? edgeSize : -1,
        });
        if (fork) edgeSize += nodes[o].size;
      });
    }
  }

  const symbols: NodeSymbol[] = [];
  const names = [...definedAt.keys(), ...inputs.map((i) => nodes[i].name!)];
  let generated: ReturnType<typeof chooseGeneratedNames> | undefined;
  const stepNumber = new Map<number, number>();
  for (const n of nodes) {
    if (n.kind === 'op' && n.name === undefined && n.id !== output) {
      stepNumber.set(n.id, stepNumber.size + 1);
    }
  }
  const symbol = (i: number): NodeSymbol => {
    const n = nodes[i];
    if (symbols[i]) return symbols[i];
    let s: NodeSymbol;
    if (n.name !== undefined) s = identifierSymbol(n.name);
    else if (n.kind === 'const') {
      const t =
        n.shape.length === 0
          ? formatNumber(n.init![0], 12)
          : source.slice(n.span.start, n.span.end);
      s = {
        name: t,
        tex: n.shape.length === 0 ? t : `\\text{${t.replace(/[\\{}$&#^_%~]/g, '')}}`,
        text: t,
        base: t,
        generated: true,
      };
    } else {
      // A matrix program names its layers in capitals (seed 000's Z1, A1): a step written a₁
      // beside A1 reads as the same thing, so a letter the user numbers in either case is taken.
      generated ??= chooseGeneratedNames(
        names.flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()]),
      );
      s =
        i === output
          ? generatedSymbol(generated.output)
          : generatedSymbol(generated.step, stepNumber.get(i));
    }
    return (symbols[i] = s);
  };

  return { source, nodes, inputs, output, size, gradEdges, edgeSize, symbol };
}

/** numpy's negative axes count from the end; one before the first is out of range (rank). */
function normalAxis(axis: number, shape: Shape): number {
  const k = axis < 0 ? shape.length + axis : axis;
  return k < 0 ? shape.length : k;
}

/**
 * `W = [[…]]`, `x = -2`, `W = randn(3, 4)`: the value an input declaration starts with, or
 * undefined for a statement that computes.
 */
function declaration(e: Ast, name: string, seed: number): Tensor | undefined {
  if (e.t === 'num') return { shape: [], data: Float64Array.of(e.value) };
  if (e.t === 'lit') return { shape: e.shape, data: e.data };
  if (e.t !== 'call' || !CREATORS.has(e.op)) return undefined;
  const dims = e.args.map((a) => (a.t === 'num' ? a.value : NaN));
  if (e.op === 'spiral_points' || e.op === 'spiral_labels') return spiral(e.op, dims, e.at);
  if (
    dims.length < 1 ||
    dims.length > 2 ||
    !dims.every((d) => Number.isInteger(d) && d >= 1 && d <= 1e6)
  ) {
    throw new ExpressionError('tensor.creatorArgs', e.at, { name: e.op });
  }
  const shape = dims;
  const data = new Float64Array(sizeOf(shape));
  if (e.op === 'ones') data.fill(1);
  if (e.op === 'randn') fillNormal(data, seed, name);
  return { shape, data };
}

/** cs231n's spiral data (see spiral.ts): `spiral_points(n, k)` and `spiral_labels(n, k)`. */
function spiral(op: 'spiral_points' | 'spiral_labels', dims: number[], at: Span): Tensor {
  const [n, k] = dims;
  const { perClass, classes } = SPIRAL_LIMITS;
  if (
    dims.length !== 2 ||
    !dims.every(Number.isInteger) ||
    n < perClass[0] ||
    n > perClass[1] ||
    k < classes[0] ||
    k > classes[1]
  ) {
    throw new ExpressionError('tensor.spiralArgs', at, { name: op });
  }
  return op === 'spiral_points'
    ? { shape: [n * k, 2], data: spiralPoints(n, k, (out) => fillNormal(out, 0, 'spiral')) }
    : { shape: [n * k, k], data: spiralLabels(n, k) };
}

/**
 * Standard-normal draws from a seeded generator (mulberry32, Box–Muller): the numbers depend only
 * on the seed and the input's name, so adding a statement does not change another input's draw,
 * and a link with the same seed shows the same numbers on every machine.
 */
export function fillNormal(out: Float64Array, seed: number, name: string): void {
  let h = (seed | 0) ^ 0x9e3779b9;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193);
  let state = h >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let k = 0; k < out.length; k += 2) {
    const u = 1 - uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    out[k] = r * Math.cos(2 * Math.PI * v);
    if (k + 1 < out.length) out[k + 1] = r * Math.sin(2 * Math.PI * v);
  }
}

export { shapeText };
