/**
 * `npm run bench` (second half): tensor programs against TensorFlow.js's plain-JavaScript CPU
 * backend, forward and every input's gradient in one run, the same network on both sides:
 *
 * - wide: X 512×64 → tanh(X@W1+b1) (128) → @W2+b2 (10), mean squared error against a 512×10 target;
 * - teaching: seed 002's size, 4×3 → 5 → 3.
 *
 * Ours is the whole `analyze` (parse, shapes, forward, backward, step trace); TF.js is `tf.grads`
 * inside `tf.tidy` with every gradient read back. Ours also re-runs the compiled program with new
 * values, as a slider drag does (60 frames a second leaves 16 ms a frame).
 */
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { analyze } from '../src/engine';
import { compileTensor, type Tensor } from '../src/engine/tensor';
import { random } from '../src/layout/samplePrograms';

type Tf = typeof import('@tensorflow/tfjs');

const SOURCE = `H = tanh(X @ W1 + b1)
Yhat = H @ W2 + b2
L = mean((Yhat - T)^2)`;

function tensor(shape: number[], rnd: () => number, scale = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float64Array.from({ length: n }, () => (rnd() * 2 - 1) * scale) };
}

function network(n: number, d: number, h: number, k: number, seed: number) {
  const rnd = random(seed);
  return {
    X: tensor([n, d], rnd),
    W1: tensor([d, h], rnd, 1 / Math.sqrt(d)),
    b1: tensor([h], rnd, 0.1),
    W2: tensor([h, k], rnd, 1 / Math.sqrt(h)),
    b2: tensor([k], rnd, 0.1),
    T: tensor([n, k], rnd),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(runs: number, warmup: number, f: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    f();
    const t1 = performance.now();
    if (r >= warmup) times.push(t1 - t0);
  }
  return median(times);
}

async function loadTf(): Promise<Tf | undefined> {
  try {
    // The CommonJS bundle: tfjs-core's ESM build does not load on Node 20 (see TOOLCHAIN.md).
    const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as Tf;
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  } catch {
    return undefined;
  }
}

interface Row {
  name: string;
  ours: number;
  rerun: number;
  tf?: number;
  maxDiff?: number;
}

function measure(
  tf: Tf | undefined,
  name: string,
  net: ReturnType<typeof network>,
  runs: number,
): Row {
  const names = ['X', 'W1', 'b1', 'W2', 'b2', 'T'] as const;
  let ours: Record<string, unknown> = {};
  const oursMs = time(runs, 3, () => {
    ours = analyze(SOURCE, net).tensor!.gradients;
  });
  const program = compileTensor(SOURCE, net);
  const rerun = time(runs, 3, () => void program.analyze(net));
  const row: Row = { name, ours: oursMs, rerun };
  if (!tf) return row;
  const inputs = names.map((k) =>
    tf.tensor(Float32Array.from(net[k].data), net[k].shape as number[]),
  );
  const loss = (
    X: import('@tensorflow/tfjs').Tensor,
    W1: import('@tensorflow/tfjs').Tensor,
    b1: import('@tensorflow/tfjs').Tensor,
    W2: import('@tensorflow/tfjs').Tensor,
    b2: import('@tensorflow/tfjs').Tensor,
    T: import('@tensorflow/tfjs').Tensor,
  ) =>
    tf.mean(tf.square(tf.sub(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(X, W1), b1)), W2), b2), T)));
  const grads = tf.grads(
    loss as (...args: import('@tensorflow/tfjs').Tensor[]) => import('@tensorflow/tfjs').Tensor,
  );
  let theirs: Float32Array[] = [];
  row.tf = time(runs, 3, () => {
    theirs = tf
      .tidy(() => grads(inputs))
      .map((g) => {
        const d = g.dataSync() as Float32Array;
        g.dispose();
        return d;
      });
  });
  inputs.forEach((t) => t.dispose());
  // The two agree to float32's precision.
  let maxDiff = 0;
  names.forEach((k, i) => {
    const g = (ours[k] as Tensor).data;
    g.forEach(
      (v, j) =>
        (maxDiff = Math.max(maxDiff, Math.abs(v - theirs[i][j]) / Math.max(1e-3, Math.abs(v)))),
    );
  });
  row.maxDiff = maxDiff;
  return row;
}

const tf = await loadTf();
const rows = [
  measure(tf, 'wide 512×64 → 128 → 10', network(512, 64, 128, 10, 3), 15),
  measure(tf, 'teaching 4×3 → 5 → 3', network(4, 3, 5, 3, 4), 201),
];

const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));
console.log(
  `\nTensor programs, forward + every input's gradient, ms (median); Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}`,
);
console.log(
  tf
    ? `TensorFlow.js ${tf.version.tfjs}, backend ${tf.getBackend()} (float32)\n`
    : 'TensorFlow.js not installed: ours alone\n',
);
console.log(
  '| network | ours: analyze | ours: compiled re-run | TF.js cpu | ours / TF.js | max rel. diff |',
);
console.log('|:--|--:|--:|--:|--:|--:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${ms(r.ours)} | ${ms(r.rerun)} | ${r.tf === undefined ? '–' : ms(r.tf)} | ${r.tf === undefined ? '–' : (r.ours / r.tf).toFixed(2) + '×'} | ${r.maxDiff === undefined ? '–' : r.maxDiff.toExponential(1)} |`,
  );
}
console.log('');
const check = (ok: boolean, text: string) => console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
for (const r of rows) {
  if (r.tf !== undefined)
    check(r.ours <= r.tf, `${r.name}: ours ${(r.ours / r.tf).toFixed(2)}× TF.js (target ≤ 1.0×)`);
}
const teaching = rows[1];
check(
  teaching.rerun <= 16,
  `teaching size re-run in ${ms(teaching.rerun)} ms (a 60 fps frame is 16 ms)`,
);
