/**
 * `npm run bench:ui`: how fast the built app is in a real browser (Debian's /usr/bin/chromium,
 * headless, driven by playwright-core). `npm run bench:ui` builds first; run
 * `npx tsx bench/ui.bench.ts` to measure an existing build.
 *
 *   npx tsx bench/ui.bench.ts --runs=10 --sizes=20,500,2000 --dist=dist
 *   npx tsx bench/ui.bench.ts --reduced-motion   # steps without the travelling pulse
 *
 * Measured, each over `runs` runs (median and p90):
 * - bytes: gzip size (zlib, level 9, as a server would send it) of index.html (which carries the
 *   style sheet and the prerendered first screen), of every JS file requested before a shared
 *   link's first graph was on screen and before a first visit was interactive (from Resource
 *   Timing), and of all JS in dist/assets.
 * - first draw: navigation start → the first graph on screen: the later of the app's
 *   `graph-drawn` mark (set in the task after the frame that drew it) and the first contentful
 *   paint (a graph in the page's HTML is painted with it). For the plain page (its graph is
 *   prerendered into the HTML) and for a shared link (`?expr=`, drawn by src/boot.ts). Also
 *   navigation → interactive (`app-ready`: React has replaced the prerendered screen). A new
 *   browser context (cold cache) per run.
 * - keystroke → redraw: keydown in the editor (a capture listener reads performance.now()) → the
 *   next `lens:drawn` event showing a graph of the new size. Includes the typing debounce.
 * - per generated scalar network of ~20, 500 and 2,000 nodes (`programOfSize('network')`,
 *   opened through `?lz=`): the layout time the app reports in `lens:drawn` (worker or inline),
 *   navigation → that graph drawn, then step-to-frame: keydown of → (Next step) → the first
 *   requestAnimationFrame after the graph's SVG changed (a MutationObserver arms it), 20 steps;
 *   and the same for End (jump to the end), from the start, `runs` times; then pan/zoom: two
 *   seconds of wheel zoom and drag, one event per frame, as frames per second and longest frame.
 *
 * The app is served from `dist` by a small static server in this process on a free port, so the
 * numbers do not depend on vite's preview server. Results go to the terminal and to
 * bench/results/ui.json (kept in git, so notes can cite a run; re-run on a quiet machine).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
// lz-string is CommonJS: Node's ESM loader only gives it a default export.
import lzString from 'lz-string';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { analyze } from '../src/engine';
import { EXAMPLES } from '../src/examples';
import { programOfSize } from '../src/layout/samplePrograms';
import { STEP_MS, TYPING_DEBOUNCE_MS } from '../src/state/initialState';
import { serve } from './serve';

const args = process.argv.slice(2);
const arg = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
const RUNS = Number(arg('runs') ?? 10);
const SIZES = (arg('sizes') ?? '20,500,2000').split(',').map(Number).filter(Boolean);
const DIST = resolve(arg('dist') ?? 'dist');
const OUT = resolve(arg('out') ?? 'bench/results/ui.json');
const STEPS = 20;
/** colah's e = (a + b) * (b + 1), opened through a link. */
const SHARED_QUERY = `?expr=${encodeURIComponent('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d')}`;
/** Playback speed for the step measurements: animations are 4× shorter, so waits are too. */
const SPEED = 4;
const SETTLE_MS = STEP_MS / SPEED + 150;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** `--reduced-motion`: no travelling pulses, so step times are the redraw alone. */
const REDUCED_MOTION = args.includes('--reduced-motion');

interface Stats {
  median: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

/** Median and p90 (nearest rank), rounded to 0.1 ms or 1 byte by the caller's units. */
function stats(values: readonly number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const r = (v: number) => Math.round(v * 10) / 10;
  const mid =
    s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: r(mid), p90: r(rank(0.9)), min: r(s[0]), max: r(s[s.length - 1]), n: s.length };
}

// ---------------------------------------------------------------------------------------------
// Static server

const gzipSize = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length;

// ---------------------------------------------------------------------------------------------
// In-page probes (run in the browser; they only use the DOM and the app's documented events)

interface DrawnDetail {
  nodes: number;
  layoutMs: number;
  engine: string;
  /** performance.now() when the event arrived. */
  at: number;
}

interface Probe {
  drawn: DrawnDetail[];
  key: { t0: number; t1: number; armed: boolean };
}

type ProbeWindow = Window & { __bench: Probe };

/** Added before the app's own scripts: records every `lens:drawn` with its arrival time. */
function installProbe() {
  const w = window as unknown as ProbeWindow;
  w.__bench = { drawn: [], key: { t0: 0, t1: 0, armed: false } };
  window.addEventListener('lens:drawn', (e) => {
    const d = (e as CustomEvent<Omit<DrawnDetail, 'at'>>).detail;
    w.__bench.drawn.push({ ...d, at: performance.now() });
  });
}

/**
 * Arms the step-to-frame probe: keydown (capture, before the app's handler) stores t0; the first
 * change to the graph's SVG after it requests an animation frame, whose time is t1.
 */
function installFrameProbe(selector = 'svg.graph') {
  const w = window as unknown as ProbeWindow;
  const key = w.__bench.key;
  window.addEventListener(
    'keydown',
    () => {
      key.t0 = performance.now();
      key.t1 = 0;
      key.armed = true;
    },
    true,
  );
  const svg = document.querySelector(selector);
  if (!svg) throw new Error('no graph');
  new MutationObserver(() => {
    if (!key.armed) return;
    key.armed = false;
    requestAnimationFrame(() => {
      key.t1 = performance.now();
    });
  }).observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: REDUCED_MOTION ? 'reduce' : 'no-preference',
  });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page };
}

/** Waits for a drawn graph with at least `minNodes` nodes; returns that event. */
async function drawnWith(page: Page, minNodes: number, after = 0): Promise<DrawnDetail> {
  const handle = await page.waitForFunction(
    ([min, from]) =>
      (window as unknown as ProbeWindow).__bench.drawn.find((d, i) => i >= from && d.nodes >= min),
    [minNodes, after] as const,
    { timeout: 120_000, polling: 20 },
  );
  return (await handle.jsonValue()) as DrawnDetail;
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Resolves once React has replaced the prerendered first screen (keys and clicks work). */
async function appReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, {
    timeout: 60_000,
  });
}

/**
 * Opens `base + query` in fresh contexts. The first graph is on screen at the later of the
 * app's `graph-drawn` mark (set in the task after the frame that drew it) and the first
 * contentful paint: a graph in the page's HTML is painted with that paint, never before it.
 */
async function firstLoad(browser: Browser, base: string, query = '') {
  const times: number[] = [];
  const fcp: number[] = [];
  const ready: number[] = [];
  let files: string[] = [];
  let readyFiles: string[] = [];
  let settledFiles: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage(browser);
    await page.goto(base + query);
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('graph-drawn').length > 0 &&
        performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      { timeout: 60_000 },
    );
    await appReady(page);
    const result = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
      const drawn = Math.max(performance.getEntriesByName('graph-drawn')[0].startTime, paint);
      const live = performance.getEntriesByName('app-ready')[0].startTime;
      // No named helpers in here: tsx would wrap them in a `__name` the page does not have.
      const resources = performance
        .getEntriesByType('resource')
        .map((e) => ({ at: e.startTime, path: new URL(e.name).pathname }));
      return {
        drawn,
        fcp: paint,
        live,
        before: resources.filter((r) => r.at < drawn).map((r) => r.path),
        beforeLive: resources.filter((r) => r.at < live).map((r) => r.path),
      };
    });
    times.push(result.drawn);
    fcp.push(result.fcp);
    ready.push(result.live);
    files = result.before;
    readyFiles = result.beforeLive;
    if (run === RUNS - 1) {
      // Everything a visit fetches with no interaction: the panels and KaTeX follow the graph.
      await page.waitForTimeout(2500);
      settledFiles = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      );
    }
    await context.close();
  }
  return { times, fcp, ready, files, readyFiles, settledFiles };
}

/**
 * Gzip sizes of what a first visit fetches: the page itself (its HTML carries the style sheet and
 * the prerendered first screen), the JS requested before the first graph was on screen, and the
 * JS requested before the app was interactive (React mounted).
 */
async function bytes(
  beforeGraph: readonly string[],
  beforeReady: readonly string[],
  settled: readonly string[],
) {
  const htmlFile = join(DIST, 'index.html');
  const html = await readFile(htmlFile, 'utf8');
  // What index.html names is requested on every load; Resource Timing lists the rest.
  const fromHtml = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const sizeOf = async (p: string) => {
    const file = join(DIST, p.replace(/^\//, ''));
    const raw = (await readFile(file)).length;
    return { file: p, raw, gzip: await gzipSize(file) };
  };
  // index.html says `./assets/…`, Resource Timing `/assets/…`: one spelling, so each counts once.
  const filesOf = (loaded: readonly string[]) =>
    Promise.all(
      [...new Set([...fromHtml, ...loaded].map((p) => `/${p.replace(/^\.?\//, '')}`))]
        .filter((p) => /\.(js|css)$/.test(p))
        .sort()
        .map(sizeOf),
    );
  const graphFiles = await filesOf(beforeGraph);
  const readyFiles = await filesOf(beforeReady);
  const settledFiles = await filesOf(settled);
  const assets = (await readdir(join(DIST, 'assets'))).map((f) => `/assets/${f}`);
  const allJs = await Promise.all(assets.filter((f) => f.endsWith('.js')).map(sizeOf));
  const allCss = await Promise.all(assets.filter((f) => f.endsWith('.css')).map(sizeOf));
  const sum = (list: { file: string; gzip: number }[], ext: string) =>
    list.filter((f) => f.file.endsWith(ext)).reduce((a, b) => a + b.gzip, 0);
  return {
    htmlGzip: await gzipSize(htmlFile),
    htmlRaw: html.length,
    firstGraphJsGzip: sum(graphFiles, '.js'),
    interactiveJsGzip: sum(readyFiles, '.js'),
    settledJsGzip: sum(settledFiles, '.js'),
    settledKatexJsGzip: sum(
      settledFiles.filter((f) => /katex/.test(f.file)),
      '.js',
    ),
    firstLoadCssGzip: sum(readyFiles, '.css'),
    allJsGzip: sum(allJs, '.js'),
    allCssGzip: sum(allCss, '.css'),
    firstGraphFiles: graphFiles,
    interactiveFiles: readyFiles,
    allJs,
  };
}

/** Types one character into the editor and deletes it again, timing each to the redraw. */
async function keystrokes(browser: Browser, base: string) {
  const { context, page } = await newPage(browser);
  await page.goto(base);
  const first = await drawnWith(page, 1);
  await appReady(page);
  const box = page.getByRole('textbox', { name: 'Expression' });
  await box.click();
  await box.press('ControlOrMeta+End');
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    document.querySelector('textarea')!.addEventListener(
      'keydown',
      () => {
        w.__bench.key.t0 = performance.now();
      },
      true,
    );
  });
  const times: number[] = [];
  let nodes = first.nodes;
  for (let run = 0; run < RUNS; run++) {
    // `…q * z` + `2` reads `z2`, a new input: one more node. Backspace takes it away again.
    const key = run % 2 === 0 ? '2' : 'Backspace';
    const count = await page.evaluate(
      () => (window as unknown as ProbeWindow).__bench.drawn.length,
    );
    await page.keyboard.press(key);
    const handle = await page.waitForFunction(
      ([from, old]) => {
        const b = (window as unknown as ProbeWindow).__bench;
        const d = b.drawn.slice(from).find((e) => e.nodes !== old);
        return d ? { ms: d.at - b.key.t0, nodes: d.nodes } : undefined;
      },
      [count, nodes] as const,
      { timeout: 30_000, polling: 10 },
    );
    const r = (await handle.jsonValue()) as { ms: number; nodes: number };
    times.push(r.ms);
    nodes = r.nodes;
    await page.waitForTimeout(150);
  }
  await context.close();
  return times;
}

/** Presses `key` with the focus outside any field and times keydown → next frame after the DOM changed. */
async function frameAfter(page: Page, key: string): Promise<number> {
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    () => {
      const k = (window as unknown as ProbeWindow).__bench.key;
      return k.t1 > 0 ? k.t1 - k.t0 : undefined;
    },
    null,
    { timeout: 60_000, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

async function sized(browser: Browser, base: string, target: number) {
  const source = programOfSize('network', target, (s) => analyze(s).graph.nodes.length);
  const a = analyze(source);
  const nodes = a.graph.nodes.length;
  const url = `${base}?lz=${lzString.compressToEncodedURIComponent(source)}&speed=${SPEED}`;
  const layoutMs: number[] = [];
  const drawnMs: number[] = [];
  const engines = new Set<string>();
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage(browser);
    await page.goto(url);
    const d = await drawnWith(page, Math.ceil(nodes * 0.9));
    layoutMs.push(d.layoutMs);
    drawnMs.push(d.at);
    engines.add(d.engine);
    await context.close();
  }

  const { context, page } = await newPage(browser);
  await page.goto(url);
  await drawnWith(page, Math.ceil(nodes * 0.9));
  await appReady(page);
  await page.evaluate(installFrameProbe, 'svg.graph');
  await page.locator('.brand').click();
  const step: number[] = [];
  for (let k = 0; k < STEPS; k++) {
    step.push(await frameAfter(page, 'ArrowRight'));
    await page.waitForTimeout(SETTLE_MS);
  }
  const end: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await frameAfter(page, 'Home');
    await page.waitForTimeout(SETTLE_MS);
    end.push(await frameAfter(page, 'End'));
    await page.waitForTimeout(SETTLE_MS);
  }
  await page.keyboard.press('Home');
  await page.waitForTimeout(SETTLE_MS);
  const panZoom = await page.evaluate(panZoomFrames);
  await context.close();
  return {
    target,
    nodes,
    edges: a.graph.edges.length,
    steps: a.steps.length,
    sourceChars: source.length,
    engine: [...engines].join(','),
    layoutMs: stats(layoutMs),
    drawnMs: stats(drawnMs),
    stepToFrameMs: stats(step),
    endToFrameMs: stats(end),
    panZoom,
  };
}

/**
 * A matrix program (issue 15) opened through a link: step → frame over its whole trace (→, the
 * first frame after the tensor graph's DOM changed), and a cell edit → redrawn: a key typed in
 * the Inputs panel's field `cell` (the program re-runs and the grids are redrawn), alternately a
 * digit and Backspace, `runs` times.
 */
async function tensorProgram(browser: Browser, base: string, id: string, cell: string) {
  const example = EXAMPLES.find((e) => e.id === id)!;
  const { context, page } = await newPage(browser);
  await page.goto(`${base}?expr=${encodeURIComponent(example.source)}&speed=${SPEED}`);
  await page.waitForSelector('svg.tensor-graph g.tensor-node', { timeout: 60_000 });
  await appReady(page);
  // The cards' container: a re-run may replace the drawing inside it.
  await page.evaluate(installFrameProbe, '.graph-area');
  await page.locator('.brand').click();
  const total = Number(
    ((await page.locator('.counter').textContent()) ?? '').match(/(\d+) steps/)![1],
  );
  const step: number[] = [];
  for (let k = 0; k < Math.min(total, 40); k++) {
    step.push(await frameAfter(page, 'ArrowRight'));
    await page.waitForTimeout(SETTLE_MS);
  }
  const field = page.getByRole('textbox', { name: cell, exact: true });
  await field.click();
  await field.press('End');
  const edit: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    edit.push(await frameAfter(page, run % 2 === 0 ? '7' : 'Backspace'));
    await page.waitForTimeout(SETTLE_MS);
  }
  await context.close();
  return { id, steps: total, stepToFrameMs: stats(step), cellEditToFrameMs: stats(edit) };
}

/**
 * Pan and zoom for about two seconds, the way d3-zoom hears a person: a wheel event (zoom in,
 * then out) or a drag step (mousedown once, mousemove) every animation frame. Returns the frame
 * rate the page kept up and its longest frame: 60 fps means each transform reached the screen
 * within a frame. Runs in the page.
 */
async function panZoomFrames(): Promise<{ fps: number; worstFrameMs: number; frames: number }> {
  const svg = document.querySelector<SVGSVGElement>('svg.graph')!;
  const box = svg.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const FRAMES = 120;
  const times: number[] = [];
  // A plain loop of awaited frames: tsx would wrap a named callback in a helper the page lacks.
  for (let k = 0; k <= FRAMES; k++) {
    times.push(await new Promise<number>((r) => requestAnimationFrame(r)));
    if (k === FRAMES) {
      window.dispatchEvent(
        new MouseEvent('mouseup', { bubbles: true, view: window, clientX: cx, clientY: cy }),
      );
    } else if (k < FRAMES / 2) {
      // Zoom: in for the first quarter, out for the second.
      const deltaY = k < FRAMES / 4 ? -40 : 40;
      svg.dispatchEvent(
        new WheelEvent('wheel', {
          bubbles: true,
          cancelable: true,
          deltaY,
          clientX: cx,
          clientY: cy,
        }),
      );
    } else {
      const x = cx + (k - FRAMES / 2) * 3;
      const down = k === FRAMES / 2;
      (down ? svg : window).dispatchEvent(
        new MouseEvent(down ? 'mousedown' : 'mousemove', {
          bubbles: true,
          cancelable: true,
          view: window,
          button: 0,
          buttons: 1,
          clientX: x,
          clientY: cy,
        }),
      );
    }
  }
  let worst = 0;
  for (let i = 1; i < times.length; i++) worst = Math.max(worst, times[i] - times[i - 1]);
  const fps = ((times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
  return {
    fps: Math.round(fps * 10) / 10,
    worstFrameMs: Math.round(worst * 10) / 10,
    frames: times.length - 1,
  };
}

// ---------------------------------------------------------------------------------------------

const pad = (s: string | number, n: number) => String(s).padStart(n);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (s: Stats) => `${pad(s.median.toFixed(1), 8)} ${pad(s.p90.toFixed(1), 8)}`;

async function main() {
  await readFile(join(DIST, 'index.html')).catch(() => {
    throw new Error(`No build in ${DIST}: run \`npm run bench:ui\` (it builds first).`);
  });
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const load1 = loadavg()[0];
    console.log(`Backprop Lens UI bench: ${RUNS} runs, ${CHROMIUM} ${browser.version()}`);
    const load = await firstLoad(browser, base);
    // A shared link: another program, so the page's prerendered graph cannot be used.
    const shared = await firstLoad(browser, base, SHARED_QUERY);
    const size = await bytes(shared.files, load.readyFiles, load.settledFiles);
    const firstDraw = stats(load.times);
    const fcp = stats(load.fcp);
    const ready = stats(load.ready);
    const sharedDraw = stats(shared.times);
    const sharedReady = stats(shared.ready);
    const keys = stats(await keystrokes(browser, base));
    const sizes = [];
    for (const target of SIZES) {
      process.stdout.write(`  ${target} nodes…\r`);
      sizes.push(await sized(browser, base, target));
    }
    // Seed 002's network (4×3 inputs, 3×4 and 4×3 weights) and seed 000's, column convention.
    const tensors = [
      await tensorProgram(browser, base, 'softmaxNet', 'X row 1 column 1'),
      await tensorProgram(browser, base, 'vectorized', 'W1 row 1 column 1'),
    ];

    console.log('\nBytes (gzip, level 9)');
    console.log(
      `  index.html (style sheet and first screen inline)  ${kb(size.htmlGzip)}  (raw ${kb(size.htmlRaw)})`,
    );
    console.log(`  JS before a shared link's first graph   ${kb(size.firstGraphJsGzip)}`);
    for (const f of size.firstGraphFiles)
      console.log(`    ${f.file.padEnd(42)} ${pad(kb(f.gzip), 10)}  (raw ${kb(f.raw)})`);
    console.log(`  JS of a first visit, until interactive  ${kb(size.interactiveJsGzip)}`);
    for (const f of size.interactiveFiles)
      console.log(`    ${f.file.padEnd(42)} ${pad(kb(f.gzip), 10)}  (raw ${kb(f.raw)})`);
    console.log(
      `  JS of a first visit, all (no input)     ${kb(size.settledJsGzip)}` +
        `  (of which KaTeX ${kb(size.settledKatexJsGzip)}, fetched after the first graph)`,
    );
    console.log(`  CSS files before interactive            ${kb(size.firstLoadCssGzip)}`);
    console.log(`  all JS in dist/assets                   ${kb(size.allJsGzip)}`);
    console.log(`  all CSS in dist/assets                  ${kb(size.allCssGzip)}`);
    console.log(`\nTimes (ms)                                      median      p90`);
    console.log(`  navigation → first graph on screen          ${ms(firstDraw)}`);
    console.log(`  navigation → first contentful paint         ${ms(fcp)}`);
    console.log(`  navigation → interactive (React mounted)    ${ms(ready)}`);
    console.log(`  shared link → first graph on screen         ${ms(sharedDraw)}`);
    console.log(`  shared link → interactive                   ${ms(sharedReady)}`);
    console.log(
      `  keystroke → redrawn graph           ${ms(keys)}  (debounce ${TYPING_DEBOUNCE_MS})`,
    );
    console.log(
      '\n  nodes  edges  steps   layout median/p90    load→drawn       step→frame        End→frame',
    );
    for (const s of sizes) {
      console.log(
        `  ${pad(s.nodes, 5)} ${pad(s.edges, 6)} ${pad(s.steps, 6)}  ` +
          `${pad(s.layoutMs.median.toFixed(1), 7)} ${pad(s.layoutMs.p90.toFixed(1), 7)} ` +
          `${ms(s.drawnMs)} ${ms(s.stepToFrameMs)} ${ms(s.endToFrameMs)}`,
      );
    }

    for (const s of sizes) console.log(`  layout of ${s.nodes} nodes: ${s.engine}`);
    for (const s of sizes)
      console.log(
        `  pan/zoom at ${s.nodes} nodes: ${s.panZoom.fps} fps, longest frame ${s.panZoom.worstFrameMs} ms`,
      );

    console.log('\n  matrix program    steps   step→frame median/p90   cell edit→frame median/p90');
    for (const m of tensors) {
      console.log(
        `  ${m.id.padEnd(16)} ${pad(m.steps, 6)}   ${ms(m.stepToFrameMs)}        ${ms(m.cellEditToFrameMs)}`,
      );
    }

    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? '',
        loadavgAtStart: Math.round(load1 * 100) / 100,
        loadavgAtEnd: Math.round(loadavg()[0] * 100) / 100,
        node: process.version,
        chromium: browser.version(),
      },
      settings: {
        runs: RUNS,
        stepsPerSize: STEPS,
        playbackSpeed: SPEED,
        reducedMotion: REDUCED_MOTION,
        typingDebounceMs: TYPING_DEBOUNCE_MS,
        viewport: '1280x800',
        gzipLevel: 9,
      },
      bytes: size,
      firstDrawMs: firstDraw,
      firstContentfulPaintMs: fcp,
      interactiveMs: ready,
      sharedLink: { query: SHARED_QUERY, firstDrawMs: sharedDraw, interactiveMs: sharedReady },
      keystrokeToRedrawMs: keys,
      sizes,
      tensors,
    };
    await mkdir(resolve(OUT, '..'), { recursive: true });
    await writeFile(OUT, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWrote ${OUT}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
