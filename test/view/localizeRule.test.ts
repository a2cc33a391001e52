import { describe, expect, it } from 'vitest';
import { registerTable, translate, type UiKey } from '../../src/i18n';
import '../../src/i18n/enLater';
import { vi } from '../../src/i18n/vi';
import { analyzeTensor } from '../../src/engine/tensor';
import { stepLines } from '../../src/engine/tensor/stepNumbers';
import { localizeRule } from '../../src/view/tensor/localizeRule';

registerTable('vi', vi);
const tr = (lang: 'en' | 'vi') => (key: UiKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

describe("the tensor engine's words in the reader's language", () => {
  // A column bias (seed 000's convention) is summed over the columns; its shapes line says so.
  const a = analyzeTensor(
    'X = randn(2, 4)\nW = randn(3, 2)\nb = zeros(3, 1)\nZ = W @ X + b\nL = sum(Z)',
  );
  const step = a.steps.find((s) => s.kind === 'backward-edge' && a.nodes[s.from].name === 'b')!;
  const all = stepLines(a, step)
    .map((l) => `${l.tex}\n${l.text}`)
    .join('\n');

  it('leaves English as the engine wrote it', () => {
    expect(all).toMatch(/\\text\{columns\}|sum of/);
    expect(localizeRule(all, tr('en'))).toBe(all);
  });

  it('writes no English word in Vietnamese', () => {
    const said = localizeRule(all, tr('vi'));
    expect(said).not.toMatch(/\\text\{(all|rows|row|columns)\}|\bsum of\b|\bspread back\b/);
    expect(said).toMatch(/các cột|tổng của/);
  });
});
