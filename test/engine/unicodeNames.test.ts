import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyze, ExpressionError } from '../../src/engine';
import { derivationLatex } from '../../src/engine/derivation';
import { isName, tokenize, Tok } from '../../src/engine/lexer';
import { parse } from '../../src/engine/parser';
import { identifierSymbol } from '../../src/engine/symbols';
import { loadTable, translate } from '../../src/i18n';

/** KaTeX as the formula panel calls it, except that a parse error throws instead of showing. */
const typeset = (tex: string) =>
  katex.renderToString(tex, {
    throwOnError: true,
    trust: false,
    strict: 'ignore',
    output: 'html',
    maxSize: 50,
    maxExpand: 200,
  });

const failure = (source: string): ExpressionError => {
  try {
    analyze(source);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`${source} was accepted`);
};

describe('names with letters beyond ASCII', () => {
  it('tốc_độ = 2; f = tốc_độ * tốc_độ gives 4 and ∂f/∂tốc_độ = 4', () => {
    const a = analyze('tốc_độ = 2; f = tốc_độ * tốc_độ');
    expect(a.output).toBe(4);
    expect(a.gradients).toEqual({ tốc_độ: 4 });
  });

  it('the Vietnamese syntax help’s own template, tên = -2, is a program', () => {
    expect(analyze('tên = -2; f = tên * tên').gradients).toEqual({ tên: -4 });
  });

  it('reads one name token whatever the script, and a name may go on in another script', () => {
    for (const name of [
      'tốc',
      'đạo_hàm',
      'ŷ',
      'α1',
      'θ_2',
      'ℓ',
      'x_độ',
      'Ω',
      'ж',
      '変数',
      '_tên2',
    ]) {
      const t = tokenize(`${name} + 1`);
      expect([t.kind[0], t.start[0], t.end[0]], name).toEqual([Tok.Ident, 0, name.length]);
      expect(isName(name), name).toBe(true);
    }
    for (const text of ['', '2x', 'a-b', 'x·y', 'a b', '😀', 'x²', '٣x']) {
      expect(isName(text), text).toBe(false);
    }
  });

  it('treats the precomposed and the decomposed spelling as one name (NFC)', () => {
    const nfc = 'tốc';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const a = analyze(`${nfd} = 3; f = ${nfc} * ${nfd}`);
    expect(a.inputs.map((i) => i.name)).toEqual([nfc]);
    expect(a.gradients).toEqual({ [nfc]: 6 });
  });

  it('keeps lookalike operators out of names: x·y and x×y still say to type *', () => {
    expect(failure('x·y').code).toBe('error.unicodeOperator');
    expect(failure('x×y').code).toBe('error.unicodeOperator');
    expect(failure('x − y').code).toBe('error.unicodeOperator');
  });

  it('σ is a name of its own, and σ(z) suggests sigmoid', () => {
    expect(analyze('σ = 2; f = σ * 3').gradients).toEqual({ σ: 3 });
    const e = failure('σ(1)');
    expect(e.code).toBe('error.unknownFunctionSuggest');
    expect(e.message).toContain('did you mean `sigmoid`');
  });

  it('a number run into such a name is the number-then-name error, spanning both', () => {
    const e = failure('2tốc + 1');
    expect({ code: e.code, start: e.start, end: e.end }).toEqual({
      code: 'error.numberThenName',
      start: 0,
      end: 4,
    });
    expect(e.message).toContain('2*tốc');
  });

  it('writes a word whole in \\text{}, a Greek letter as maths, and KaTeX sets both', () => {
    expect(identifierSymbol('tốc_độ')).toMatchObject({ tex: '\\text{tốc\\_độ}', text: 'tốc_độ' });
    expect(identifierSymbol('θ1')).toMatchObject({ tex: 'θ_{1}', text: 'θ₁', sub: '1' });
    expect(identifierSymbol('α')).toMatchObject({ tex: 'α', text: 'α' });
    for (const name of ['tốc_độ', 'θ1', 'α', 'ŷ', 'ℓ', 'ж_2', '変数', 'to\u0302\u0301c']) {
      expect(() => typeset(identifierSymbol(name).tex), name).not.toThrow();
    }
    const a = analyze('tốc_độ = 2; f = tốc_độ * tốc_độ');
    for (const s of a.steps) expect(() => typeset(s.tex), s.tex).not.toThrow();
    expect(derivationLatex(a)).toContain('\\frac{\\partial f}{\\partial \\text{tốc\\_độ}}');
  });

  it('any name the lexer accepts typesets in KaTeX, in every formula of its run', () => {
    const letter = fc.constantFrom(...'aZđĐốộưƯạảãàáâăêơαβθΩжЖ変数ا_'.split(''), 'ℓ');
    const part = fc.oneof(letter, fc.constantFrom('0', '9', '_', '\u0301', '\u0323', '٣'));
    const name = fc
      .tuple(letter, fc.array(part, { maxLength: 6 }))
      .map(([first, rest]) => first + rest.join(''))
      .filter((n) => isName(n));
    fc.assert(
      fc.property(name, (n) => {
        let a;
        try {
          a = analyze(`${n} = 1.5; f = ${n} * ${n} + sin(${n})`);
        } catch (e) {
          // A name that is a function (none of these are) or otherwise rejected: located.
          expect(e).toBeInstanceOf(ExpressionError);
          return;
        }
        expect(Object.keys(a.gradients)).toEqual([n.normalize('NFC')]);
        for (const s of a.steps) typeset(s.tex);
      }),
      { numRuns: 200 },
    );
  });

  it('every letter and mark of the BMP that makes a name typesets, alone and after a letter', () => {
    const rejected: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const name of [ch, `a${ch}`, `a_${ch}`]) {
        if (!isName(name)) continue;
        try {
          typeset(identifierSymbol(name.normalize('NFC')).tex);
        } catch {
          rejected.push(`U+${c.toString(16)} in ${JSON.stringify(name)}`);
        }
      }
    }
    expect(rejected).toEqual([]);
  });

  it('the parser throws nothing but a located ExpressionError on text rich in other scripts', () => {
    const unit = fc.constantFrom(
      ...'tốc_độ đạo hàm αθ ж 変 ŷ x1 = ; \n ( ) , 0,5 + - * / ^ # . σ · × ²'.split(''),
      '\u0301',
      '\u0323',
      '\ud835\udc65',
      '\ud800',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (source) => {
        try {
          parse(source);
        } catch (e) {
          expect(e).toBeInstanceOf(ExpressionError);
          const { start, end } = e as ExpressionError;
          expect(0 <= start && start <= end && end <= source.length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the decimal comma', () => {
  it('x = 0,5 says decimals use a point, pointing at the comma, in both languages', async () => {
    const e = failure('x = 0,5');
    expect({ code: e.code, start: e.start, end: e.end }).toEqual({
      code: 'error.decimalComma',
      start: 5,
      end: 6,
    });
    expect(e.message).toBe(
      'Decimals are written with a point, not a comma: write `0.5`, not `0,5`.',
    );
    await loadTable('vi');
    expect(translate('vi', e.code, e.params)).toBe(
      'Số thập phân viết bằng dấu chấm, không dùng dấu phẩy: hãy viết `0.5` thay cho `0,5`.',
    );
  });

  it('anywhere outside a call: in a product, in parentheses, after a minus', () => {
    for (const [source, at] of [
      ['y = 2 * 1,25', 9],
      ['(0,5)', 2],
      ['x = -3,75', 6],
      ['f = x + 10,5\n', 10],
    ] as const) {
      const e = failure(source);
      expect({ code: e.code, start: e.start }, source).toEqual({
        code: 'error.decimalComma',
        start: at,
      });
    }
  });

  it('a call keeps its comma: max(0,5) is max of 0 and 5, pow(2,3) is 8', () => {
    expect(analyze('f = max(0,5)').output).toBe(5);
    expect(analyze('f = pow(2,3)').output).toBe(8);
    expect(analyze('x = 1; f = min(x,2)').output).toBe(1);
    // One argument too many is still the arity error it always was.
    expect(failure('exp(0,5)').code).toBe('error.arity1');
  });

  it('a comma not straight between digits keeps the old message', () => {
    for (const source of ['x = 0, 5', 'x = 0 ,5', 'a,b', 'x = 1e3,5', 'x = 1.5,2', 'x = 2,.5']) {
      expect(failure(source).code, source).toBe('error.commaOutsideCall');
    }
  });
});
