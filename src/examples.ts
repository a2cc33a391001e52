import { translateComment } from './i18n';
import type { UiKey } from './i18n/en';
import type { Lang } from './state/types';

/**
 * The seeds' worked examples. Each is a program a student can edit; `values` are only what the
 * program does not already declare. Titles and lessons live in the i18n tables under
 * `example.<id>.title` and `example.<id>.lesson`.
 */
export interface Example {
  readonly id: ExampleId;
  /** The program, its comments in English: `exampleSource` writes them in another language. */
  readonly source: string;
  /** Which seed it comes from, for the note beside it. */
  readonly seed: 'cs231n' | 'colah' | 'ml-cheatsheet' | 'softmax' | 'vectorized';
  /**
   * A matrix program (issue 15): the tensor engine runs it, and its steps carry the seed note's
   * labels (src/stepNotes.ts). Scalar-only checks skip it: see `SCALAR_EXAMPLES`.
   */
  readonly tensor?: true;
  /**
   * Remarks keyed by node name, shown in the formula panel when a backward step reaches that
   * node: where the seed gives a gradient a name of its own (E_o, E_h) or a closed form (μ − y).
   */
  readonly notes?: Readonly<Record<string, ExampleNote>>;
  /** A learning rate gradient descent makes steady progress with, for presets worth training. */
  readonly learningRate?: number;
  /**
   * Groups it opens collapsed, by name (a statement `h_1` or a layer `z_*`), when chosen from the
   * menu: a network reads layer by layer. A program typed or opened from a link opens expanded.
   */
  readonly collapsed?: readonly string[];
}

/**
 * A remark on a node's gradient. `params` maps a slot of the sentence to a node name; the slot
 * is filled with that node's value (`{mu}` → the value of `mu_1`), and `{grad}` with the
 * gradient of the node the note is on.
 */
export interface ExampleNote {
  readonly key: UiKey;
  readonly params?: Readonly<Record<string, string>>;
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
    learningRate: 0.5,
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
    learningRate: 0.1,
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
    learningRate: 0.1,
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
    // ∂C/∂Z_o and ∂C/∂Z_h are the layer errors seed 001 names E_o and E_h.
    notes: {
      Z_o: { key: 'note.outputError' },
      Z_h: { key: 'note.hiddenError' },
    },
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
    notes: {
      a_1: { key: 'note.softmaxGrad', params: { mu: 'mu_1', y: 'y_1' } },
      a_2: { key: 'note.softmaxGrad', params: { mu: 'mu_2', y: 'y_2' } },
      a_3: { key: 'note.softmaxGrad', params: { mu: 'mu_3', y: 'y_3' } },
    },
  },
  {
    id: 'neuronMse',
    learningRate: 0.5,
    seed: 'ml-cheatsheet',
    source: [
      'x = 1.5; y = 1        # data: input and target',
      'w = -0.5; b = 0.2     # parameters: weight and bias',
      'z = w * x + b',
      'yhat = sigmoid(z)',
      'L = (yhat - y)^2      # squared error',
    ].join('\n'),
  },
  {
    id: 'twoLayer',
    learningRate: 0.5,
    // The hidden layer's weighted sums z_1, z_2 as one box; its sigmoids and the output shown.
    collapsed: ['z_*'],
    seed: 'softmax',
    source: [
      'x_1 = 1; x_2 = -0.5; y = 1              # data: two features, label 1',
      'w_11 = 0.2; w_12 = -0.4; b_1 = 0.1      # hidden unit 1',
      'w_21 = -0.3; w_22 = 0.5; b_2 = 0        # hidden unit 2',
      'w_o1 = 0.3; w_o2 = -0.2; b_o = 0        # output unit',
      'z_1 = w_11*x_1 + w_12*x_2 + b_1',
      'h_1 = sigmoid(z_1)',
      'z_2 = w_21*x_1 + w_22*x_2 + b_2',
      'h_2 = sigmoid(z_2)',
      'yhat = sigmoid(w_o1*h_1 + w_o2*h_2 + b_o)',
      'L = -(y*log(yhat) + (1 - y)*log(1 - yhat))   # cross-entropy',
    ].join('\n'),
  },
  {
    id: 'sigmoidChain10',
    learningRate: 0.5,
    // Each layer one box: the chain reads as ten layers, each one step forward and one back.
    collapsed: ['h_1', 'h_2', 'h_3', 'h_4', 'h_5', 'h_6', 'h_7', 'h_8', 'h_9', 'h_10'],
    seed: 'colah',
    source: [
      'x = 1; y = 0                                  # data',
      'w_1 = 1; w_2 = 1; w_3 = 1; w_4 = 1; w_5 = 1   # weights',
      'w_6 = 1; w_7 = 1; w_8 = 1; w_9 = 1; w_10 = 1',
      'h_1 = sigmoid(w_1 * x)',
      'h_2 = sigmoid(w_2 * h_1)',
      'h_3 = sigmoid(w_3 * h_2)',
      'h_4 = sigmoid(w_4 * h_3)',
      'h_5 = sigmoid(w_5 * h_4)',
      'h_6 = sigmoid(w_6 * h_5)',
      'h_7 = sigmoid(w_7 * h_6)',
      'h_8 = sigmoid(w_8 * h_7)',
      'h_9 = sigmoid(w_9 * h_8)',
      'h_10 = sigmoid(w_10 * h_9)',
      'L = 0.5 * (h_10 - y)^2',
    ].join('\n'),
  },
  // Issue 15: the seeds' matrix networks, end to end. Their steps carry the notes' labels (B1–B7,
  // dZ2 … db1) from src/stepNotes.ts.
  {
    id: 'softmaxNet',
    tensor: true,
    seed: 'softmax',
    source: [
      'X = [[0.5, -1, 2], [1.5, 0.5, -0.5], [-1, 2, 0.5], [0, -0.5, 1]]   # x: N = 4 examples',
      'Y = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]   # y: one-hot targets',
      'W1 = randn(3, 4)',
      'W2 = randn(4, 3)',
      'z1 = X @ W1          # layer 1',
      'a1 = sigmoid(z1)     # f = sigmoid',
      'a2 = a1 @ W2         # last layer: f is the identity',
      'mu = softmax(a2)',
      'L = -sum(Y * log(mu))   # cross-entropy',
    ].join('\n'),
  },
  {
    id: 'vectorized',
    tensor: true,
    seed: 'vectorized',
    source: [
      'X = [[0, 0, 1, 1], [0, 1, 0, 1]]   # m = 4 examples, one per column',
      'Y = [[0, 1, 1, 0]]                 # labels',
      'W1 = randn(3, 2); b1 = zeros(3, 1)   # hidden layer',
      'W2 = randn(1, 3); b2 = zeros(1, 1)   # output layer',
      'Z1 = W1 @ X + b1',
      'A1 = sigmoid(Z1)',
      'Z2 = W2 @ A1 + b2',
      'A2 = sigmoid(Z2)',
      'L = -mean(Y * log(A2) + (1 - Y) * log(1 - A2))   # cross-entropy',
    ].join('\n'),
  },
  {
    // cs231n's spiral data with a 2→16→3 ReLU network (issue 15): the Spiral panel trains it
    // live and draws the decision regions; the program stays an ordinary tensor program.
    id: 'spiral',
    tensor: true,
    learningRate: 1,
    seed: 'cs231n',
    source: [
      'X = spiral_points(100, 3)          # 300 points on 3 arms, 2-D',
      'Y = spiral_labels(100, 3)          # their classes, one-hot',
      'W1 = randn(2, 16); b1 = zeros(16)  # hidden layer: 16 ReLU units',
      'W2 = randn(16, 3); b2 = zeros(3)   # output layer: 3 class scores',
      'H = relu(X @ W1 + b1)',
      'P = softmax(H @ W2 + b2)',
      'L = crossentropy(P, Y)',
    ].join('\n'),
  },
] as const satisfies readonly (Omit<Example, 'id'> & { id: string })[];

/** The examples of one number per node: what the scalar-only checks and lessons run on. */
export const SCALAR_EXAMPLES: readonly Example[] = EXAMPLES.filter((e) => !('tensor' in e));

export type ExampleId = (typeof EXAMPLES)[number]['id'];

export const DEFAULT_EXAMPLE: ExampleId = 'circuit';

/**
 * The program of `example` with its comments in `lang` (in English until that language's table
 * has loaded). Only comments change: the code is the same in every language.
 *
 * @example
 * exampleSource(exampleById('neuron')!, 'vi') // 'w0 = 2; x0 = -1   # trọng số và đầu vào 0\n…'
 */
export const exampleSource = (example: Example, lang: Lang): string =>
  example.source.replace(/# (.+)$/gm, (_, text: string) => `# ${translateComment(lang, text)}`);

export const exampleById = (id: string): Example | undefined => EXAMPLES.find((e) => e.id === id);
