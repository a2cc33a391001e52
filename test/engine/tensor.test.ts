import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, ExpressionError, isScalarAnalysis, OPS, scalarGradient } from '../../src/engine';
import {
  analyzeTensor,
  broadcastShape,
  compileTensor,
  TENSOR_OPS,
  tensorDescentStep,
  tensorGradientCheck,
  toNested,
  type Shape,
  type Tensor,
  type TensorAnalysis,
  type TensorBackwardStep,
  type Value,
} from '../../src/engine/tensor';
import { ANY_BINARY_OPS, ANY_UNARY_OPS } from './registryPrograms';

const T = (v: Value): Tensor => {
  if (typeof v === 'number') throw new Error(`expected a tensor, got ${v}`);
  return v;
};
const nested = (v: Value) => (typeof v === 'number' ? v : toNested(v));
const node = (a: TensorAnalysis, name: string) => a.nodes.find((n) => n.name === name)!;
const size = (s: Shape) => s.reduce((p, d) => p * d, 1);

/** Throws unless `run` throws an ExpressionError; returns it. */
function error(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error('expected an ExpressionError');
}
const spanOf = (source: string, e: ExpressionError) => source.slice(e.start, e.end);

// ---------------------------------------------------------------------------------------------
describe('scalar programs through the tensor engine', () => {
  /** Random scalar programs written with every op of the scalar registry. */
  const program = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('x', 'y', 'z', '2', '0.5'),
      fc.tuple(fc.nat(ANY_UNARY_OPS.length - 1), tie('e')).map(([k, a]) => ANY_UNARY_OPS[k](a)),
      fc
        .tuple(fc.nat(ANY_BINARY_OPS.length - 1), tie('e'), tie('e'))
        .map(([k, a, b]) => ANY_BINARY_OPS[k](a, b)),
    ),
  })).e;

  it('gives bit-identical outputs and gradients to the scalar engine', () => {
    const values = fc.record({
      x: fc.double({ min: -3, max: 3, noNaN: true }),
      y: fc.double({ min: -3, max: 3, noNaN: true }),
      z: fc.double({ min: -3, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(program, fc.boolean(), values, (body, named, v) => {
        // Named intermediates and forks: `q` is read twice.
        const source = named ? `q = ${body}\nf = q * x + q` : body;
        const s = analyze(source, v);
        const t = analyzeTensor(source, v);
        expect(s.tensor).toBeUndefined();
        expect(Object.is(t.output, s.output)).toBe(true);
        for (const [name, g] of Object.entries(s.gradients)) {
          expect(Object.is(t.gradients[name], g), `${name} of ${source}`).toBe(true);
        }
        expect(t.steps.filter((st) => st.kind === 'backward-edge').length).toBe(
          s.backward.edgeOrder.length,
        );
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("every tensor op's VJP against central differences", () => {
  const dim = fc.integer({ min: 1, max: 4 });
  const anyShape = fc.oneof(
    fc.constant<Shape>([]),
    dim.map((n): Shape => [n]),
    fc.tuple(dim, dim).map(([m, n]): Shape => [m, n]),
  );
  /** Two shapes that broadcast: each derived from the result by dropping or collapsing axes. */
  const pairShapes = fc.tuple(dim, dim, fc.nat(4), fc.nat(4)).map(([m, n, i, j]) => {
    const from = (k: number): Shape => [[], [n], [m, n], [m, 1], [1, n]][k];
    return [from(i), from(j)] as const;
  });
  const matmulShapes = fc
    .tuple(dim, dim, dim, fc.boolean(), fc.boolean())
    .map(([m, k, n, va, vb]) => [va ? [k] : [m, k], vb ? [k] : [k, n]] as [Shape, Shape]);

  function cases(name: string): fc.Arbitrary<{ shapes: Shape[]; attr: number }> {
    const op = TENSOR_OPS[name];
    if (name === 'matmul') return matmulShapes.map((shapes) => ({ shapes, attr: -1 }));
    if (name === 'crossentropy')
      return anyShape.filter((s) => s.length > 0).map((s) => ({ shapes: [s, s], attr: -1 }));
    if (name === 'sum' || name === 'mean')
      return anyShape.chain((s) =>
        fc.integer({ min: -1, max: s.length - 1 }).map((attr) => ({ shapes: [s], attr })),
      );
    if (op.arity === 2) return pairShapes.map(([a, b]) => ({ shapes: [a, b], attr: -1 }));
    return anyShape.map((s) => ({ shapes: [s], attr: -1 }));
  }

  /** Where an operand is drawn: the scalar op's smooth interval, or positive for probabilities. */
  function range(name: string, i: number): readonly [number, number] {
    if (name === 'crossentropy') return i === 0 ? [0.2, 1] : [-1, 1];
    const scalar = (OPS as Record<string, { smoothOn: readonly (readonly [number, number])[] }>)[
      name
    ];
    return scalar ? scalar.smoothOn[i] : [-2, 2];
  }

  for (const name of Object.keys(TENSOR_OPS)) {
    it(name, () => {
      const op = TENSOR_OPS[name];
      fc.assert(
        fc.property(cases(name), fc.integer({ min: 1, max: 1e9 }), ({ shapes, attr }, seed) => {
          let s = seed;
          const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
          const xs = shapes.map((sh, i) => {
            const [lo, hi] = range(name, i);
            return Float64Array.from({ length: size(sh) }, () => lo + (hi - lo) * rnd());
          });
          const fail = () => {
            throw new Error('shape');
          };
          const outShape = op.shape(
            shapes.map((shape) => ({ shape, text: '' })),
            attr,
            fail,
          );
          const n = size(outShape);
          const g = Float64Array.from({ length: n }, () => rnd() * 2 - 1);
          const f = (x: Float64Array[]) => {
            const out = new Float64Array(n);
            op.forward(x, shapes, out, attr);
            let sum = 0;
            for (let k = 0; k < n; k++) sum += g[k] * out[k];
            return sum;
          };
          const out = new Float64Array(n);
          op.forward(xs, shapes, out, attr);
          const h = 1e-6;
          for (let i = 0; i < op.arity; i++) {
            const dst = new Float64Array(xs[i].length).fill(NaN);
            op.vjp(i, g, xs, shapes, out, outShape, attr, dst);
            for (let k = 0; k < xs[i].length; k++) {
              const plus = xs.map((x) => Float64Array.from(x));
              const minus = xs.map((x) => Float64Array.from(x));
              plus[i][k] += h;
              minus[i][k] -= h;
              const numeric = (f(plus) - f(minus)) / (2 * h);
              expect(Math.abs(dst[k] - numeric)).toBeLessThan(
                1e-5 * Math.max(1, Math.abs(numeric)),
              );
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
describe('broadcasting', () => {
  it('adds a vector bias to every row, and sums its gradient over the rows', () => {
    const a = analyzeTensor('Z = A + b; L = sum(Z * Z)', {
      A: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      b: [10, -10],
    });
    expect(nested(node(a, 'Z').value)).toEqual([
      [11, -8],
      [13, -6],
      [15, -4],
    ]);
    // ∂L/∂b = Σ_rows 2Z.
    expect(nested(a.gradients.b)).toEqual([2 * (11 + 13 + 15), 2 * (-8 - 6 - 4)]);
    expect(T(a.gradients.b).shape).toEqual([2]);
  });

  it('adds an m×1 column to every column, and sums its gradient over the columns', () => {
    const a = analyzeTensor('L = sum(A * c)', {
      A: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      c: [[2], [-1]],
    });
    expect(a.output).toBe(2 * 6 - 15);
    expect(nested(a.gradients.c)).toEqual([[6], [15]]);
    expect(nested(a.gradients.A)).toEqual([
      [2, 2, 2],
      [-1, -1, -1],
    ]);
  });

  it('pairs a 1×n row with an m×1 column into m×n, and a scalar with anything', () => {
    expect(broadcastShape([1, 3], [2, 1])).toEqual([2, 3]);
    expect(broadcastShape([3], [2, 1])).toEqual([2, 3]);
    expect(broadcastShape([], [2, 3])).toEqual([2, 3]);
    expect(broadcastShape([2], [3])).toBeNull();
    const a = analyzeTensor('s = 2; L = sum(s * A)', {
      A: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(a.gradients.s).toBe(10);
    expect(nested(a.gradients.A)).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('shape errors and literal errors', () => {
  it("names both shapes in the reader's terms, located on the operator", () => {
    const source = 'X = randn(4, 3)\nW = randn(2, 5)\nZ = X @ W';
    const e = error(() => analyze(source));
    expect(e.message).toBe('`@` needs the columns of X (4×3) to match the rows of W (2×5).');
    expect(spanOf(source, e)).toBe('@');
    expect(e.code).toBe('tensor.matmul');
  });

  it('locates broadcast, axis, cross-entropy and call errors', () => {
    const cases: [string, string, string][] = [
      ['A = randn(2, 3); b = randn(2); A + b', '+', '`+` cannot pair A (2×3) with b (2)'],
      ['A = randn(2, 3); sum(A, 2)', 'sum(A, 2)', 'cannot reduce axis 2 of A (2×3)'],
      ['A = randn(2, 3); np.sum(A, axis=2)', 'np.sum(A, axis=2)', 'axis 2'],
      ['P = ones(2, 3); Y = ones(3); crossentropy(P, Y)', 'crossentropy(P, Y)', '2×3'],
      ['x = 2; A = randn(2, 2); x @ A', '@', 'x is a scalar'],
      ['A = randn(2, 2); exp(randn(2))', 'randn(2)', 'W = randn(3, 4)'],
      ['A = randn(0, 2)', 'randn(0, 2)', 'whole numbers from 1 on'],
      ['A = randn(2, 3); A.foo', '.foo', '`.foo`'],
      ['np.frobnicate(2)', 'np.frobnicate', '`np.frobnicate`'],
    ];
    for (const [source, where, words] of cases) {
      const e = error(() => analyze(source));
      expect(spanOf(source, e), source).toBe(where);
      expect(e.message, source).toContain(words);
    }
  });

  it('points at the offending row or character of a literal', () => {
    const cases: [string, string, string][] = [
      ['X = [[1, 2], [3]]\nX', '[3]', 'tensor.raggedRows'],
      ['X = [[1, 2], [3, 4], [5, 6, 7]]', '[5, 6, 7]', 'tensor.raggedRows'],
      ['v = []', '[]', 'tensor.emptyLiteral'],
      ['v = [1, , 2]', ',', 'tensor.missingEntry'],
      ['v = [, 2]', ',', 'tensor.missingEntry'],
      ['v = [1, 2', '[', 'tensor.unclosedBracket'],
      ['X = [[1, 2], [3, 4]', '[', 'tensor.unclosedBracket'],
      ['T = [[[1]]]', '[', 'tensor.rank3'],
      ['v = [1, x]', 'x', 'tensor.literalEntry'],
      ['v = [1, [2]]', '[', 'tensor.literalMixed'],
    ];
    for (const [source, where, code] of cases) {
      const e = error(() => analyze(source));
      expect(e.code, source).toBe(code);
      expect(spanOf(source, e), source).toBe(where);
    }
    // The ragged row's message names both lengths.
    expect(error(() => analyze('X = [[1, 2], [3]]')).message).toContain('row 2 has 1, row 1 has 2');
    // The unclosed `[` is the outer one, at column 5.
    const e = error(() => analyze('X = [[1, 2], [3, 4]'));
    expect(e.start).toBe(4);
  });

  it('keeps every scalar error message as it was', () => {
    for (const source of ['2x', '(x+y*z', 'foo(x)', 'x +', 'sin x']) {
      const e = error(() => analyze(source));
      expect(e.code.startsWith('error.'), source).toBe(true);
    }
    expect(error(() => analyze('f(x)')).code).toBe('error.notAFunction');
    // A mistake before any tensor syntax keeps the scalar parser's message.
    expect(error(() => analyze('2.x')).code).toBe('error.numberThenName');
    expect(error(() => analyze('x = 0,5\nW = [[1]]')).code).toBe('error.decimalComma');
    expect(error(() => analyze('y = 2x + [1, 2]')).code).toBe('error.numberThenName');
    expect(error(() => analyze('foo(x)')).code).toBe('error.unknownFunction');
  });
});

// ---------------------------------------------------------------------------------------------
describe('literals, inputs and the language', () => {
  it('reads vectors and matrices with signed entries as inputs', () => {
    const a = analyzeTensor(
      'v = [1, -2, 3.5]\nM = [[1, 2], [3, 4]]\nL = sum(M @ v[0:0] )'.replace('v[0:0] ', '[1, 1]'),
    );
    expect(nested(node(a, 'v').value)).toEqual([1, -2, 3.5]);
    expect(a.inputs.map((i) => [i.name, i.shape, i.declared])).toEqual([
      ['v', [3], true],
      ['M', [2, 2], true],
    ]);
    expect(a.output).toBe(10);
  });

  it('treats a literal inside an expression as a constant', () => {
    const a = analyzeTensor('W = [[1, 2], [3, 4]]; L = sum(W * [[1, 0], [0, 1]])');
    expect(a.output).toBe(5);
    expect(a.inputs.map((i) => i.name)).toEqual(['W']);
    expect(nested(a.gradients.W)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('draws randn from a seed: the same everywhere, new numbers for a new seed', () => {
    const src = 'W = randn(3, 4); b = randn(5); z = zeros(2, 2); o = ones(3); L = sum(W)';
    const a = analyzeTensor(src);
    const b = analyzeTensor(src);
    const c = analyzeTensor(src, undefined, { seed: 7 });
    expect(T(node(a, 'W').value).data).toEqual(T(node(b, 'W').value).data);
    expect(T(node(a, 'W').value).data).not.toEqual(T(node(c, 'W').value).data);
    expect(Array.from(T(node(a, 'z').value).data)).toEqual([0, 0, 0, 0]);
    expect(Array.from(T(node(a, 'o').value).data)).toEqual([1, 1, 1]);
    // A statement added before does not change another input's draw.
    const d = analyzeTensor('V = randn(2, 2)\n' + src);
    expect(T(node(d, 'W').value).data).toEqual(T(node(a, 'W').value).data);
    // Standard normal: mean ≈ 0, variance ≈ 1 over many draws.
    const big = T(node(analyzeTensor('N = randn(100, 100); sum(N)'), 'N').value).data;
    const mean = big.reduce((s, v) => s + v, 0) / big.length;
    const variance = big.reduce((s, v) => s + (v - mean) ** 2, 0) / big.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    // The seed reaches through analyze().
    expect(analyze(src, {}, { seed: 7 }).tensor!.loss).toBe(c.loss);
  });

  it('follows numpy for @ on 1-D and 2-D operands', () => {
    const v = {
      A: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      x: [1, 0, -1],
      y: [2, 1],
    };
    expect(nested(analyzeTensor('A @ x', v).output)).toEqual([-2, -2]);
    expect(nested(analyzeTensor('y @ A', v).output)).toEqual([6, 9, 12]);
    expect(analyzeTensor('x @ x', v).output).toBe(2);
    expect(T(analyzeTensor('A @ A.T', v).output).shape).toEqual([2, 2]);
    // A vector's transpose is itself.
    expect(nested(analyzeTensor('x.T', v).output)).toEqual([1, 0, -1]);
    expect(nested(analyzeTensor('transpose(A)', v).output)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('reduces along an axis, numpy without keepdims', () => {
    const v = {
      A: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    };
    expect(nested(analyzeTensor('sum(A, 0)', v).output)).toEqual([5, 7, 9]);
    expect(nested(analyzeTensor('sum(A, 1)', v).output)).toEqual([6, 15]);
    expect(nested(analyzeTensor('mean(A, 1)', v).output)).toEqual([2, 5]);
    expect(nested(analyzeTensor('np.mean(A, axis=0)', v).output)).toEqual([2.5, 3.5, 4.5]);
    expect(nested(analyzeTensor('np.sum(A, axis=-1)', v).output)).toEqual([6, 15]);
    expect(analyzeTensor('mean(A)', v).output).toBe(3.5);
    expect(nested(analyzeTensor('max(A, 3)', v).output)).toEqual([
      [3, 3, 3],
      [4, 5, 6],
    ]);
  });

  it('reads the numpy spellings as the plain ones', () => {
    const v = {
      A: [
        [0.5, -1],
        [2, 0.25],
      ],
      B: [
        [1, 2],
        [3, 4],
      ],
    };
    const same: [string, string][] = [
      ['np.dot(A, B)', 'A @ B'],
      ['A.dot(B)', 'A @ B'],
      ['np.exp(A)', 'exp(A)'],
      ['np.log(B)', 'log(B)'],
      ['np.tanh(A)', 'tanh(A)'],
      ['np.sum(A, axis=0)', 'sum(A, 0)'],
      ['np.mean(A)', 'mean(A)'],
      ['np.maximum(A, 0)', 'max(A, 0)'],
      ['A.T', 'transpose(A)'],
      ['A.sum(axis=1)', 'sum(A, 1)'],
      ['np.random.randn(2, 2)', 'randn(2, 2)'],
    ];
    for (const [numpy, plain] of same) {
      if (numpy.startsWith('np.random')) {
        const x = analyzeTensor(`W = ${numpy}; sum(W)`);
        const y = analyzeTensor(`W = ${plain}; sum(W)`);
        expect(x.output).toBe(y.output);
        continue;
      }
      const x = analyzeTensor(`L = sum(${numpy})`, v);
      const y = analyzeTensor(`L = sum(${plain})`, v);
      expect(x.output, numpy).toBe(y.output);
      for (const name of Object.keys(y.gradients)) {
        expect(nested(x.gradients[name]), numpy).toEqual(nested(y.gradients[name]));
      }
    }
  });

  it('takes gradients of the sum of a tensor output, and says so', () => {
    const a = analyze('X @ W', {
      X: [
        [1, 2],
        [3, 4],
      ],
      W: [[0.5], [-1]],
    });
    const t = a.tensor!;
    expect(t.summedOutput).toBe(true);
    expect(nested(t.output)).toEqual([[-1.5], [-2.5]]);
    expect(t.loss).toBe(-4);
    expect(a.output).toBe(-4);
    expect(nested(t.gradients.W)).toEqual([[4], [6]]);
    expect(t.steps.find((s) => s.kind === 'seed')!.text).toContain('sum(');
    expect(analyzeTensor('L = sum(X)', { X: [1, 2] }).summedOutput).toBe(false);
  });

  it('says which features stay scalar-only', () => {
    expect(analyzeTensor('sum([1, 2] * x)').scalarOnly).toEqual(['forward-mode', 'paths', 'gates']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the step trace', () => {
  const source = `X = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [1, 0, 1], [2, 2, 2]]
W1 = randn(3, 4)
Z1 = X @ W1
L = sum(tanh(Z1) + Z1)`;

  it('carries upstream gradient, rule and contribution as tensors, with shapes', () => {
    const a = analyzeTensor(source);
    const w = a.steps.find((s) => s.kind === 'backward-edge' && s.from === node(a, 'W1').id)!;
    if (w.kind !== 'backward-edge') throw new Error();
    expect(w.text).toBe('∂L/∂W₁ = Xᵀ · ∂L/∂Z₁');
    expect(w.shapes).toBe('3×4 = 3×5 · 5×4');
    expect(T(w.upstream).shape).toEqual([5, 4]);
    expect(T(w.contribution).shape).toEqual([3, 4]);
    expect(T(w.contribution).data).toEqual(T(a.gradients.W1).data);
  });

  it('adds (+=) where a value forks', () => {
    const a = analyzeTensor(source);
    const z1 = node(a, 'Z1').id;
    const into = a.steps.filter(
      (s): s is TensorBackwardStep => s.kind === 'backward-edge' && s.from === z1,
    );
    expect(into.length).toBe(2);
    expect(into[0].adds).toBe(false);
    expect(into[1].adds).toBe(true);
    expect(into[1].text).toContain('+=');
    const sum = T(into[0].contribution).data.map((v, k) => v + T(into[1].contribution).data[k]);
    expect(T(into[1].accumulated).data).toEqual(sum);
    expect(T(into[1].accumulated).data).toEqual(T(node(a, 'Z1').grad!).data);
  });

  it('notes the fused softmax + cross-entropy simplification P − Y', () => {
    const a = analyzeTensor(
      'A = [[1, 2, 0.5], [0, -1, 2]]; Y = [[0, 1, 0], [1, 0, 0]]; P = softmax(A); L = crossentropy(P, Y)',
    );
    const note = a.steps.find((s) => s.kind === 'backward-edge' && s.note);
    expect(note && note.kind === 'backward-edge' && note.note).toContain('P − Y');
    // And the gradient is that: (P − Y)/N.
    const P = T(node(a, 'P').value).data;
    const Y = [0, 1, 0, 1, 0, 0];
    T(a.gradients.A).data.forEach((g, k) => expect(g).toBeCloseTo((P[k] - Y[k]) / 2, 14));
  });
});

// ---------------------------------------------------------------------------------------------
/** Seed 002's network (row convention: N×d activations), written as its B-steps read. */
const SEED_002 = `X = [[0.5, -1.2, 0.3], [1.0, 0.4, -0.7], [-0.3, 0.8, 1.1], [0.9, -0.5, 0.2]]
W1 = [[0.2, -0.4, 0.1, 0.5, -0.3], [0.7, 0.05, -0.6, 0.2, 0.4], [-0.1, 0.3, 0.25, -0.45, 0.6]]
b1 = [0.1, -0.2, 0.05, 0.0, 0.3]
W2 = [[0.3, -0.2, 0.5], [-0.6, 0.4, 0.1], [0.2, 0.2, -0.3], [0.5, -0.1, 0.05], [-0.25, 0.35, 0.15]]
b2 = [0.05, -0.05, 0.1]
Y = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]
z1 = X @ W1 + b1
a1 = sigmoid(z1)
aL = a1 @ W2 + b2
mu = softmax(aL)
ell = -sum(Y * log(mu))`;

/** Plain loops, written apart from the engine, for the expected numbers. */
const mm = (A: number[][], B: number[][]) =>
  A.map((r) => B[0].map((_, j) => r.reduce((s, v, p) => s + v * B[p][j], 0)));
const tr = (A: number[][]) => A[0].map((_, j) => A.map((r) => r[j]));
const rows = (v: Value) => nested(v) as number[][];

describe("seed 002's network, steps B1–B7", () => {
  const a = analyzeTensor(SEED_002);
  const mu = rows(node(a, 'mu').value);
  const Y = rows(node(a, 'Y').value);

  it('B1: ∂ℓ/∂μ = −y/μ', () => {
    const g = rows(node(a, 'mu').grad!);
    g.forEach((r, j) => r.forEach((v, k) => expect(v).toBeCloseTo(-Y[j][k] / mu[j][k], 12)));
  });

  it('B2–B3: ∂ℓ/∂a = μ − y, without the N×d×d Jacobian', () => {
    const g = rows(node(a, 'aL').grad!);
    g.forEach((r, j) => r.forEach((v, k) => expect(v).toBeCloseTo(mu[j][k] - Y[j][k], 12)));
  });

  it('B4–B7: ∂ℓ/∂z, ∂ℓ/∂W = aᵀ·∂ℓ/∂z, ∂ℓ/∂a⁽ˡ⁻¹⁾ = ∂ℓ/∂z·Wᵀ, ∂ℓ/∂b = Σ rows', () => {
    const dA = mu.map((r, j) => r.map((v, k) => v - Y[j][k]));
    const a1 = rows(node(a, 'a1').value);
    const W2 = rows(node(a, 'W2').value);
    const X = rows(node(a, 'X').value);
    const close = (got: Value, want: number[][]) =>
      rows(got).forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 12)));
    close(a.gradients.W2, mm(tr(a1), dA)); // B5, B7
    const dA1 = mm(dA, tr(W2)); // B6
    close(node(a, 'a1').grad!, dA1);
    const dZ1 = dA1.map((r, i) => r.map((v, j) => v * a1[i][j] * (1 - a1[i][j]))); // B4 (sigmoid)
    close(node(a, 'z1').grad!, dZ1);
    close(a.gradients.W1, mm(tr(X), dZ1));
    const db1 = nested(a.gradients.b1) as number[];
    db1.forEach((v, j) =>
      expect(v).toBeCloseTo(
        dZ1.reduce((s, r) => s + r[j], 0),
        12,
      ),
    );
  });

  it('gives the loss of a forward pass written with plain loops', () => {
    const X = rows(node(a, 'X').value);
    const W1 = rows(node(a, 'W1').value);
    const W2 = rows(node(a, 'W2').value);
    const b1 = nested(node(a, 'b1').value) as number[];
    const b2 = nested(node(a, 'b2').value) as number[];
    const a1 = mm(X, W1).map((r) => r.map((v, j) => 1 / (1 + Math.exp(-(v + b1[j])))));
    const logits = mm(a1, W2).map((r) => r.map((v, j) => v + b2[j]));
    let loss = 0;
    logits.forEach((r, i) => {
      const s = r.reduce((t, v) => t + Math.exp(v), 0);
      r.forEach((v, j) => (loss -= Y[i][j] * Math.log(Math.exp(v) / s)));
    });
    expect(a.output).toBeCloseTo(loss, 12);
    expect(a.output).toBeCloseTo(4.50948005, 7);
    expect(mu[0].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });

  it('crossentropy(P, Y) is the same loss averaged over the rows', () => {
    const b = analyzeTensor(
      SEED_002.replace('ell = -sum(Y * log(mu))', 'ell = crossentropy(mu, Y)'),
    );
    expect(b.output).toBeCloseTo((a.output as number) / 4, 14);
    const ga = T(a.gradients.W1).data;
    T(b.gradients.W1).data.forEach((v, k) => expect(v).toBeCloseTo(ga[k] / 4, 14));
  });

  it('writes each backward step with its shapes after it: ∂ℓ/∂W₁ = Xᵀ · ∂ℓ/∂Z₁ (3×5 = 3×4 · 4×5)', () => {
    const step = (name: string) =>
      a.steps.find(
        (s): s is TensorBackwardStep => s.kind === 'backward-edge' && s.from === node(a, name).id,
      )!;
    // X @ W1 has no name of its own: the trace calls it u₁.
    expect(step('W1').formulaText).toBe('∂ℓ/∂W₁ = Xᵀ · ∂ℓ/∂u₁ (3×5 = 3×4 · 4×5)');
    expect(step('X').formulaText).toBe('∂ℓ/∂X = ∂ℓ/∂u₁ · W₁ᵀ (4×3 = 4×5 · 5×3)');
    expect(step('W2').formulaText).toBe('∂ℓ/∂W₂ = a₁ᵀ · ∂ℓ/∂u₂ (5×3 = 5×4 · 4×3)');
    expect(step('b1').formulaText).toBe('∂ℓ/∂b₁ = sum over rows of (∂ℓ/∂z₁) (5 = sum of 4×5)');
    expect(step('W1').formulaTex).toBe(
      '\\frac{\\partial \\ell}{\\partial W_{1}} = X^{\\top} \\cdot \\frac{\\partial \\ell}{\\partial u_{1}} \\quad \\left(3{\\times}5 = 3{\\times}4 \\cdot 4{\\times}5\\right)',
    );
    expect(step('b1').formulaTex).toContain('\\left(5 = \\text{sum of }4{\\times}5\\right)');
    // Every step has one, forward steps and the seed included.
    for (const s of a.steps) expect(s.formulaText).toBe(`${s.text} (${s.shapes})`);
  });

  it('passes the tensor gradient check', () => {
    for (const c of tensorGradientCheck(a)) {
      expect(c.relError, c.name).toBeLessThan(1e-6);
      for (const e of c.entries) expect(e.relError, c.name).toBeLessThan(1e-5);
    }
  });
});

/** Seed 000's vectorised formulas: column convention, X is n×m, b is a column broadcast over m. */
const SEED_000 = `X = [[0.5, 1.0, -0.3, 0.9], [-1.2, 0.4, 0.8, -0.5]]
Y = [[1, 0, 1, 0]]
W1 = [[0.3, -0.2], [0.4, 0.6], [-0.5, 0.1]]
b1 = [[0.1], [0.0], [-0.1]]
W2 = [[0.7, -0.3, 0.2]]
b2 = [[0.05]]
Z1 = W1 @ X + b1
A1 = sigmoid(Z1)
Z2 = W2 @ A1 + b2
A2 = sigmoid(Z2)
L = -sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / 4`;

describe("seed 000's vectorised backpropagation", () => {
  const a = analyzeTensor(SEED_000);
  const m = 4;
  it('dW2 = (1/m) dZ2 A1ᵀ, db2 = (1/m) Σ dZ2 (axis 1, keepdims), dZ1 = W2ᵀ dZ2 ⊙ g′(Z1)', () => {
    const A2 = rows(node(a, 'A2').value);
    const Y = rows(node(a, 'Y').value);
    const A1 = rows(node(a, 'A1').value);
    const W2 = rows(node(a, 'W2').value);
    const X = rows(node(a, 'X').value);
    const dZ2 = A2.map((r, i) => r.map((v, j) => v - Y[i][j]));
    const close = (got: Value, want: number[][]) =>
      rows(got).forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 12)));
    close(
      node(a, 'Z2').grad!,
      dZ2.map((r) => r.map((v) => v / m)),
    );
    close(
      a.gradients.W2,
      mm(dZ2, tr(A1)).map((r) => r.map((v) => v / m)),
    );
    close(a.gradients.b2, [[dZ2[0].reduce((s, v) => s + v, 0) / m]]);
    const dZ1 = mm(tr(W2), dZ2).map((r, i) => r.map((v, j) => (v * A1[i][j] * (1 - A1[i][j])) / m));
    close(node(a, 'Z1').grad!, dZ1);
    close(a.gradients.W1, mm(dZ1, tr(X)));
    // b1 is 3×1: its gradient is the sum over the m columns, keeping the column shape.
    expect(T(a.gradients.b1).shape).toEqual([3, 1]);
    close(
      a.gradients.b1,
      dZ1.map((r) => [r.reduce((s, v) => s + v, 0)]),
    );
  });

  it('gradient descent on the tensor parameters lowers the loss', () => {
    const program = compileTensor(SEED_000);
    let run = program.analyze();
    const start = run.loss;
    for (let k = 0; k < 20; k++) {
      const values = { ...tensorDescentStep(run, 0.5, ['W1', 'b1', 'W2', 'b2']) };
      run = program.analyze(values);
    }
    expect(run.loss).toBeLessThan(start);
    expect(T(run.inputs.find((i) => i.name === 'W1')!.value).shape).toEqual([3, 2]);
    // Data stay put.
    expect(run.inputs.find((i) => i.name === 'X')!.value).toEqual(a.inputs[0].value);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the compiled re-run', () => {
  it('gives what a fresh analysis gives, with new values of the same shape or another', () => {
    const source = 'L = sum(tanh(X @ W + b))';
    const first = {
      X: [
        [1, 2],
        [3, 4],
      ],
      W: [[0.5], [-1]],
      b: [0.1],
    };
    const second = {
      X: [
        [0, 1],
        [1, 0],
      ],
      W: [[2], [1]],
      b: [-0.3],
    };
    const program = compileTensor(source, first);
    const again = program.analyze(second);
    const fresh = analyzeTensor(source, second);
    expect(again.output).toBe(fresh.output);
    expect(nested(again.gradients.W)).toEqual(nested(fresh.gradients.W));
    const wider = { X: [[1, 2, 3]], W: [[1], [2], [3]], b: [0] };
    expect(program.analyze(wider).output).toBe(analyzeTensor(source, wider).output);
  });
});

describe('notes on tensor values', () => {
  it('notes where trouble starts, entry by entry, as the scalar ops do', () => {
    const a = analyzeTensor('Z = log(X); L = sum(Z * 2)', {
      X: [
        [1, -2],
        [3, 4],
      ],
    });
    expect(node(a, 'Z').notes).toEqual([{ code: 'diag.logNegative', kind: 'domain' }]);
    // Not on everything downstream of the NaN.
    expect(a.nodes.filter((n) => n.notes.length > 0).map((n) => n.name)).toEqual(['Z']);
    const k = analyzeTensor('R = relu(v); sum(R)', { v: [1, 0, -1] });
    expect(node(k, 'R').notes).toEqual([{ code: 'diag.kinkRelu', kind: 'kink' }]);
    const b = analyzeTensor('D = A / b; sum(D)', {
      A: [
        [1, 2],
        [3, 4],
      ],
      b: [1, 0],
    });
    expect(node(b, 'D').notes).toEqual([{ code: 'diag.divByZero', kind: 'domain' }]);
    expect(
      analyzeTensor('M = max(A, 0); sum(M)', { A: [[1, 2]] }).nodes.every(
        (n) => n.notes.length === 0,
      ),
    ).toBe(true);
  });
});

describe('gradient check on random values', () => {
  it("seed 002's network passes at random inputs and parameters", () => {
    const program = compileTensor(SEED_002);
    const matrix = (m: number, n: number) =>
      fc
        .array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: m * n, maxLength: m * n })
        .map((v) => ({ shape: [m, n], data: Float64Array.from(v) }));
    fc.assert(
      fc.property(matrix(4, 3), matrix(3, 5), matrix(5, 3), (X, W1, W2) => {
        const a = program.analyze({ X, W1, W2 });
        for (const c of tensorGradientCheck(a)) {
          // Relative error, unless both are at rounding noise (all-zero weights give 0 exactly).
          const ok = c.relError < 1e-5 || Math.abs(c.analytic - c.numeric) < 1e-8;
          expect(ok, `${c.name}: ${c.analytic} vs ${c.numeric}`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes the shapes of a step in LaTeX too', () => {
    const a = analyzeTensor('X = randn(5, 3); W = randn(3, 4); L = sum(X @ W)');
    const w = a.steps.find((s) => s.kind === 'backward-edge' && s.from === node(a, 'W').id)!;
    expect(w.shapesTex).toBe('3{\\times}4 = 3{\\times}5 \\cdot 5{\\times}4');
  });
});

describe('LaTeX of tensor steps', () => {
  it('every formula and shape line of the seed networks typesets in KaTeX', async () => {
    const katex = (await import('katex')).default;
    const extra =
      'A = [[1, 2], [3, 4]]; v = [1, -1]; M = mean(A, 0); S = sum(A.T * v, 1); E = exp(-A) / 2; L = sum(M) + sum(S) + mean(E) + max(sum(A), 1)';
    for (const source of [SEED_002, SEED_000, extra]) {
      for (const step of analyzeTensor(source).steps) {
        for (const tex of [step.tex, step.shapesTex, step.formulaTex]) {
          expect(
            () => katex.renderToString(tex, { throwOnError: true, trust: false }),
            tex,
          ).not.toThrow();
        }
      }
    }
  });
});

describe('which errors send a program to the tensor parser', () => {
  it('only an error that sits on tensor syntax', () => {
    expect(error(() => analyze('.')).code).toBe('error.loneDot');
    expect(error(() => analyze('x + .')).code).toBe('error.loneDot');
    expect(error(() => analyze('x $ y')).code).toBe('error.unexpectedChar');
    expect(error(() => analyze('A = [[1, 2]]; A.Q')).code).toBe('tensor.unknownMethod');
    expect(analyze('A = [[1, 2]]; sum(A.T)').tensor!.output).toBe(3);
  });
});

describe("analyze's gradients: a number for a scalar input, a Tensor for a tensor input", () => {
  it('a scalar program: every gradient a number, read with scalarGradient', () => {
    const a = analyze('(x+y)*z', { x: -2, y: 5, z: -4 });
    expect(isScalarAnalysis(a)).toBe(true);
    if (!isScalarAnalysis(a)) return;
    // Narrowed: arithmetic on a gradient type-checks.
    expect(a.gradients.x * 2).toBe(-8);
    expect(scalarGradient(a, 'z')).toBe(3);
    expect(scalarGradient(a, 'nope')).toBeUndefined();
  });

  it('a tensor program: gradients.W is a tensor of W’s shape, a scalar input’s a number', () => {
    const a = analyze('c = 2\nL = sum(X @ W) * c', {
      X: [
        [1, 2],
        [3, 4],
      ],
      W: [[0.5], [-1]],
    });
    expect(isScalarAnalysis(a)).toBe(false);
    expect(Object.keys(a.gradients).sort()).toEqual(['W', 'X', 'c']);
    const W = T(a.gradients.W);
    expect(W.shape).toEqual([2, 1]);
    expect(W.data).toBeInstanceOf(Float64Array);
    expect(toNested(W)).toEqual([[8], [12]]);
    expect(nested(a.gradients.X)).toEqual([
      [1, -2],
      [1, -2],
    ]);
    // sum(X @ W) = 0.5·1 − 2 + 1.5 − 4 = −4
    expect(a.gradients.c).toBe(-4);
    expect(scalarGradient(a, 'c')).toBe(-4);
    expect(() => scalarGradient(a, 'W')).toThrow(TypeError);
    // One record, not a copy: the analysis and its tensor part agree.
    expect(a.gradients).toBe(a.tensor!.gradients);
  });

  it('a tensor program typed with its values in the text, and one with randn', () => {
    const a = analyze('W = [[1, 2]]\nc = 3\nL = sum(W * c)');
    expect(nested(a.gradients.W)).toEqual([[3, 3]]);
    expect(a.gradients.c).toBe(3);
    const r = analyze('W = randn(3, 4)\nL = sum(W * W)', undefined, { seed: 7 });
    const W = T(r.tensor!.inputs[0].value);
    T(r.gradients.W).data.forEach((g, k) => expect(g).toBe(2 * W.data[k]));
  });
});

describe('generated names in a matrix program (issue 15)', () => {
  const generated = (a: TensorAnalysis) =>
    a.nodes.filter((n) => n.kind === 'op' && n.name === undefined).map((n) => n.symbol.text);

  it('skip a letter the user numbers in either case: A1 beside a₁ would read as one', () => {
    const a = analyzeTensor(
      'X = [[0, 1], [1, 0]]\nW1 = [[1, 2], [3, 4]]\nZ1 = W1 @ X\nA1 = sigmoid(Z1)\nL = sum(A1 * A1 + 1)',
    );
    const names = generated(a);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).not.toMatch(/^[aAzZwW]/);
    expect(names[0]).toBe('u₁');
  });

  it('keep a₁ when no user name is a numbered a or A', () => {
    const a = analyzeTensor('X = [[1, 2], [3, 4]]\nW = [[1, 0], [0, 1]]\nL = sum(tanh(X @ W))');
    expect(generated(a)[0]).toBe('a₁');
  });
});
