import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis, type LensStep } from '../../src/engine';
import { loadTable, translate, type Translate } from '../../src/i18n';
import { stepTrouble } from '../../src/view/Formula/trouble';

const en: Translate = (key, params) => translate('en', key, params);
const vi: Translate = (key, params) => translate('vi', key, params);
beforeAll(() => loadTable('vi'));

/** Every step's sentence, by the step's own plain text. */
const said = (a: Analysis, t: Translate = en) =>
  a.steps.map((s: LensStep) => [s.text, stepTrouble(a, s, t)] as const).filter(([, w]) => w);

describe('stepTrouble: domain problems in words, at the step where they happen', () => {
  it('says log of −1 at its evaluation and at the slope, and nothing on ordinary steps', () => {
    const lines = said(analyze('x = -1; f = log(x)'));
    expect(lines).toHaveLength(2);
    expect(lines[0][1]).toBe(
      'log is undefined for −1: the value is NaN, and so is every gradient through it.',
    );
    expect(lines[1][0]).toBe('∂f/∂x = 1/x'); // no `1/(-1) = NaN`
    expect(lines[1][1]).toContain('has no value there');
    expect(said(analyze('x = 2; f = log(x)'))).toEqual([]);
  });

  it('says division by zero in words, and an infinite slope as not finite', () => {
    const lines = said(analyze('x = 1; y = 0; f = x / y'));
    expect(lines[0][1]).toContain('Division by zero');
    expect(lines.some(([, w]) => w!.includes('is not finite there'))).toBe(true);
    const root = said(analyze('x = 0; f = sqrt(x)'));
    expect(root).toHaveLength(1);
    expect(root[0][1]).toContain('sqrt has an infinite slope at 0');
  });

  it('says why a value or a gradient downstream is already broken', () => {
    const lines = said(analyze('x = -1; q = log(x); f = q * 2 + x'));
    expect(lines.some(([, w]) => w!.startsWith('a₁ is NaN because an operand already is'))).toBe(
      true,
    );
    // ∂f/∂m = q is NaN; it reaches y through m's finite slope 3.
    const after = said(analyze('x = -1; y = 2; q = log(x); m = y * 3; f = m * q'));
    const intoY = after.find(([text]) => text.startsWith('∂f/∂y'));
    expect(intoY?.[1]).toBe(
      'The gradient arriving, ∂f/∂m, is already NaN: every gradient through it is NaN too.',
    );
  });

  it('speaks Vietnamese too', () => {
    expect(said(analyze('x = -4; f = sqrt(x)'), vi)[0][1]).toBe(
      'sqrt không xác định tại −4: giá trị là NaN, và mọi gradient đi qua nó cũng vậy.',
    );
  });
});
