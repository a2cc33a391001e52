import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA contrast of the theme colours, read from styles.css itself so that changing a colour
 * there can fail this test. Text needs 4.5:1 (AA, normal size); focus rings, field borders, graph
 * lines and node outlines need 3:1 (non-text contrast, 1.4.11).
 */
const css = readFileSync(new URL('../src/view/styles.css', import.meta.url), 'utf8');

/** Every custom property set in blocks whose selector is exactly `selector`, later ones winning. */
function themeVars(selector: string): Record<string, string> {
  const vars: Record<string, string> = {};
  const block = /([^{}]+)\{([^{}]*)\}/g;
  for (const [, sel, body] of css.matchAll(block)) {
    if (sel.replace(/\/\*[\s\S]*?\*\//g, '').trim() !== selector) continue;
    for (const [, name, value] of body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) {
      vars[name] = value.trim();
    }
  }
  return vars;
}

const light = themeVars(':root');
const dark = { ...light, ...themeVars(":root[data-theme='dark']") };

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, where it is seen]. */
const TEXT: [string, string, string][] = [
  ['text', 'bg', 'body text on the page'],
  ['text', 'panel', 'body text on a panel'],
  ['text', 'panel-2', 'typed text in fields and buttons'],
  ['muted', 'bg', 'muted text on the page'],
  ['muted', 'panel', 'labels, hints, legend, panel titles'],
  ['muted', 'panel-2', 'muted text in a field'],
  ['value', 'panel', 'forward values: counter, scrubber, phase chip'],
  ['value', 'panel-2', 'values in the number fields'],
  ['value', 'halo', 'values written on the graph (on their halo)'],
  ['grad', 'panel', 'gradients: counter, scrubber, inspector'],
  ['grad', 'grad-bg', 'the number in a ∂ badge'],
  ['accent-text', 'accent', 'primary buttons'],
  ['error', 'error-bg', 'the error location'],
  ['text', 'error-bg', 'the error message'],
  ['const-text', 'const-fill', 'constants in the graph'],
  ['text', 'input-fill', 'input names in the graph'],
  ['text', 'node-fill', 'operation glyphs in the graph'],
  ['note-glyph', 'note-domain', 'the ! on a domain warning dot'],
  ['note-glyph', 'note-kink', 'the ! on a kink warning dot'],
  ['note-kink', 'panel', 'kink notes in the inspector'],
];

const UI: [string, string, string][] = [
  ['focus', 'bg', 'focus ring on the page'],
  ['focus', 'panel', 'focus ring on a panel'],
  ['focus', 'panel-2', 'focus ring next to a field'],
  ['control-border', 'panel', 'field and button borders'],
  ['control-border', 'panel-2', 'field borders against their own fill'],
  ['edge', 'panel', 'graph edges'],
  ['node-stroke', 'node-fill', 'operation node outlines'],
  ['input-stroke', 'panel', 'input node outlines'],
  ['active-forward', 'panel', 'the edge being played forward'],
  ['active-backward', 'panel', 'the edge being played backward'],
  ['grad', 'grad-bg', 'the ∂ mark'],
];

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('%s theme', (_name, vars) => {
  const colour = (name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`--${name} is not set`);
    return v;
  };
  it.each(TEXT)('text --%s on --%s (%s) is at least 4.5:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(UI)('--%s against --%s (%s) is at least 3:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('the contrast formula', () => {
  it('gives the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#fff', '#fff')).toBe(1);
  });
});
