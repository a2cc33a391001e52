/**
 * The seeds' worked examples. Each is a program a student can edit; `values` are only what the
 * program does not already declare. Titles and lessons live in the i18n tables under
 * `example.<id>.title` and `example.<id>.lesson`.
 */
export interface Example {
  readonly id: ExampleId;
  readonly source: string;
  /** Which seed it comes from, for the note beside it. */
  readonly seed: 'cs231n' | 'colah' | 'ml-cheatsheet' | 'softmax';
}

export const EXAMPLES = [
  {
    id: 'circuit',
    seed: 'cs231n',
    source: 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z',
  },
  { id: 'multiply', seed: 'cs231n', source: 'x = 4; y = -3\nf = x * y' },
  { id: 'add', seed: 'cs231n', source: 'x = 4; y = -3\nf = x + y' },
  { id: 'max', seed: 'cs231n', source: 'x = 4; y = 2\nf = max(x, y)' },
  {
    id: 'neuron',
    seed: 'cs231n',
    source:
      'w0 = 2; x0 = -1   # weight and input 0\nw1 = -3; x1 = -2  # weight and input 1\nw2 = -3           # bias\nf = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))',
  },
  {
    id: 'staged',
    seed: 'cs231n',
    source: [
      'x = 3; y = -4',
      'sigy = sigmoid(y)     # numerator',
      'num = x + sigy',
      'sigx = sigmoid(x)     # denominator',
      'xpy = x + y',
      'xpysqr = xpy^2',
      'den = sigx + xpysqr',
      'invden = 1 / den',
      'f = num * invden',
    ].join('\n'),
  },
  { id: 'colah', seed: 'colah', source: 'a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d' },
  {
    id: 'chain',
    seed: 'ml-cheatsheet',
    source: [
      'X = 1.5; W = 0.8     # input and weight',
      'y = 2                # target',
      'Z = X * W',
      'yhat = relu(Z)       # R(Z)',
      'C = 0.5 * (yhat - y)^2',
    ].join('\n'),
  },
  {
    id: 'hidden',
    seed: 'ml-cheatsheet',
    source: [
      'X = 1.5; W_h = 0.8; W_o = 1.2',
      'y = 2',
      'Z_h = X * W_h',
      'H = relu(Z_h)',
      'Z_o = H * W_o',
      'yhat = relu(Z_o)',
      'C = 0.5 * (yhat - y)^2',
    ].join('\n'),
  },
  {
    id: 'softmax',
    seed: 'softmax',
    source: [
      'a_1 = 2; a_2 = 1; a_3 = 0.1   # scores',
      'y_1 = 1; y_2 = 0; y_3 = 0     # one-hot target',
      'e_1 = exp(a_1); e_2 = exp(a_2); e_3 = exp(a_3)',
      'S = e_1 + e_2 + e_3',
      'mu_1 = e_1 / S; mu_2 = e_2 / S; mu_3 = e_3 / S',
      'L = -(y_1*log(mu_1) + y_2*log(mu_2) + y_3*log(mu_3))',
    ].join('\n'),
  },
] as const satisfies readonly (Omit<Example, 'id'> & { id: string })[];

export type ExampleId = (typeof EXAMPLES)[number]['id'];

export const DEFAULT_EXAMPLE: ExampleId = 'circuit';

export const exampleById = (id: string): Example | undefined => EXAMPLES.find((e) => e.id === id);
