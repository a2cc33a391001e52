import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyze, derivationLatex } from '../../src/engine';
import { alignAtRelation, escapeLatexText } from '../../src/engine/derivation';

const CS231N = () => analyze('(x+y)*z', { x: -2, y: 5, z: -4 });
const COLAH = () => analyze('a = 2; b = 1; e = (a+b)*(b+1)');

/** The lines of one section's `align*`, without the alignment mark and the line break. */
function section(tex: string, title: string): string[] {
  const start = tex.indexOf(`\\textbf{${title}}`);
  if (start < 0) return [];
  const begin = tex.indexOf('\\begin{align*}', start);
  const end = tex.indexOf('\\end{align*}', begin);
  return tex
    .slice(begin + '\\begin{align*}'.length, end)
    .split('\\\\\n')
    .map((l) => l.replace('&', '').trim())
    .filter((l) => l !== '');
}

/** Every `align*` body, for KaTeX to typeset as a check that it is well-formed LaTeX. */
const alignBodies = (tex: string) =>
  [...tex.matchAll(/\\begin\{align\*\}[\s\S]*?\\end\{align\*\}/g)].map((m) => m[0]);

function braceBalance(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') {
      i++; // `\{` and `\}` are characters, not groups
      continue;
    }
    if (tex[i] === '{') depth++;
    if (tex[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('derivationLatex', () => {
  it('writes the cs231n circuit: forward numbers, chain-rule lines and the summary', () => {
    const tex = derivationLatex(CS231N());
    expect(section(tex, 'Program')).toEqual([
      'x = -2',
      'y = 5',
      'z = -4',
      'f = \\left(x + y\\right) \\cdot z',
    ]);
    expect(section(tex, 'Forward pass')).toEqual([
      'a_{1} = x + y = (-2) + 5 = 3',
      'f = a_{1} \\cdot z = 3 \\cdot (-4) = -12',
    ]);
    const backward = section(tex, 'Backward pass');
    expect(backward[0]).toBe('\\frac{\\partial f}{\\partial f} = 1');
    expect(backward).toContain(
      '\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial a_{1}} \\cdot ' +
        '\\frac{\\partial a_{1}}{\\partial x} = (-4) \\cdot 1 = -4',
    );
    expect(backward).toContain('\\frac{\\partial f}{\\partial z} = a_{1} = 3');
    expect(section(tex, 'Gradients')).toEqual([
      '\\frac{\\partial f}{\\partial x} = -4',
      '\\frac{\\partial f}{\\partial y} = -4',
      '\\frac{\\partial f}{\\partial z} = 3',
    ]);
  });

  it('aligns each line on its first relation, outside braces', () => {
    const tex = derivationLatex(CS231N());
    expect(tex).toContain('  a_{1} &= x + y = (-2) + 5 = 3 \\\\\n');
    expect(tex).toContain('  \\frac{\\partial f}{\\partial x} &= \\frac{\\partial f}');
    expect(alignAtRelation('\\frac{\\partial e}{\\partial b} \\mathrel{+}= 2')).toBe(
      '\\frac{\\partial e}{\\partial b} &\\mathrel{+}= 2',
    );
    expect(alignAtRelation('\\sigma\\left(a_{1}\\right)')).toBe('&\\sigma\\left(a_{1}\\right)');
    for (const line of tex.split('\n')) expect(line.split('&').length).toBeLessThanOrEqual(2);
  });

  it('adds the shares at colah’s fork: 2 + 3 = 5', () => {
    const backward = section(derivationLatex(COLAH()), 'Backward pass');
    const shares = backward.filter((l) =>
      l.startsWith('\\frac{\\partial e}{\\partial b} \\mathrel{+}='),
    );
    expect(shares).toHaveLength(2);
    // The sum comes right after the last share.
    const sum = backward.indexOf('\\frac{\\partial e}{\\partial b} = 2 + 3 = 5');
    expect(sum).toBe(backward.indexOf(shares[1]) + 1);
    expect(section(derivationLatex(COLAH()), 'Gradients')).toContain(
      '\\frac{\\partial e}{\\partial b} = 5',
    );
  });

  it('stops where the graph stops: upTo steps played', () => {
    const a = COLAH();
    // 0 steps: only the program; nothing is computed yet.
    const start = derivationLatex(a, 0);
    expect(section(start, 'Program')).toHaveLength(3);
    expect(start).not.toContain('Forward pass');
    expect(start).not.toContain('Gradients');
    // One share short of the end: b's sum is still open and b's gradient is not in the summary.
    const before = derivationLatex(a, a.steps.length - 1);
    expect(section(before, 'Backward pass')).toContain(
      '\\frac{\\partial e}{\\partial b} = 2 + \\cdots',
    );
    expect(section(before, 'Gradients')).toEqual(['\\frac{\\partial e}{\\partial a} = 2']);
    // Out-of-range counts clamp.
    expect(derivationLatex(a, 1e9)).toBe(derivationLatex(a));
    expect(derivationLatex(a, -3)).toBe(start);
  });

  it('writes subscripted and Greek names as LaTeX', () => {
    const tex = derivationLatex(
      analyze('w0 = 2; x_1 = -1; alpha = 3; f = sigmoid(w0*x_1) * alpha'),
    );
    expect(section(tex, 'Program').slice(0, 3)).toEqual(['w_{0} = 2', 'x_{1} = -1', '\\alpha = 3']);
    expect(section(tex, 'Gradients')).toContain('\\frac{\\partial f}{\\partial w_{0}} = -0.315');
  });

  it('gives 0 for an input the output does not use, once the pass is over', () => {
    const a = analyze('x = 2; unused = 7; f = x * x');
    expect(section(derivationLatex(a), 'Gradients')).toEqual([
      '\\frac{\\partial f}{\\partial x} = 4',
      '\\frac{\\partial f}{\\partial \\mathrm{unused}} = 0',
    ]);
  });

  it('lets nothing typed leak: comments and stray characters never reach the LaTeX', () => {
    const source = 'x = 2 # 50% off & {oops} \\input{/etc/passwd} $$ ^_~\ny = 3 # %&#\nf = x*y';
    const tex = derivationLatex(analyze(source));
    const body = tex
      .split('\n')
      .filter((l) => !l.startsWith('% '))
      .join('\n');
    expect(body).not.toMatch(/[#%$~]/);
    expect(tex).not.toContain('passwd');
    expect(tex).not.toContain('oops');
    expect(tex).not.toContain('\\input');
  });

  it('escapes headings given in another language', () => {
    const tex = derivationLatex(COLAH(), undefined, {
      headings: { forward: 'Lan truyền xuôi & 100% {ok}' },
    });
    expect(tex).toContain('\\textbf{Lan truyền xuôi \\& 100\\% \\{ok\\}}');
    expect(escapeLatexText('a\\b_c^d~e#$')).toBe(
      'a\\textbackslash{}b\\_c\\textasciicircum{}d\\textasciitilde{}e\\#\\$',
    );
  });

  it('is well-formed: balanced braces, every \\begin has its \\end, KaTeX typesets it', () => {
    const programs = [
      CS231N(),
      COLAH(),
      analyze('x = 3; y = -4; s = 1/(1+exp(-(x*y))); f = max(s, 0.5) + log(x^2) - y/x'),
      analyze('w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3; f = 1/(1+exp(-(w0*x0+w1*x1+w2)))'),
      analyze('x = 0; f = sqrt(x) + 1e-9*x'),
    ];
    for (const a of programs) {
      for (const upTo of [0, 3, a.trace.forwardCount + 1, a.steps.length]) {
        const tex = derivationLatex(a, upTo);
        expect(braceBalance(tex)).toBe(true);
        const begins = tex.match(/\\begin\{align\*\}/g) ?? [];
        const ends = tex.match(/\\end\{align\*\}/g) ?? [];
        expect(begins.length).toBe(ends.length);
        for (const body of alignBodies(tex)) {
          expect(() =>
            katex.renderToString(body, { displayMode: true, throwOnError: true, trust: false }),
          ).not.toThrow();
        }
      }
    }
  });
});
