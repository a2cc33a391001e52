import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type GraphNode } from '../../src/engine';

const named = (a: Analysis, name: string): GraphNode => {
  const node = a.graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name}`);
  return node;
};

/** Every structural fact the graph states about itself, checked against the others. */
function expectConsistent(a: Analysis) {
  const { nodes, edges } = a.graph;
  nodes.forEach((node, id) => {
    expect(node.id).toBe(id);
    expect(node.inEdges).toHaveLength(node.operands.length);
    node.inEdges.forEach((e, k) => {
      expect(edges[e]).toMatchObject({ id: e, from: node.operands[k], to: id, index: k });
      // Topological: every operand comes before its consumer.
      expect(node.operands[k]).toBeLessThan(id);
    });
    for (const e of node.outEdges) expect(edges[e].from).toBe(id);
  });
  expect(edges.length).toBe(nodes.reduce((sum, n) => sum + n.outEdges.length, 0));
}

describe('sharing', () => {
  it("makes an input one node however often it is used: colah's b has two out-edges", () => {
    const a = analyze('e = (a+b)*(b+1)', { a: 2, b: 1 });
    expectConsistent(a);
    const b = a.graph.nodes.filter((n) => n.name === 'b');
    expect(b).toHaveLength(1);
    expect(b[0].kind).toBe('input');
    expect(b[0].outEdges).toHaveLength(2);
    const consumers = b[0].outEdges.map((e) => a.graph.nodes[a.graph.edges[e].to]);
    expect(consumers.map((n) => n.op)).toEqual(['add', 'add']);
    expect(consumers.map((n) => n.value)).toEqual([3, 2]);
    expect(b[0].grad).toBe(5);
  });

  it('makes a named intermediate one node, labelled with its name', () => {
    const a = analyze('q = x + y\nf = q * q + q', { x: 1, y: 2 });
    expectConsistent(a);
    const q = named(a, 'q');
    expect(a.graph.nodes.filter((n) => n.op === 'add')).toHaveLength(2);
    expect(q).toMatchObject({ kind: 'op', op: 'add', value: 3, label: '+' });
    expect(q.symbol).toMatchObject({ name: 'q', text: 'q', tex: 'q', generated: false });
    // q * q and + q: three uses, three out-edges, and f = q² + q gives df/dq = 2q + 1 = 7.
    expect(q.outEdges).toHaveLength(3);
    expect(q.grad).toBe(7);
    expect(a.gradients).toEqual({ x: 7, y: 7 });
  });

  it('gives `q = x` a named copy node of its own', () => {
    const a = analyze('x = 3\nq = x\nf = q * 2');
    expectConsistent(a);
    const q = named(a, 'q');
    expect(q).toMatchObject({ kind: 'op', op: 'id', value: 3, grad: 2 });
    expect(q.operands).toEqual([named(a, 'x').id]);
    expect(a.gradients).toEqual({ x: 2 });
  });

  it('keeps a free variable its own name when the first use is a copy', () => {
    const a = analyze('q = x\nq * 2', { x: 3 });
    expectConsistent(a);
    expect(a.inputs.map((i) => i.name)).toEqual(['x']);
    expect(named(a, 'x').kind).toBe('input');
    expect(named(a, 'q')).toMatchObject({ kind: 'op', op: 'id', value: 3 });
    expect(a.gradients).toEqual({ x: 2 });
  });

  it('makes each constant literal a node of its own', () => {
    const a = analyze('2*x + 2');
    expectConsistent(a);
    const constants = a.graph.nodes.filter((n) => n.kind === 'const');
    expect(constants.map((n) => n.value)).toEqual([2, 2]);
    expect(constants.map((n) => n.label)).toEqual(['2', '2']);
    for (const c of constants) {
      expect(c.grad).toBeUndefined();
      expect(c.variable).toBe(false);
    }
  });

  it('numbers nodes in a topological order, operands first', () => {
    const a = analyze('h = tanh(w0*x0 + w1*x1)\nloss = (h - y)^2 + 0.1*(w0^2 + w1^2)');
    expectConsistent(a);
    expect(a.graph.output).toBe(a.graph.nodes.length - 1);
    expect(a.graph.nodes[a.graph.output].isOutput).toBe(true);
  });

  it('draws two edges from x into x*x, and sums both shares', () => {
    const a = analyze('x*x', { x: 3 });
    expectConsistent(a);
    expect(a.graph.nodes).toHaveLength(2);
    expect(a.graph.nodes[0].outEdges).toEqual([0, 1]);
    expect(a.graph.edges.map((e) => [e.from, e.to, e.index, e.local])).toEqual([
      [0, 1, 0, 3],
      [0, 1, 1, 3],
    ]);
    expect(a.gradients).toEqual({ x: 6 });
  });
});

describe('dead code and unused inputs', () => {
  it('evaluates a statement that does not reach the output, with gradient 0', () => {
    const a = analyze('x = 2\ndead = exp(x)\nlive = x * 3\nlive');
    expectConsistent(a);
    const dead = named(a, 'dead');
    expect(dead.value).toBeCloseTo(Math.exp(2), 12);
    expect(dead.reachesOutput).toBe(false);
    expect(dead.grad).toBe(0);
    expect(named(a, 'live').reachesOutput).toBe(true);
    expect(a.gradients).toEqual({ x: 3 });
    // Its edges carry no gradient back, so the trace never plays one for them.
    const deadEdge = a.graph.edges[dead.inEdges[0]];
    expect(deadEdge.contribution).toBeUndefined();
    expect(deadEdge.local).toBeCloseTo(Math.exp(2), 12);
    expect(a.steps.some((s) => s.kind === 'forward-node' && s.node === dead.id)).toBe(true);
    expect(a.steps.some((s) => s.kind === 'backward-edge' && s.from === dead.id)).toBe(false);
  });

  it('gives a declared but unused input gradient 0', () => {
    const a = analyze('x = 5\ny = 2\ny * 3');
    expect(a.gradients).toEqual({ x: 0, y: 3 });
    expect(named(a, 'x')).toMatchObject({ grad: 0, reachesOutput: false, variable: true });
  });

  it('gives an input 0 when every path from it is cut by a constant factor', () => {
    expect(analyze('0 * x', { x: 4 }).gradients).toEqual({ x: 0 });
    expect(analyze('x - x', { x: 4 }).gradients).toEqual({ x: 0 });
  });
});

describe('names', () => {
  it('accepts __proto__, constructor and other Object.prototype names as variables', () => {
    const a = analyze('__proto__ = 2\nconstructor = 3\nhasOwnProperty = __proto__ * constructor', {
      constructor: 5,
    });
    expect(a.output).toBe(10);
    expect(Object.keys(a.gradients)).toEqual(['__proto__', 'constructor']);
    expect(a.gradients['__proto__']).toBe(5);
    expect(a.gradients['constructor']).toBe(2);
    expect(Object.getPrototypeOf(a.gradients)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(a.gradients))).toEqual(
      JSON.parse('{"__proto__": 5, "constructor": 2}'),
    );
    expect(named(a, 'hasOwnProperty').value).toBe(10);
  });

  it('writes names as subscripts and Greek letters', () => {
    const a = analyze('alpha * w0 + x_1 + y_hat + loss');
    const symbols = a.inputs.map((i) => a.graph.nodes[i.node].symbol);
    expect(symbols.map((s) => s.tex)).toEqual([
      '\\alpha',
      'w_{0}',
      'x_{1}',
      '\\hat{y}',
      '\\mathrm{loss}',
    ]);
    // ŷ is y with a combining circumflex (U+0302), which every font can draw.
    expect(symbols.map((s) => s.text)).toEqual(['α', 'w₀', 'x₁', 'y\u0302', 'loss']);
  });

  it('picks a letter for unnamed steps that the program does not use', () => {
    const a = analyze('a1 = x + y\na1 * z + 1');
    const unnamed = a.graph.nodes.filter((n) => n.kind === 'op' && n.name === undefined);
    expect(unnamed.map((n) => n.symbol.text)).toEqual(['u₁', 'f']);
  });

  it('keeps node spans on the source text they came from', () => {
    const source = 'q = (x + y)\nf = q * z';
    const a = analyze(source);
    const text = (n: GraphNode) => source.slice(n.span.start, n.span.end);
    expect(text(named(a, 'q'))).toBe('(x + y)');
    expect(text(named(a, 'x'))).toBe('x');
    expect(text(named(a, 'f'))).toBe('q * z');
  });
});

describe('the result’s collections', () => {
  // nodes, edges, inputs and steps are made on first read; they must still act as plain arrays,
  // and gradients as a plain object.
  const a = analyze('e=(a+b)*(b+1)', { a: 2, b: 1 });

  it('behave as arrays', () => {
    const lists: readonly (readonly unknown[])[] = [
      a.graph.nodes,
      a.graph.edges,
      a.inputs,
      a.steps,
    ];
    for (const list of lists) {
      expect(Array.isArray(list)).toBe(true);
      const copy = [...list];
      expect(copy).toHaveLength(list.length);
      expect(list.map((x) => x)).toEqual(copy);
      expect(Array.from(list)).toEqual(copy);
      expect(Object.keys(list)).toEqual(copy.map((_, k) => String(k)));
      expect(list.slice(-1)[0]).toBe(list.at(-1));
      expect(list[list.length]).toBeUndefined();
      expect(list.length in list).toBe(false);
      expect(0 in list).toBe(true);
    }
    expect(a.steps.filter((s) => s.kind === 'seed')).toHaveLength(1);
    expect(a.inputs.find((i) => i.name === 'b')?.node).toBe(1);
    expect(JSON.parse(JSON.stringify(a.graph.edges))).toHaveLength(6);
  });

  it('hand out the same object every time', () => {
    expect(a.graph.nodes[1]).toBe(a.graph.nodes[1]);
    expect(a.steps[3]).toBe([...a.steps][3]);
  });

  it('are read-only, as their types say', () => {
    const nodes = a.graph.nodes as GraphNode[];
    expect(() => {
      nodes[0] = nodes[1];
    }).toThrow(TypeError);
    expect(nodes[0].id).toBe(0);
  });

  it('give gradients as a plain record', () => {
    expect(a.gradients).toEqual({ a: 2, b: 5 });
    expect(Object.entries(a.gradients)).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
    expect({ ...a.gradients }).toEqual({ a: 2, b: 5 });
    expect('b' in a.gradients).toBe(true);
    expect('c' in a.gradients).toBe(false);
    expect(JSON.stringify(a.gradients)).toBe('{"a":2,"b":5}');
  });
});
