import { OPS } from '../ops';
import type { OpWords } from '../opWords';
import { CALLS, CREATORS, TENSOR_OPS } from './ops';

/**
 * The tensor registry's words, beside it as `OP_WORDS` is beside `OPS`: what each tensor-only op
 * and each creator computes, for the syntax card and `grad --functions`. The elementwise ops are
 * the scalar registry's, with its words. `test/engine/tensorWords.test.ts` checks that every
 * tensor-only op of `TENSOR_OPS` and every creator has its words here, so a new one cannot be
 * left out of the lists.
 */
export const TENSOR_WORDS: Readonly<Record<string, OpWords>> = {
  matmul: {
    en: 'matrix product, numpy’s rules for vectors',
    vi: 'tích ma trận, theo quy tắc của numpy cho vector',
  },
  transpose: { en: 'transpose (a vector is its own)', vi: 'chuyển vị (vector giữ nguyên)' },
  sum: {
    en: 'sum of every entry, or along an axis (that axis dropped)',
    vi: 'tổng mọi phần tử, hoặc theo một trục (bỏ trục đó)',
  },
  mean: {
    en: 'mean of every entry, or along an axis (that axis dropped)',
    vi: 'trung bình mọi phần tử, hoặc theo một trục (bỏ trục đó)',
  },
  softmax: { en: 'softmax of each row (the last axis)', vi: 'softmax của từng hàng (trục cuối)' },
  crossentropy: {
    en: 'cross-entropy −(1/N)·Σ Y·log P (rows averaged)',
    vi: 'entropy chéo −(1/N)·Σ Y·log P (trung bình theo hàng)',
  },
  randn: {
    en: 'an input of standard-normal numbers (seeded), as W = randn(3, 4)',
    vi: 'một đầu vào gồm các số chuẩn tắc ngẫu nhiên (có hạt giống), như W = randn(3, 4)',
  },
  zeros: {
    en: 'an input of zeros, as b = zeros(4)',
    vi: 'một đầu vào toàn số 0, như b = zeros(4)',
  },
  ones: { en: 'an input of ones', vi: 'một đầu vào toàn số 1' },
  spiral_points: {
    en: 'cs231n’s spiral data: n points on each of k arms, an (n·k)×2 matrix',
    vi: 'dữ liệu xoắn ốc của cs231n: n điểm trên mỗi nhánh trong k nhánh, ma trận (n·k)×2',
  },
  spiral_labels: {
    en: 'the class of each spiral point, one-hot: an (n·k)×k matrix',
    vi: 'nhãn của từng điểm xoắn ốc, dạng one-hot: ma trận (n·k)×k',
  },
};

/** How each tensor-only op is written besides its call names: operators and methods. */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  matmul: ['A @ B', 'A.dot(B)'],
  transpose: ['A.T'],
};

/** Call names' arguments, by op: `sum(A, axis)` takes an optional axis. */
const ARGS: Readonly<Record<string, string>> = {
  matmul: 'A, B',
  crossentropy: 'P, Y',
  sum: 'A), (A, axis',
  mean: 'A), (A, axis',
};

/**
 * Every tensor-only function and operator, read off `TENSOR_OPS` and its call names (`CALLS`),
 * then the creators (`CREATORS`): `{ op: 'matmul', calls: 'A @ B, A.dot(B), dot(A, B), matmul(A, B)' }`.
 * The elementwise functions are the scalar list's, working entry by entry.
 */
export const TENSOR_CALLS: readonly { readonly op: string; readonly calls: string }[] = [
  ...Object.keys(TENSOR_OPS)
    .filter((op) => !Object.hasOwn(OPS, op))
    .map((op) => {
      const names = [...CALLS].filter(([, c]) => c.op === op).map(([name]) => name);
      const args = ARGS[op] ?? 'A';
      const calls = names.flatMap((f) =>
        args.includes(')') ? args.split('), (').map((a) => `${f}(${a})`) : [`${f}(${args})`],
      );
      return { op, calls: [...(SPELLINGS[op] ?? []), ...calls].join(', ') };
    }),
  ...[...CREATORS].map((op) => ({
    op,
    calls: op.startsWith('spiral_') ? `${op}(n, k)` : `${op}(m, n), ${op}(n)`,
  })),
];

/** The numpy spellings a pasted program may use; `np.` before any function is read as the function. */
export const NUMPY_SPELLINGS =
  'np.dot(A, B), np.exp, np.log, np.tanh, np.sum(A, axis=0), np.mean, np.maximum(A, 0) (= max), np.minimum, np.power, np.random.randn';
