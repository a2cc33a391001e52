import { expect, test, type Page } from '@playwright/test';
import {
  consoleErrors,
  counter,
  editor,
  expectNoSeriousViolations,
  nodeNamed,
  openApp,
  picture,
  screenshot,
} from './helpers';
import {
  analyze,
  analysisInOrder,
  formatNumber,
  groupChain,
  groupSteps,
  hiddenSteps,
  layerGroups,
  nextStop,
  statementGroups,
} from '../src/engine';
import { collapsedEdgeOrder } from '../src/engine/collapsedOrder';
import { stopsBefore } from '../src/state/groups';
import { mapStep } from '../src/state/collapsedPlay';
import { networkProgram, programOfSize } from '../src/layout/samplePrograms';
import { TWO_NEURONS } from '../test/fixtures/networks';

const NET = TWO_NEURONS;
const NET_QUERY = `?expr=${encodeURIComponent(NET)}`;
const a = analyze(NET);
const [H1] = statementGroups(a.compiled);
/** The trace as the app plays it with h1 collapsed: h1's backward steps in one run (issue 17). */
const aH1 = analysisInOrder(a, collapsedEdgeOrder(a.compiled, [H1]));
const H1_STEPS = groupSteps(a.compiled, H1, aH1.trace);
/** The counter with h1 collapsed: "Step k of n", h1's forward run and backward run one step each. */
const H1_HIDDEN = hiddenSteps(a.compiled, aH1.trace, [H1]);
const shownStep = (k: number) =>
  `Step ${stopsBefore(H1_HIDDEN, k)} of ${stopsBefore(H1_HIDDEN, a.steps.length)}`;

/** A small network whose hidden layer (h1_1, h1_2, h1_3) collapses into one box, h1_*. */
const layerNet = analyze(networkProgram([2, 3, 1]));
const LAYER = layerGroups(layerNet.compiled)[0];
const layerPlayed = analysisInOrder(layerNet, collapsedEdgeOrder(layerNet.compiled, [LAYER]));
const LAYER_STEPS = groupSteps(layerNet.compiled, LAYER, layerPlayed.trace);
const LAYER_HIDDEN = hiddenSteps(layerNet.compiled, layerPlayed.trace, [LAYER]);
const LAYER_QUERY = `?expr=${encodeURIComponent(networkProgram([2, 3, 1]))}`;

/** Issue 17's 4-5-5-2 network of tanh neurons: its layer h2_* sends shares out of its box. */
const DEEP_NET = networkProgram([4, 5, 5, 2]).replaceAll('sigmoid', 'tanh');
const DEEP_QUERY = `?expr=${encodeURIComponent(DEEP_NET)}`;
const deep = analyze(DEEP_NET);
const H2 = layerGroups(deep.compiled).find((g) => g.name === 'h2_*')!;
const deepH2 = analysisInOrder(deep, collapsedEdgeOrder(deep.compiled, [H2]));

const nodes = (page: Page) => page.locator('svg.graph g.node');
const control = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const query = (page: Page) => new URL(page.url()).searchParams;

test.describe('large graphs', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a typed program opens expanded; each group collapses into one box and back', async ({
    page,
  }) => {
    await openApp(page, NET_QUERY);
    const all = a.graph.nodes.length;
    await expect(nodes(page)).toHaveCount(all);
    await expect(control(page, 'Collapse h1')).toBeVisible();
    await expect(page.locator('svg.graph g.node-group')).toHaveCount(0);

    await control(page, 'Collapse h1').click();
    // h1's × and + are inside its box now; the box keeps h1's name and value.
    await expect(nodes(page)).toHaveCount(all - 2);
    await expect(nodeNamed(page, 'h1')).toHaveClass(/node-group/);
    await expect(control(page, 'Expand h1')).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(() => query(page).get('collapse')).toBe('h1');
    await expectNoSeriousViolations(page);
    await screenshot(page, 'large-collapsed-h1');

    await control(page, 'Expand h1').click();
    await expect(nodes(page)).toHaveCount(all);
    await expect(control(page, 'Collapse h1')).toBeVisible();
    await expect.poll(() => query(page).get('collapse')).toBeNull();

    // From the keyboard: Tab from a group's node reaches its own control (the only one that is a
    // Tab stop), and Enter collapses the group.
    await nodeNamed(page, 'h2').focus();
    await page.keyboard.press('Tab');
    await expect(control(page, 'Collapse h2')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodeNamed(page, 'h2')).toHaveClass(/node-group/);
    await expect(page.locator('svg.graph g.group-toggle[tabindex="0"]')).toHaveCount(1);

    // Every group: the neurons h1 and h2 go into their layer's box (h*), the loss into its own.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(page.locator('svg.graph g.node-group')).toHaveCount(2);
    for (const name of ['h*', 'L']) await expect(control(page, `Expand ${name}`)).toBeVisible();
    await expect(control(page, 'Expand h1')).toHaveCount(0);
    await expect.poll(() => query(page).get('collapse')).toBe('*');
    await expect(page.getByRole('button', { name: 'Collapse all' })).toBeDisabled();
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(page.locator('svg.graph g.node-group')).toHaveCount(0);
    await expect(nodes(page)).toHaveCount(all);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a link reopens its groups collapsed, after a reload too', async ({ page }) => {
    await openApp(page, `${NET_QUERY}&collapse=h2`);
    await expect(nodeNamed(page, 'h2')).toHaveClass(/node-group/);
    await expect(nodeNamed(page, 'h1')).not.toHaveClass(/node-group/);
    await expect(control(page, 'Expand h2')).toBeVisible();
    await page.reload();
    await expect(control(page, 'Expand h2')).toBeVisible();
    await expect(nodes(page)).toHaveCount(a.graph.nodes.length - 2);
    // Every group collapsed, in the dark theme: the boxes and their controls pass axe too.
    await openApp(page, `${NET_QUERY}&collapse=*&theme=dark&step=${a.steps.length}`);
    await expect(page.locator('svg.graph g.node-group')).toHaveCount(2);
    await expectNoSeriousViolations(page);
  });

  test('a collapsed group plays as one step with its chain-rule product; expanded, it shows where the trace is', async ({
    page,
  }) => {
    await openApp(page, `${NET_QUERY}&collapse=h1&step=${H1_STEPS.forwardFirst}`);
    await page.getByRole('button', { name: 'Next step' }).click();
    // The whole forward run of h1 was one step: w1·x, its sum with b1, and the tanh; the counter
    // counts it once, so it reads one more than before and the total is shorter.
    await expect(counter(page)).toContainText(shownStep(H1_STEPS.forwardLast + 1));
    expect(stopsBefore(H1_HIDDEN, H1_STEPS.forwardLast + 1)).toBe(
      stopsBefore(H1_HIDDEN, H1_STEPS.forwardFirst) + 1,
    );
    expect(stopsBefore(H1_HIDDEN, a.steps.length)).toBeLessThan(a.steps.length);
    await expect(page.locator('.group-step')).toContainText('h1, collapsed: its 3 nodes');

    const last = H1_STEPS.backward.at(-1)!;
    await openApp(page, `${NET_QUERY}&collapse=h1&step=${last}`);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(counter(page)).toContainText(shownStep(last + 1));
    const x = groupChain(a.compiled, H1, a.backward).find(
      (t) => a.graph.nodes[t.operand].name === 'x',
    )!;
    const f = (v: number) => formatNumber(v);
    const h = a.compiled.symbol(H1.root).text; // h₁, as formulas write it
    await expect(page.locator('.group-step')).toContainText(
      `∂L/∂${h} · ∂${h}/∂x = ${f(x.upstream)} · ${f(x.local)} = ${f(x.product)}`,
    );
    await expectNoSeriousViolations(page);

    // Stepping back skips the group's hidden backward steps in one go too.
    await page.getByRole('button', { name: 'Previous step' }).click();
    const before = await counter(page).textContent();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(counter(page)).toContainText(shownStep(last + 1));
    expect(before).toContain(`Step ${stopsBefore(H1_HIDDEN, last + 1) - 1} of`);

    // Expanded mid-trace: the step just played is inside the group, and it is marked there.
    await control(page, 'Expand h1').click();
    await expect(nodes(page)).toHaveCount(a.graph.nodes.length);
    const step = a.steps[mapStep(aH1, a, last + 1) - 1];
    const inside = step.kind === 'backward-edge' ? [step.from, step.to] : [];
    const current = page.locator('svg.graph g.node[aria-current="step"]');
    await expect(current).toHaveCount(2);
    const ids = await current.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-node'))),
    );
    expect(ids.sort()).toEqual(inside.sort());
    expect(ids.some((id) => H1.nodes.includes(id) && id !== H1.root)).toBe(true);
  });

  test('a layer of a network collapses into one box that steps as one, and an example opens collapsed', async ({
    page,
  }) => {
    await openApp(page, LAYER_QUERY);
    const all = layerNet.graph.nodes.length;
    await expect(nodes(page)).toHaveCount(all);
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Collapse h1_*' }).click();
    // h1_1, h1_2 and h1_3 with their 15 ops: one box, named after the layer, at h1_3.
    await expect(nodes(page)).toHaveCount(all - (LAYER.nodes.length - 1));
    await expect(page.locator('svg.graph g.node-group')).toHaveCount(1);
    await expect(nodeNamed(page, 'h1_3')).toHaveClass(/node-group/);
    await expect(control(page, 'Expand h1_*')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'Collapse h1_*' })).toHaveCount(0);
    await expect.poll(() => query(page).get('collapse')).toBe('h1_*');
    // Every use of the three neurons leaves from the box.
    const fromBox = page.locator('svg.graph g.edge[data-from="h1_3"]');
    await expect(fromBox).toHaveCount(LAYER.outputs.length);
    await expectNoSeriousViolations(page);
    await screenshot(page, 'large-layer-collapsed');

    // One forward step for the whole layer, counted once.
    await openApp(page, `${LAYER_QUERY}&collapse=h1_*&step=${LAYER_STEPS.forwardFirst}`);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(counter(page)).toContainText(
      `Step ${stopsBefore(LAYER_HIDDEN, LAYER_STEPS.forwardLast + 1)} of ${stopsBefore(LAYER_HIDDEN, layerNet.steps.length)}`,
    );
    await expect(page.locator('.group-step')).toContainText(
      `h1_*, collapsed: its ${LAYER.nodes.length} nodes`,
    );
    // Its backward step: the chain rule summed over the layer's neurons, for each input.
    const last = LAYER_STEPS.backward.at(-1)!;
    await openApp(page, `${LAYER_QUERY}&collapse=h1_*&step=${last}`);
    await page.getByRole('button', { name: 'Next step' }).click();
    const x1 = layerNet.graph.nodes.find((n) => n.name === 'x1')!.id;
    const term = groupChain(layerNet.compiled, LAYER, layerNet.backward).find(
      (t) => t.operand === x1,
    )!;
    await expect(page.locator('.group-step')).toContainText(
      `Σ ∂L/∂h1_* · ∂h1_*/∂${layerNet.compiled.symbol(x1).text} = ${formatNumber(term.product)}`,
    );
    // From the keyboard (at the end of the trace the box may sit under the step controls).
    await control(page, 'Expand h1_*').focus();
    await page.keyboard.press('Enter');
    await expect(nodes(page)).toHaveCount(all);

    // The 10-layer sigmoid chain opens from the menu as ten boxes, one per layer.
    await page.getByLabel('Examples').selectOption('sigmoidChain10');
    await expect(page.locator('svg.graph g.node-group')).toHaveCount(10);
    await expect(control(page, 'Expand h_1')).toBeVisible();
    await expect.poll(() => query(page).get('collapse')).toContain('h_10');
    await expectNoSeriousViolations(page);
    await screenshot(page, 'large-chain-collapsed');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a collapsed layer is one backward step: nothing outside its box changes before it; expanded, the trace is inside it', async ({
    page,
  }) => {
    const seed = deep.trace.forwardCount;
    await openApp(page, `${DEEP_QUERY}&step=${seed + 1}`);
    await page.getByRole('button', { name: 'Collapse h2_*' }).click();
    await expect(control(page, 'Expand h2_*')).toBeVisible();
    await expect.poll(() => query(page).get('step')).toBe(String(seed + 1));
    // What h2_* sends shares to: its weights w2_*, biases b2_* and the neurons h1_* before it.
    // Nothing else reads them, so their badges appear with the layer's step and not before.
    const outside = [...new Set(H2.inputs.map((e) => deep.compiled.edgeFrom[e]))].filter(
      (id) => deep.compiled.variable[id] === 1,
    );
    expect(outside.length).toBe(5 * 5 + 5 + 5);
    const badges = () =>
      page.evaluate(
        (ids) =>
          ids.map((id) => {
            const b = document.querySelector(`svg.graph g.node[data-node="${id}"] g.node-grad`);
            return !b || b.getAttribute('display') === 'none' ? '' : (b.textContent ?? '');
          }),
        outside,
      );
    const none = outside.map(() => '');
    const hidden = hiddenSteps(deep.compiled, deepH2.trace, [H2]);
    const steps = groupSteps(deep.compiled, H2, deepH2.trace).backward;
    const groupStop = steps.at(-1)! + 1;
    const total = stopsBefore(hidden, deep.steps.length);
    expect(await badges()).toEqual(none);
    let k = seed + 1;
    let stops = 0;
    while (k < groupStop) {
      await page.getByRole('button', { name: 'Next step' }).click();
      k = nextStop(hidden, k, 1);
      stops++;
      await expect(counter(page)).toContainText(`Step ${stopsBefore(hidden, k)} of ${total}`);
      if (k < groupStop) expect(await badges(), `stop ${k}`).toEqual(none);
    }
    expect(k).toBe(groupStop);
    expect(stops).toBeGreaterThan(3);
    expect((await badges()).filter((b) => b === '')).toEqual([]);
    await expect(page.locator('.group-step')).toContainText('h2_*');
    // Its 35 chain-rule lines scroll inside the bar: never over the graph, nor pushing its
    // footer out of the panel.
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const [note, area, footer, panel] = await Promise.all(
      ['.group-step', '.graph-area', '.graph-footer', '.graph-panel'].map(box),
    );
    expect(note.y + note.height).toBeLessThanOrEqual(area.y + 1);
    expect(footer.y + footer.height).toBeLessThanOrEqual(panel.y + panel.height + 1);
    // The scrolling note is reached from the keyboard (axe: scrollable-region-focusable).
    await expect(page.locator('.group-step')).toHaveAttribute('tabindex', '0');
    await expectNoSeriousViolations(page);

    // The link holds the step in the collapsed order: it reopens the same picture.
    await expect.poll(() => query(page).get('step')).toBe(String(groupStop));
    expect(query(page).get('collapse')).toBe('h2_*');
    const link = new URL(page.url()).search;
    const seen = await picture(page);
    await openApp(page, link);
    await expect(counter(page)).toContainText(`Step ${stopsBefore(hidden, groupStop)} of ${total}`);
    expect(await picture(page)).toEqual(seen);

    // Expanded: the step just played is the layer's last inner step, marked on its nodes.
    await control(page, 'Expand h2_*').focus();
    await page.keyboard.press('Enter');
    await expect(nodes(page)).toHaveCount(deep.graph.nodes.length);
    const j = mapStep(deepH2, deep, groupStop);
    await expect(counter(page)).toContainText(`Step ${j} of ${deep.steps.length}`);
    const step = deep.steps[j - 1];
    expect(step.kind).toBe('backward-edge');
    const current = page.locator('svg.graph g.node[aria-current="step"]');
    await expect(current).toHaveCount(2);
    const ids = await current.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-node'))),
    );
    expect(ids.sort()).toEqual(step.kind === 'backward-edge' ? [step.from, step.to].sort() : []);
    const inner = ids.filter((id) => H2.nodes.includes(id) && !H2.roots!.includes(id));
    expect(inner.length).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('Find a node centres and highlights it by name, and says when there is none', async ({
    page,
  }) => {
    // ~300 nodes laid out in the worker, then axe over all of them: took 32 s once under load.
    test.slow();
    const source = programOfSize('network', 300, (s) => analyze(s).graph.nodes.length);
    await openApp(page, `?expr=${encodeURIComponent(source)}`);
    const find = page.getByRole('searchbox', { name: 'Find a node' });
    await find.fill('zz_nope');
    await find.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'No node named “zz_nope”' }),
    ).toBeVisible();

    await find.fill('L');
    await find.press('Enter');
    const node = nodeNamed(page, 'L');
    await expect(node).toHaveAttribute('aria-pressed', 'true');
    const svg = await page.locator('svg.graph').boundingBox();
    await expect
      .poll(async () => {
        const b = (await node.locator('.node-body').boundingBox())!;
        return Math.round(
          Math.hypot(
            b.x + b.width / 2 - (svg!.x + svg!.width / 2),
            b.y + b.height / 2 - (svg!.y + svg!.height / 2),
          ),
        );
      })
      .toBeLessThan(8);
    await expectNoSeriousViolations(page);
  });

  test('finding a node inside a collapsed group opens the group to show it', async ({ page }) => {
    const inside = a.compiled.symbol(H1.nodes[0]).name; // w1*x, a generated a1
    await openApp(page, `${NET_QUERY}&collapse=h1`);
    await expect(nodeNamed(page, inside)).toHaveCount(0);
    const find = page.getByRole('searchbox', { name: 'Find a node' });
    await find.fill(inside);
    await find.press('Enter');
    await expect(nodeNamed(page, inside)).toHaveAttribute('aria-pressed', 'true');
    await expect(control(page, 'Collapse h1')).toBeVisible();
    await expect.poll(() => query(page).get('collapse')).toBeNull();
  });

  test('zoomed out, labels and badges give way to shapes and colour; zoomed in they return', async ({
    page,
  }) => {
    await openApp(page, `${NET_QUERY}&step=${a.steps.length}`);
    const name = page.locator('svg.graph g.node[data-name="h1"] text.node-above');
    const badge = page.locator('svg.graph g.node[data-name="x"] g.node-grad');
    await expect(name).toBeVisible();
    await expect(badge).toBeVisible();
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    for (let i = 0; i < 10; i++) await zoomOut.click();
    await expect(page.locator('svg.graph')).toHaveClass(/labels-hidden/);
    await expect(name).toBeHidden();
    await expect(badge).toBeHidden();
    // What is left is colour: an input whose gradient has arrived is filled with the gradient's.
    const fill = await page
      .locator('svg.graph g.node[data-name="x"] .node-body')
      .evaluate((el) => getComputedStyle(el).fill);
    const plain = await page
      .locator('svg.graph g.node-const .node-body')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    expect(fill).not.toBe(plain);
    await screenshot(page, 'large-zoomed-out');
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 10; i++) await zoomIn.click();
    await expect(page.locator('svg.graph')).not.toHaveClass(/labels-hidden/);
    await expect(name).toBeVisible();
    await expect(badge).toBeVisible();
  });

  test('a large graph draws text only near the view; finding a far node brings its labels', async ({
    page,
  }) => {
    test.slow();
    const source = programOfSize('network', 500, (s) => analyze(s).graph.nodes.length);
    await openApp(page, `?expr=${encodeURIComponent(source)}`);
    await expect(nodes(page).first()).toBeVisible();
    /** Nodes on screen whose text is not drawn (must be none), and how many are culled at all. */
    const culling = () =>
      page.evaluate(() => {
        const box = document.querySelector('svg.graph')!.getBoundingClientRect();
        let culled = 0;
        const wrong: string[] = [];
        for (const g of document.querySelectorAll<SVGGElement>(
          'svg.graph g.node, svg.graph g.edge-label',
        )) {
          if (!g.classList.contains('culled')) continue;
          culled++;
          const r = (g.querySelector('.node-body') ?? g).getBoundingClientRect();
          const seen =
            r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
          if (seen && g.classList.contains('node')) wrong.push(g.dataset.name ?? '?');
        }
        return { culled, wrong };
      });
    const first = await culling();
    expect(first.culled).toBeGreaterThan(0);
    expect(first.wrong).toEqual([]);
    // The output is at the far end from the inputs the first view shows: its text is not drawn.
    const output = nodeNamed(page, 'L');
    await expect(output).toHaveClass(/culled/);
    await expect(output.locator('text.node-above')).toBeHidden();
    const find = page.getByRole('searchbox', { name: 'Find a node' });
    await find.fill('L');
    await find.press('Enter');
    await expect(output).not.toHaveClass(/culled/);
    await expect(output.locator('text.node-above')).toBeVisible();
    expect((await culling()).wrong).toEqual([]);
    // Zoomed out to the whole graph, every label that shows is drawn.
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await expect.poll(async () => (await culling()).wrong).toEqual([]);

    // The wheel zooms a large graph by moving its drawn picture (a CSS transform on the <svg>),
    // then draws it at the new zoom once the wheel is still: the graph point under the pointer
    // stays under it, and afterwards the labels near the view are drawn again.
    const svg = page.locator('svg.graph');
    const box = (await svg.boundingBox())!;
    const [mx, my] = [box.x + box.width * 0.4, box.y + box.height * 0.5];
    const viewport = () =>
      page.evaluate(() => {
        const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(
          document.querySelector('svg.graph .viewport')!.getAttribute('transform') ?? '',
        )!;
        return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
      });
    const t0 = await viewport();
    await page.mouse.move(mx, my);
    await page.mouse.wheel(0, -300);
    await expect(svg).toHaveAttribute('style', /transform: translate/);
    await expect(svg).not.toHaveAttribute('style', /transform: translate/);
    const t1 = await viewport();
    expect(t1.k).toBeGreaterThan(t0.k * 1.2);
    const [lx, ly] = [mx - box.x, my - box.y];
    const [gx, gy] = [(lx - t0.x) / t0.k, (ly - t0.y) / t0.k];
    expect(Math.abs(t1.x + gx * t1.k - lx)).toBeLessThan(2);
    expect(Math.abs(t1.y + gy * t1.k - ly)).toBeLessThan(2);
    await expect.poll(async () => (await culling()).wrong).toEqual([]);
  });

  test('an edit that adds nodes to one statement leaves the rest of the graph where it was', async ({
    page,
  }) => {
    const source = networkProgram([3, 4, 2]);
    await openApp(page, `?expr=${encodeURIComponent(source)}`);
    const places = () =>
      page.evaluate(() =>
        Object.fromEntries(
          [
            ...document.querySelectorAll('svg.graph g.node:not(.generated-name):not(.node-const)'),
          ].map((g) => [g.getAttribute('data-name'), g.getAttribute('transform')]),
        ),
      );
    const count = await nodes(page).count();
    const before = await places();
    // Where an untouched input is on screen: the camera keeps its view too, so nothing jumps.
    const onScreen = () => nodeNamed(page, 'x1').boundingBox();
    const seen = (await onScreen())!;
    const line = source.split('\n').find((l) => l.startsWith('h1_2'))!;
    await editor(page).fill(source.replace(line, line.replace('+ b1_2)', '+ b1_2 + c)')));
    await expect(nodes(page)).toHaveCount(count + 2);
    await expect(nodeNamed(page, 'c')).toBeVisible();
    const after = await places();
    // Every input, and the neurons beside the edited one, stay put (laid out afresh, most of
    // them moved); what the edit feeds (o1, o2, L) may only move a column right.
    const kept = Object.keys(before).filter((n) => !/^(h1_2|o\d|L)$/.test(n));
    expect(kept.length).toBeGreaterThanOrEqual(30);
    expect(kept.filter((n) => after[n] !== before[n])).toEqual([]);
    const y = (t: string | null) => Number(/,\s*([-\d.]+)\)/.exec(t ?? '')?.[1]);
    for (const n of ['o1', 'o2', 'L']) expect(y(after[n])).toBe(y(before[n]));
    const now = (await onScreen())!;
    expect(Math.abs(now.x - seen.x) + Math.abs(now.y - seen.y)).toBeLessThan(1);
  });

  test('a 2,000-node program lays out off the main thread: a click is answered meanwhile', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const source = programOfSize('network', 2000, (s) => analyze(s).graph.nodes.length);
    await openApp(page, NET_QUERY);
    // Record when the layout's notice goes away, and when the click below is handled.
    await page.evaluate(() => {
      const w = window as unknown as { busyEnd?: number; clicked?: number };
      new MutationObserver(() => {
        if (!document.querySelector('.graph-busy') && w.busyEnd === undefined && w.clicked)
          w.busyEnd = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
      document.querySelector('.sidebar-toggle')!.addEventListener('click', () => {
        w.clicked ??= performance.now();
      });
    });
    await editor(page).fill(source);
    await expect(page.locator('.graph-busy')).toBeVisible();
    const toggle = page.locator('.sidebar-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.graph-busy')).toBeHidden({ timeout: 60_000 });
    const { clicked, busyEnd } = await page.evaluate(() => {
      const w = window as unknown as { busyEnd?: number; clicked?: number };
      return { clicked: w.clicked, busyEnd: w.busyEnd };
    });
    expect(clicked).toBeDefined();
    expect(busyEnd).toBeDefined();
    expect(clicked!).toBeLessThan(busyEnd!);
    await expect(nodes(page).first()).toBeVisible();
    expect(await nodes(page).count()).toBeGreaterThan(1500);
    // Collapse all: one box per layer of neurons (and the loss), and the graph still answers.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(page.locator('svg.graph g.node-group').first()).toBeVisible({ timeout: 60_000 });
    expect(await nodes(page).count()).toBeLessThan(1000);
    await screenshot(page, 'large-2000-collapsed');
  });
});
