import { PUSH_NAME, PUSH_NUM, type Program } from './ast';
import { ExpressionError } from './errors';
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
  /**
   * The edges that carry a gradient back (into an operand that depends on an input, from a node
   * that feeds the output), in the order the backward sweep sends them. Shape only: shared by
   * every run of the graph.
   */
  readonly gradEdges: Int32Array;
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

/**
 * Runs the program's postfix code with a stack of node ids, writing nodes and edges straight into
 * typed arrays. Every instruction makes at most one node and two edges, and each named copy one
 * node and one edge, so the arrays are sized once from the code's length.
 */
class Builder {
  private n = 0;
  private edgeCount = 0;
  private readonly kind: Uint8Array;
  private readonly op: Int16Array;
  private readonly inStart: Int32Array;
  private readonly edgeFrom: Int32Array;
  private readonly baseValue: Float64Array;
  private readonly spanStart: Int32Array;
  private readonly spanEnd: Int32Array;
  /** 1 where a node depends on an input: known as soon as the node is added. */
  private readonly variable: Uint8Array;
  /** The name (index into `Program.names`) each node carries, -1 for none. */
  private readonly nameOf: Int32Array;
  private readonly inputs: number[] = [];
  private readonly inputDeclared: number[] = [];
  /** Node of each name (by its index in `Program.names`) defined or met so far; -1 if none yet. */
  private readonly nodeOf: Int32Array;
  /** The statement that defines each name, -1 for a free variable. */
  private readonly definedAt: Int32Array;

  constructor(
    private readonly program: Program,
    private readonly values: Readonly<Record<string, number>> | undefined,
  ) {
    const nodes = program.code.length + program.statements.length;
    const edges = 2 * program.code.length + program.statements.length;
    this.kind = new Uint8Array(nodes);
    this.op = new Int16Array(nodes);
    this.inStart = new Int32Array(nodes + 1);
    this.edgeFrom = new Int32Array(edges);
    this.baseValue = new Float64Array(nodes);
    this.spanStart = new Int32Array(nodes);
    this.spanEnd = new Int32Array(nodes);
    this.variable = new Uint8Array(nodes);
    this.nameOf = new Int32Array(nodes).fill(-1);
    this.nodeOf = new Int32Array(program.names.length).fill(-1);
    this.definedAt = new Int32Array(program.names.length).fill(-1);
  }

  /** Adds a node whose operands are the last `arity` entries of `stack` (below `top`). */
  private addNode(
    kind: NodeKind,
    op: number,
    value: number,
    start: number,
    end: number,
    stack?: Int32Array,
    top = 0,
    arity = 0,
  ): number {
    const id = this.n++;
    this.kind[id] = kind;
    this.op[id] = op;
    this.baseValue[id] = value;
    this.spanStart[id] = start;
    this.spanEnd[id] = end;
    let variable = kind === NodeKind.Input ? 1 : 0;
    for (let k = top - arity; k < top; k++) {
      const operand = stack![k];
      this.edgeFrom[this.edgeCount++] = operand;
      variable |= this.variable[operand];
    }
    this.inStart[id + 1] = this.edgeCount;
    this.variable[id] = variable;
    return id;
  }

  private addInput(nameId: number, value: number, start: number, end: number, declared: boolean) {
    const name = this.program.names[nameId];
    const given = this.values && Object.hasOwn(this.values, name) ? this.values[name] : undefined;
    const id = this.addNode(
      NodeKind.Input,
      -1,
      typeof given === 'number' ? given : value,
      start,
      end,
    );
    this.nameOf[id] = nameId;
    this.inputs.push(id);
    this.inputDeclared.push(declared ? 1 : 0);
    this.nodeOf[nameId] = id;
    return id;
  }

  build(): number {
    const { statements, code } = this.program;
    for (let index = 0; index < statements.length; index++) {
      const s = statements[index];
      if (s.target < 0) continue;
      const earlier = this.definedAt[s.target];
      if (earlier >= 0) {
        const name = this.program.names[s.target];
        const span = { start: s.start, end: s.start + name.length };
        throw new ExpressionError('error.redefined', span, {
          name,
          line: statements[earlier].line,
        });
      }
      this.definedAt[s.target] = index;
    }

    // Operand stack of node ids; an expression never holds more values than it has instructions.
    let longest = 0;
    for (const s of statements) longest = Math.max(longest, s.to - s.from);
    const stack = new Int32Array(longest);

    let root = -1;
    for (let index = 0; index < statements.length; index++) {
      const s = statements[index];
      if (s.input) {
        root = this.addInput(s.target, code.arg[s.to - 1], s.start, s.end, true);
        continue;
      }
      const before = this.n;
      let top = 0;
      for (let i = s.from; i < s.to; i++) {
        const op = code.op[i];
        const start = code.start[i];
        const end = code.end[i];
        if (op === PUSH_NUM) {
          stack[top++] = this.addNode(NodeKind.Const, -1, code.arg[i], start, end);
        } else if (op === PUSH_NAME) {
          stack[top++] = this.resolve(code.arg[i], start, end, index);
        } else {
          const arity = OP_LIST[op].arity;
          const id = this.addNode(NodeKind.Op, op, 0, start, end, stack, top, arity);
          top -= arity;
          stack[top++] = id;
        }
      }
      root = stack[0];
      if (s.target < 0) continue;
      // `q = x`: q is a node of its own, a named copy, so the graph shows the name. That holds
      // for an input met for the first time right here too: `q = x` must not rename x.
      if (root < before || this.kind[root] === NodeKind.Input) {
        const [start, end] = [code.start[s.to - 1], code.end[s.to - 1]];
        root = this.addNode(NodeKind.Op, OP_INDEX.id, 0, start, end, stack, 1, 1);
      }
      this.nameOf[root] = s.target;
      this.nodeOf[s.target] = root;
    }
    return root;
  }

  private resolve(nameId: number, start: number, end: number, statementIndex: number): number {
    const def = this.definedAt[nameId];
    if (def >= 0) {
      const name = this.program.names[nameId];
      if (def === statementIndex) {
        throw new ExpressionError('error.selfReference', { start, end }, { name });
      }
      if (def > statementIndex) {
        const line = this.program.statements[def].line;
        throw new ExpressionError('error.usedBeforeDefined', { start, end }, { name, line });
      }
      return this.nodeOf[nameId];
    }
    const node = this.nodeOf[nameId];
    return node >= 0 ? node : this.addInput(nameId, 1, start, end, false);
  }

  finish(output: number): CompiledGraph {
    const n = this.n;
    const edgeCount = this.edgeCount;
    const kind = this.kind.subarray(0, n);
    const op = this.op.subarray(0, n);
    const inStart = this.inStart.subarray(0, n + 1);
    const edgeFrom = this.edgeFrom.subarray(0, edgeCount);
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

    const variable = this.variable.subarray(0, n);
    const { reachesOutput, gradEdges } = sweepFromOutput(kind, inStart, edgeFrom, variable, output);

    // Holes where a node has no name: they read as undefined, and cost nothing to leave.
    const names = new Array<string | undefined>(n);
    for (let i = 0; i < n; i++) {
      const id = this.nameOf[i];
      if (id >= 0) names[i] = this.program.names[id];
    }
    const programNames = this.program.names;
    let generated: ReturnType<typeof chooseGeneratedNames> | undefined;
    const symbols: (NodeSymbol | undefined)[] = [];
    const stepNumber = new Int32Array(n);
    let steps = 0;
    for (let i = 0; i < n; i++) {
      if (kind[i] === NodeKind.Op && names[i] === undefined && i !== output)
        stepNumber[i] = ++steps;
    }
    const baseValue = this.baseValue.subarray(0, n);
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
      gradEdges,
      spanStart: this.spanStart.subarray(0, n),
      spanEnd: this.spanEnd.subarray(0, n),
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
                  ? generatedSymbol((generated ??= chooseGeneratedNames(programNames)).output)
                  : generatedSymbol(
                      (generated ??= chooseGeneratedNames(programNames)).step,
                      stepNumber[node],
                    );
          symbols[node] = s;
        }
        return s;
      },
    };
  }
}

/**
 * Which nodes feed the output, and the edges that carry a gradient back, in the order the
 * backward sweep sends them. Both depend only on the graph's shape, so they are worked out once
 * here and reused by every run.
 *
 * The sweep visits op nodes that pass a gradient on (they depend on an input and feed the
 * output) level by level back from the output, a level being the number of steps on the longest
 * path to it, ties in program order; from each it sends one share per operand that depends on an
 * input, in operand order. That is a reverse topological order, so each node's gradient is
 * complete before it is passed on, and it moves back as a wave across a left-to-right drawing of
 * the graph: for colah's `e = (a+b)*(b+1)` the fork at `b` receives 2 (through a+b) and then 3
 * (through b+1). Counting sort: linear in the graph's size.
 */
function sweepFromOutput(
  kind: Uint8Array,
  inStart: Int32Array,
  edgeFrom: Int32Array,
  variable: Uint8Array,
  output: number,
): { reachesOutput: Uint8Array; gradEdges: Int32Array } {
  const reachesOutput = new Uint8Array(kind.length);
  const level = new Int32Array(output + 1);
  /** 1 for the op nodes that pass a gradient on. */
  const active = new Uint8Array(output + 1);
  let maxLevel = 0;
  let edges = 0;
  reachesOutput[output] = 1;
  for (let i = output; i >= 0; i--) {
    if (!reachesOutput[i]) continue;
    const next = level[i] + 1;
    for (let e = inStart[i]; e < inStart[i + 1]; e++) {
      const from = edgeFrom[e];
      reachesOutput[from] = 1;
      if (level[from] < next) level[from] = next;
    }
    if (variable[i] && kind[i] === NodeKind.Op) {
      active[i] = 1;
      if (level[i] > maxLevel) maxLevel = level[i];
      for (let e = inStart[i]; e < inStart[i + 1]; e++) if (variable[edgeFrom[e]]) edges++;
    }
  }
  // Edges of the nodes at each level, counted, then placed level by level in node order.
  const start = new Int32Array(maxLevel + 2);
  for (let i = 0; i <= output; i++) {
    if (!active[i]) continue;
    for (let e = inStart[i]; e < inStart[i + 1]; e++) {
      if (variable[edgeFrom[e]]) start[level[i] + 1]++;
    }
  }
  for (let l = 0; l <= maxLevel; l++) start[l + 1] += start[l];
  const gradEdges = new Int32Array(edges);
  for (let i = 0; i <= output; i++) {
    if (!active[i]) continue;
    for (let e = inStart[i]; e < inStart[i + 1]; e++) {
      if (variable[edgeFrom[e]]) gradEdges[start[level[i]]++] = e;
    }
  }
  return { reachesOutput, gradEdges };
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
