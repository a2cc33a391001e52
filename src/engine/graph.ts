import type { Expr, Program } from './ast';
import { ExpressionError, type Span } from './errors';
import { OP_INDEX, OP_LIST, type OpSpec } from './ops';
import { formatNumber, numberTex } from './format';
import {
  chooseGeneratedNames,
  generatedSymbol,
  identifierSymbol,
  type NodeSymbol,
} from './symbols';

/** What a node is, stored as a byte in `CompiledGraph.kind`. */
export const NodeKind = { Input: 0, Const: 1, Op: 2 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/**
 * The computational graph as flat arrays, the shape the forward and backward sweeps run fastest
 * on. Node ids are a topological order: every operand has a smaller id than its consumer.
 * Edge `e` runs from operand `edgeFrom[e]` into consumer `edgeTo[e]`; a consumer's edges are
 * contiguous and in operand order (`inStart[i]` .. `inStart[i+1]`).
 */
export interface CompiledGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly kind: Uint8Array;
  /** Index into `OP_LIST` for op nodes, -1 for inputs and constants. */
  readonly op: Int16Array;
  readonly inStart: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Consumers' edges of node i: `outEdges[outStart[i]]` .. `outEdges[outStart[i+1] - 1]`. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** Value of each constant, and the value each input starts with. */
  readonly baseValue: Float64Array;
  /** 1 where a node depends on some input: only those have a gradient worth sending back. */
  readonly variable: Uint8Array;
  /** 1 where a node feeds the output, directly or through others. */
  readonly reachesOutput: Uint8Array;
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  /** Names as written (inputs and named intermediates); undefined elsewhere. */
  readonly names: readonly (string | undefined)[];
  /** Input node ids in order of first appearance in the program. */
  readonly inputs: Int32Array;
  /** 1 where input k was declared (`x = -2`), 0 where it is a free variable (default 1). */
  readonly inputDeclared: Uint8Array;
  readonly output: number;
  /** How each node is written in formulas: its name, a generated `a₁`, or its number. */
  symbol(node: number): NodeSymbol;
}

/**
 * Builds the DAG of a parsed program: an input is one node however often it is used, a named
 * intermediate is one node, each constant literal is its own node.
 *
 * `values` overrides inputs' starting values; keys that are not inputs are ignored.
 *
 * @example
 * const g = buildGraph(parse('e = (a+b)*(b+1)'));
 * g.names.indexOf('b') // the one node both sums read
 */
export function buildGraph(
  program: Program,
  values?: Readonly<Record<string, number>>,
): CompiledGraph {
  const b = new Builder(program, values);
  return b.finish(b.build());
}

class Builder {
  kind: number[] = [];
  op: number[] = [];
  inStart: number[] = [0];
  edgeFrom: number[] = [];
  baseValue: number[] = [];
  spanStart: number[] = [];
  spanEnd: number[] = [];
  names: (string | undefined)[] = [];
  inputs: number[] = [];
  inputDeclared: number[] = [];
  /** Node of each name defined so far, and of each free variable met so far. */
  private nodeOf = new Map<string, number>();
  /** Where each name is defined: statement index and the span and line of its definition. */
  private definitions = new Map<string, { index: number; line: number; span: Span }>();

  constructor(
    private readonly program: Program,
    private readonly values: Readonly<Record<string, number>> | undefined,
  ) {}

  private addNode(
    kind: NodeKind,
    op: number,
    value: number,
    span: Span,
    operands: readonly number[],
  ) {
    const id = this.kind.length;
    this.kind.push(kind);
    this.op.push(op);
    this.baseValue.push(value);
    this.spanStart.push(span.start);
    this.spanEnd.push(span.end);
    this.names.push(undefined);
    for (const o of operands) this.edgeFrom.push(o);
    this.inStart.push(this.edgeFrom.length);
    return id;
  }

  private addInput(name: string, value: number, span: Span, declared: boolean) {
    const given = this.values && Object.hasOwn(this.values, name) ? this.values[name] : undefined;
    const id = this.addNode(
      NodeKind.Input,
      -1,
      typeof given === 'number' ? given : value,
      span,
      [],
    );
    this.names[id] = name;
    this.inputs.push(id);
    this.inputDeclared.push(declared ? 1 : 0);
    this.nodeOf.set(name, id);
    return id;
  }

  build(): number {
    const { statements } = this.program;
    statements.forEach((s, index) => {
      if (!s.target) return;
      const earlier = this.definitions.get(s.target.name);
      if (earlier) {
        throw new ExpressionError('error.redefined', s.target, {
          name: s.target.name,
          line: earlier.line,
        });
      }
      this.definitions.set(s.target.name, { index, line: s.line, span: s.target });
    });

    let root = -1;
    statements.forEach((s, index) => {
      if (s.target && s.input) {
        root = this.addInput(s.target.name, s.input.value, s, true);
        return;
      }
      const before = this.kind.length;
      root = this.buildExpr(s.expr, index);
      if (!s.target) return;
      if (root < before) {
        // `q = x`: q is a node of its own, a named copy, so the graph shows the name.
        root = this.addNode(NodeKind.Op, OP_INDEX.id, 0, s.expr, [root]);
      }
      this.names[root] = s.target.name;
      this.nodeOf.set(s.target.name, root);
    });
    return root;
  }

  /** Post-order walk with an explicit stack: expression depth is bounded by memory, not the call stack. */
  private buildExpr(expr: Expr, statementIndex: number): number {
    const done: number[] = [];
    const stack: { expr: Expr; visited: boolean }[] = [{ expr, visited: false }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const e = frame.expr;
      if (e.type === 'num') {
        done.push(this.addNode(NodeKind.Const, -1, e.value, e, []));
      } else if (e.type === 'name') {
        done.push(this.resolve(e.name, e, statementIndex));
      } else if (!frame.visited) {
        stack.push({ expr: e, visited: true });
        for (let i = e.args.length - 1; i >= 0; i--)
          stack.push({ expr: e.args[i], visited: false });
      } else {
        const operands = done.splice(done.length - e.args.length, e.args.length);
        done.push(this.addNode(NodeKind.Op, OP_INDEX[e.op], 0, e, operands));
      }
    }
    return done[0];
  }

  private resolve(name: string, span: Span, statementIndex: number): number {
    const def = this.definitions.get(name);
    if (def) {
      if (def.index === statementIndex)
        throw new ExpressionError('error.selfReference', span, { name });
      if (def.index > statementIndex) {
        throw new ExpressionError('error.usedBeforeDefined', span, { name, line: def.line });
      }
      return this.nodeOf.get(name)!;
    }
    return this.nodeOf.get(name) ?? this.addInput(name, 1, span, false);
  }

  finish(output: number): CompiledGraph {
    const n = this.kind.length;
    const edgeCount = this.edgeFrom.length;
    const kind = Uint8Array.from(this.kind);
    const op = Int16Array.from(this.op);
    const inStart = Int32Array.from(this.inStart);
    const edgeFrom = Int32Array.from(this.edgeFrom);
    const edgeTo = new Int32Array(edgeCount);
    const outStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      for (let e = inStart[i]; e < inStart[i + 1]; e++) {
        edgeTo[e] = i;
        outStart[edgeFrom[e] + 1]++;
      }
    }
    for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
    const fill = outStart.slice(0, n);
    const outEdges = new Int32Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) outEdges[fill[edgeFrom[e]]++] = e;

    const variable = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (kind[i] === NodeKind.Input) variable[i] = 1;
      else for (let e = inStart[i]; e < inStart[i + 1]; e++) variable[i] |= variable[edgeFrom[e]];
    }
    const reachesOutput = new Uint8Array(n);
    reachesOutput[output] = 1;
    for (let i = output; i >= 0; i--) {
      if (reachesOutput[i])
        for (let e = inStart[i]; e < inStart[i + 1]; e++) reachesOutput[edgeFrom[e]] = 1;
    }

    const names = this.names;
    const generated = chooseGeneratedNames(this.nodeOf.keys());
    const symbols: (NodeSymbol | undefined)[] = new Array(n);
    const stepNumber = new Int32Array(n);
    let steps = 0;
    for (let i = 0; i < n; i++) {
      if (kind[i] === NodeKind.Op && names[i] === undefined && i !== output)
        stepNumber[i] = ++steps;
    }
    const baseValue = Float64Array.from(this.baseValue);
    return {
      nodeCount: n,
      edgeCount,
      kind,
      op,
      inStart,
      edgeFrom,
      edgeTo,
      outStart,
      outEdges,
      baseValue,
      variable,
      reachesOutput,
      spanStart: Int32Array.from(this.spanStart),
      spanEnd: Int32Array.from(this.spanEnd),
      names,
      inputs: Int32Array.from(this.inputs),
      inputDeclared: Uint8Array.from(this.inputDeclared),
      output,
      symbol(node) {
        let s = symbols[node];
        if (!s) {
          const name = names[node];
          s =
            name !== undefined
              ? identifierSymbol(name)
              : kind[node] === NodeKind.Const
                ? constantSymbol(baseValue[node])
                : node === output
                  ? generatedSymbol(generated.output)
                  : generatedSymbol(generated.step, stepNumber[node]);
          symbols[node] = s;
        }
        return s;
      },
    };
  }
}

/** The registry entry of an op node. */
export const opOf = (g: CompiledGraph, node: number): OpSpec => OP_LIST[g.op[node]];

/** An unnamed constant is written as its number, with the digits it was typed with. */
function constantSymbol(v: number): NodeSymbol {
  const text = formatNumber(v, CONSTANT_DIGITS);
  const tex = numberTex(v, { atom: true, digits: CONSTANT_DIGITS });
  return { name: text, tex, text, base: text, generated: true };
}

const CONSTANT_DIGITS = 12;
