/**
 * The spiral lesson's speed (issue 15): cs231n's spiral (300 points, 3 classes) through the
 * example's 2→16→3 ReLU network, trained by gradient descent with the engine.
 *
 *   npx tsx bench/spiral.bench.ts [--dist=dist] [--seconds=5] [--runs=3]
 *
 * Measured:
 * - engine: gradient steps a second in Node (`tensorTrainer`, one forward and one backward run
 *   and the update per step), over `seconds`;
 * - page: the built app in headless Chromium (/usr/bin/chromium, or CHROME_PATH) opens the
 *   example, presses Train and lets it run `seconds`; the panel reports the gradient steps and
 *   the redraws of the decision regions a second since Train was pressed (its canvas' data
 *   attributes), and the accuracy reached. The target is ≥ 200 steps and ≥ 10 redraws a second.
 *
 * Results go to the terminal and bench/results/spiral.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { analyzeTensor, tensorTrainer } from '../src/engine/tensor';
import { EXAMPLES } from '../src/examples';
import { serve } from './serve';

const args = process.argv.slice(2);
const arg = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
const DIST = resolve(arg('dist') ?? 'dist');
const SECONDS = Number(arg('seconds') ?? 5);
const RUNS = Number(arg('runs') ?? 3);
const OUT = resolve(arg('out') ?? 'bench/results/spiral.json');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SOURCE = EXAMPLES.find((e) => e.id === 'spiral')!.source;

/** Steps a second of the engine alone, over `seconds`. */
function engineRate(): { stepsPerSecond: number; steps: number; loss: number } {
  const trainer = tensorTrainer(analyzeTensor(SOURCE), ['W1', 'b1', 'W2', 'b2']);
  // Warm up the JIT first, as the page has by the time it draws.
  for (let i = 0; i < 50; i++) trainer.step(1);
  const t0 = performance.now();
  let steps = 0;
  let loss = NaN;
  while (performance.now() - t0 < SECONDS * 1000) {
    loss = trainer.step(1);
    steps++;
  }
  return { stepsPerSecond: (steps / (performance.now() - t0)) * 1000, steps, loss };
}

async function pageRate(base: string) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${base}?expr=${encodeURIComponent(SOURCE)}`);
    const panel = page.locator('.spiral-panel');
    await panel.getByRole('button', { name: 'Train' }).click({ timeout: 60_000 });
    await page.waitForTimeout(SECONDS * 1000);
    const canvas = panel.locator('canvas.spiral-canvas');
    const read = async (name: string) => Number(await canvas.getAttribute(`data-${name}`));
    const result = {
      stepsPerSecond: await read('steps-per-second'),
      drawsPerSecond: await read('draws-per-second'),
      steps: await read('steps'),
      accuracy: await read('accuracy'),
    };
    await panel.getByRole('button', { name: 'Pause' }).click();
    return result;
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  await readFile(join(DIST, 'index.html')).catch(() => {
    throw new Error(`No build in ${DIST}: run \`npx vite build\` first.`);
  });
  const load = loadavg()[0];
  console.log(`Spiral bench: ${RUNS} runs of ${SECONDS} s, ${cpus().length} CPUs, load ${load}`);
  const engine = [];
  for (let r = 0; r < RUNS; r++) engine.push(engineRate());
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const page = [];
  try {
    for (let r = 0; r < RUNS; r++) page.push(await pageRate(base));
  } finally {
    server.close();
  }
  const result = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    load,
    seconds: SECONDS,
    runs: RUNS,
    engineStepsPerSecond: median(engine.map((e) => e.stepsPerSecond)),
    pageStepsPerSecond: median(page.map((p) => p.stepsPerSecond)),
    pageDrawsPerSecond: median(page.map((p) => p.drawsPerSecond)),
    accuracyAfter: median(page.map((p) => p.accuracy)),
    each: { engine, page },
  };
  console.log(`  engine (Node)    ${result.engineStepsPerSecond.toFixed(0)} gradient steps/s`);
  console.log(
    `  page (Chromium)  ${result.pageStepsPerSecond.toFixed(0)} gradient steps/s, ` +
      `${result.pageDrawsPerSecond.toFixed(1)} redraws/s, accuracy ${(
        result.accuracyAfter * 100
      ).toFixed(1)}% after ${SECONDS} s (targets: ≥ 200 steps/s, ≥ 10 redraws/s)`,
  );
  await mkdir(join(OUT, '..'), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(result, null, 2)}\n`);
}

void main();
