import { OP_LIST, type OpName } from './ops';

/** What an op computes, in a few words, in each language the UI speaks. */
export interface OpWords {
  readonly en: string;
  readonly vi: string;
}

/**
 * The registry's words, beside it rather than in it: the syntax card (loaded when opened) is
 * their only reader on the page, and `ops.ts` ships with the first graph, whose JavaScript budget
 * has no room for two languages' descriptions. The type asks for every op, so an entry added to
 * `OPS` without its words does not compile, and `test/engine/ops.test.ts` checks none is blank.
 */
export const OP_WORDS: Readonly<Record<OpName, OpWords>> = {
  add: { en: 'sum', vi: 'tổng' },
  sub: { en: 'difference', vi: 'hiệu' },
  mul: { en: 'product', vi: 'tích' },
  div: { en: 'quotient', vi: 'thương' },
  pow: { en: 'power a to the b', vi: 'lũy thừa a mũ b' },
  neg: { en: 'negation', vi: 'số đối' },
  id: { en: 'a named copy', vi: 'bản sao có tên' },
  exp: { en: 'exponential eˣ', vi: 'hàm mũ eˣ' },
  log: { en: 'natural logarithm', vi: 'lôgarit tự nhiên' },
  sqrt: { en: 'square root', vi: 'căn bậc hai' },
  sin: { en: 'sine', vi: 'hàm sin' },
  cos: { en: 'cosine', vi: 'hàm cos' },
  tan: { en: 'tangent', vi: 'hàm tang' },
  tanh: { en: 'hyperbolic tangent', vi: 'tang hypebolic' },
  sigmoid: { en: 'logistic sigmoid 1/(1 + e⁻ˣ)', vi: 'hàm sigmoid 1/(1 + e⁻ˣ)' },
  softplus: {
    en: 'softplus log(1 + eˣ), a smooth relu',
    vi: 'hàm softplus log(1 + eˣ), bản trơn của relu',
  },
  relu: { en: 'rectifier max(0, x)', vi: 'hàm ReLU max(0, x)' },
  abs: { en: 'absolute value', vi: 'giá trị tuyệt đối' },
  max: { en: 'the larger of a and b', vi: 'số lớn hơn trong a và b' },
  min: { en: 'the smaller of a and b', vi: 'số nhỏ hơn trong a và b' },
};

/**
 * Every function a program can call, one-argument functions first, with how to call it (aliases
 * too): `{ op: 'log', calls: 'log(x), ln(x)' }`. The syntax card and `grad --functions` list these.
 */
export const FUNCTION_CALLS: readonly { readonly op: OpName; readonly calls: string }[] =
  OP_LIST.filter((op) => op.callNames !== undefined && op.callNames.length > 0)
    .sort((a, b) => a.arity - b.arity)
    .map((op) => ({
      op: op.name,
      calls: op.callNames!.map((f) => (op.arity === 2 ? `${f}(a, b)` : `${f}(x)`)).join(', '),
    }));
