import { describe, expect, it } from 'vitest';
import { analyze, caretLines, ExpressionError, type Analysis } from '../../src/engine';

/** The output's expression tree as `op(operand, …)`, down to inputs and constants. */
function shape(a: Analysis, id: number = a.graph.output): string {
  const node = a.graph.nodes[id];
  if (node.kind === 'input') return node.name!;
  if (node.kind === 'const') return String(node.value);
  return `${node.op}(${node.operands.map((o) => shape(a, o)).join(', ')})`;
}
const tree = (source: string) => shape(analyze(source));
const value = (source: string, values?: Record<string, number>) => analyze(source, values).output;

/** Runs `source`, expecting an ExpressionError, and returns it. */
function failure(source: string): ExpressionError {
  try {
    analyze(source);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw new Error(`expected an ExpressionError for ${JSON.stringify(source)}`, { cause: e });
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail, but it analyzed`);
}

describe('precedence and associativity', () => {
  it.each([
    ['-x^2', 'neg(pow(x, 2))'],
    ['-2^2', 'neg(pow(2, 2))'],
    ['2^-x', 'pow(2, neg(x))'],
    ['2^-x^2', 'pow(2, neg(pow(x, 2)))'],
    ['2^3^2', 'pow(2, pow(3, 2))'],
    ['2**3**2', 'pow(2, pow(3, 2))'],
    ['a-b-c', 'sub(sub(a, b), c)'],
    ['a/b/c', 'div(div(a, b), c)'],
    ['a-b+c', 'add(sub(a, b), c)'],
    ['a/b*c', 'mul(div(a, b), c)'],
    ['a+b*c', 'add(a, mul(b, c))'],
    ['(a+b)*c', 'mul(add(a, b), c)'],
    ['a*b^c', 'mul(a, pow(b, c))'],
    ['(a*b)^c', 'pow(mul(a, b), c)'],
    ['-x*y', 'mul(neg(x), y)'],
    ['a*-b', 'mul(a, neg(b))'],
    ['a - -b', 'sub(a, neg(b))'],
    ['--x', 'neg(neg(x))'],
    ['+x', 'x'],
    ['-(x)', 'neg(x)'],
    ['max(x, y+1)', 'max(x, add(y, 1))'],
    ['pow(a, b) - ln(c)', 'sub(pow(a, b), log(c))'],
    ['sigmoid(-x)^2', 'pow(sigmoid(neg(x)), 2)'],
  ])('%s parses as %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('computes the values those trees promise', () => {
    expect(value('-x^2', { x: 3 })).toBe(-9);
    expect(value('2^-x', { x: 1 })).toBe(0.5);
    expect(value('2^3^2')).toBe(512);
    expect(value('2**3**2')).toBe(512);
    expect(value('2**3')).toBe(value('2^3'));
    expect(value('a-b-c', { a: 10, b: 3, c: 2 })).toBe(5);
    expect(value('a/b/c', { a: 100, b: 5, c: 2 })).toBe(10);
    expect(value('-2^2')).toBe(-4);
    expect(value('(-2)^2')).toBe(4);
    expect(value('2*-3')).toBe(-6);
  });

  it('folds a signed literal into one constant node', () => {
    const a = analyze('-2');
    expect(a.graph.nodes).toHaveLength(1);
    expect(a.graph.nodes[0]).toMatchObject({ kind: 'const', value: -2 });
  });
});

describe('numbers', () => {
  it.each([
    ['2', 2],
    ['3.5', 3.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['2.5E+4', 25000],
    ['1.', 1],
    ['1.e2', 100],
    ['007', 7],
    ['1E3', 1000],
  ])('%s is %d', (source, expected) => {
    const a = analyze(source);
    expect(a.output).toBe(expected);
    expect(a.graph.nodes).toHaveLength(1);
    expect(a.graph.nodes[0].kind).toBe('const');
  });

  it('keeps a literal too large for a double as Infinity with a note', () => {
    const a = analyze('1e400');
    expect(a.output).toBe(Infinity);
    expect(a.graph.nodes[0].notes.map((n) => n.code)).toEqual(['diag.overflow']);
  });
});

describe('statements', () => {
  it('separates statements with `;` and newlines; the last one is the output', () => {
    expect(value('x = 3; y = 4; x*y')).toBe(12);
    expect(value('x = 3\ny = 4\nx*y')).toBe(12);
  });

  it('allows empty statements and a trailing `;`', () => {
    expect(value('x = 3;; ;y = x*2;')).toBe(6);
    expect(value(';x = 3;')).toBe(3);
  });

  it('reads CRLF, a lone CR, tabs and blank lines', () => {
    expect(value('x = 3\r\ny = x + 1\r\n')).toBe(4);
    expect(value('x = 3\ry = x + 1')).toBe(4);
    expect(value('\tx\t=\t3\n\ty = x *\t2')).toBe(6);
    expect(value('\n\nx = 1\n\n\n  \ny = x + 1\n\n')).toBe(2);
  });

  it('skips `#` comments to the end of the line', () => {
    const a = analyze('# a comment line\nx = 2 # the input\ny = x^2 # squared\n# trailing');
    expect(a.output).toBe(4);
    expect(a.gradients).toEqual({ x: 4 });
  });

  it('continues a statement over a newline inside parentheses', () => {
    expect(value('(x +\n y)', { x: 2, y: 3 })).toBe(5);
    expect(value('f = max(\n  x,   # first\n  y\n)\nf * 2', { x: 2, y: 3 })).toBe(6);
    expect(value('(x +\r\n y)\r\n', { x: 2, y: 3 })).toBe(5);
  });

  it('ends a statement at a newline outside parentheses', () => {
    // `x` and `+1` are two statements: the output is the second one, and x does not reach it.
    const a = analyze('x\n+1', { x: 5 });
    expect(a.output).toBe(1);
    expect(a.gradients).toEqual({ x: 0 });
  });

  it("reads cs231n's snippet from seed 003 as it is, comments included", () => {
    const snippet = [
      '# set some inputs',
      'x = -2; y = 5; z = -4',
      '',
      '# perform the forward pass',
      'q = x + y # q becomes 3',
      'f = q * z # f becomes -12',
      '',
      '# perform the backward pass (backpropagation) in reverse order:',
      '# first backprop through f = q * z',
      'dfdz = q # df/dz = q, so gradient on z becomes 3',
      'dfdq = z # df/dq = z, so gradient on q becomes -4',
      '# now backprop through q = x + y',
      'dfdx = 1.0 * dfdq # dq/dx = 1. And the multiplication here is the chain rule!',
      'dfdy = 1.0 * dfdq # dq/dy = 1',
      '',
    ].join('\n');
    const a = analyze(snippet);
    const byName = (name: string) => a.graph.nodes.find((n) => n.name === name)!;
    expect(byName('q').value).toBe(3);
    expect(byName('f').value).toBe(-12);
    expect(byName('dfdz').value).toBe(3);
    expect(byName('dfdq').value).toBe(-4);
    expect(byName('dfdx').value).toBe(-4);
    // The output is the last statement, dfdy = 1.0 * z: only z reaches it.
    expect(a.output).toBe(-4);
    expect(a.gradients).toEqual({ x: 0, y: 0, z: 1 });
    expect(a.inputs.map((i) => [i.name, i.value, i.declared])).toEqual([
      ['x', -2, true],
      ['y', 5, true],
      ['z', -4, true],
    ]);
  });
});

describe('inputs, constants and values', () => {
  it('declares an input with `name = <signed literal>`', () => {
    for (const [source, v] of [
      ['x = -2', -2],
      ['x = +2', 2],
      ['x = 2', 2],
      ['x = - 2.5', -2.5],
    ] as const) {
      const a = analyze(`${source}\ny = x * 3`);
      expect(a.inputs).toEqual([{ name: 'x', node: 0, value: v, declared: true }]);
      expect(a.output).toBe(v * 3);
      expect(a.gradients).toEqual({ x: 3 });
    }
  });

  it('makes `x = (2)`, `x = -(2)` and `x = 2*3` constant intermediates, not inputs', () => {
    const paren = analyze('x = (2)\ny = x * 3');
    expect(paren.inputs).toEqual([]);
    expect(paren.gradients).toEqual({});
    expect(paren.output).toBe(6);
    expect(paren.graph.nodes.find((n) => n.name === 'x')).toMatchObject({
      kind: 'const',
      value: 2,
    });

    expect(analyze('x = -(2)\nx').inputs).toEqual([]);

    const product = analyze('x = 2*3\ny = x + 1', { x: 100 });
    expect(product.inputs).toEqual([]);
    expect(product.output).toBe(7);
    expect(product.graph.nodes.find((n) => n.name === 'x')).toMatchObject({
      kind: 'op',
      op: 'mul',
      value: 6,
      variable: false,
    });
  });

  it('treats a free variable as an input with default 1', () => {
    const a = analyze('x + 2*y');
    expect(a.output).toBe(3);
    expect(a.inputs).toEqual([
      { name: 'x', node: 0, value: 1, declared: false },
      { name: 'y', node: 2, value: 1, declared: false },
    ]);
    expect(a.gradients).toEqual({ x: 1, y: 2 });
  });

  it('lets `values` override inputs, declared or free, and ignores other keys', () => {
    const a = analyze('x = -2\nq = x * y\nq + 1', { x: 5, y: 3, q: 1000, nope: 7 });
    expect(a.output).toBe(16);
    expect(a.inputs.map((i) => [i.name, i.value])).toEqual([
      ['x', 5],
      ['y', 3],
    ]);
    expect(a.gradients).toEqual({ x: 3, y: 5 });
    expect(Object.keys(a.gradients)).toEqual(['x', 'y']);
  });

  it('reads the values object safely, inherited keys included', () => {
    const values = JSON.parse('{"__proto__": 4, "constructor": 5}') as Record<string, number>;
    const a = analyze('__proto__ * constructor + toString', values);
    expect(a.output).toBe(21);
    expect(a.inputs.map((i) => i.value)).toEqual([4, 5, 1]);
  });
});

interface ErrorCase {
  source: string;
  start: number;
  end: number;
  code: string;
  /** Phrases the message must contain. */
  says: string[];
}

const errorCases: ErrorCase[] = [
  // Functions.
  {
    source: 'sigmod(x)',
    start: 0,
    end: 6,
    code: 'error.unknownFunctionSuggest',
    says: ['`sigmod`', 'did you mean `sigmoid`', 'exp'],
  },
  {
    source: 'foo(x)',
    start: 0,
    end: 3,
    code: 'error.unknownFunction',
    says: ['`foo` is not a function', 'exp, log'],
  },
  { source: 'f(x)', start: 0, end: 1, code: 'error.notAFunction', says: ['f*(…)'] },
  { source: 'exp(x, y)', start: 0, end: 9, code: 'error.arity1', says: ['one argument', 'got 2'] },
  { source: 'max(x)', start: 0, end: 6, code: 'error.arity2', says: ['two arguments', 'got 1'] },
  { source: 'pow(1,2,3)', start: 0, end: 10, code: 'error.arity2', says: ['got 3'] },
  { source: 'exp()', start: 0, end: 5, code: 'error.arity1', says: ['got 0'] },
  { source: 'sin', start: 0, end: 3, code: 'error.functionNotCalled', says: ['sin(x)'] },
  { source: '2 * (log)', start: 5, end: 8, code: 'error.functionNotCalled', says: ['log(x)'] },
  {
    source: 'sin = 2',
    start: 0,
    end: 3,
    code: 'error.reservedName',
    says: ['`sin` is a function'],
  },
  {
    source: 'max(x,)',
    start: 6,
    end: 7,
    code: 'error.expectedOperand',
    says: ['Expected a number, a name or `(`', '`)`'],
  },
  { source: 'a,b', start: 1, end: 2, code: 'error.commaOutsideCall', says: ['max(a, b)'] },
  // Values side by side.
  { source: '2x', start: 0, end: 2, code: 'error.numberThenName', says: ['2*x'] },
  { source: '3.5y + 1', start: 0, end: 4, code: 'error.numberThenName', says: ['3.5*y'] },
  { source: 'x y', start: 2, end: 3, code: 'error.missingOperator', says: ['write `*`'] },
  { source: '2 (x)', start: 2, end: 3, code: 'error.missingOperator', says: ['write `*`'] },
  // Parentheses.
  {
    source: '(x+1',
    start: 0,
    end: 1,
    code: 'error.unclosedParen',
    says: ['Expected `)` to close the `(` at column 1'],
  },
  { source: 'sin(x', start: 3, end: 4, code: 'error.unclosedParen', says: ['column 4'] },
  { source: '((x)', start: 0, end: 1, code: 'error.unclosedParen', says: ['column 1'] },
  {
    source: 'a = 1\nb = (a +\n 2',
    start: 10,
    end: 11,
    code: 'error.unclosedParenAt',
    says: ['line 2, column 5'],
  },
  {
    // The newline was swallowed inside the open parenthesis: the real problem is the `(`.
    source: 'q = (x + y\nf = q * z',
    start: 4,
    end: 5,
    code: 'error.unclosedParenAt',
    says: ['line 1, column 5'],
  },
  { source: 'x+1)', start: 3, end: 4, code: 'error.unmatchedClose', says: ['no matching `(`'] },
  { source: '(x))', start: 3, end: 4, code: 'error.unmatchedClose', says: ['no matching `(`'] },
  { source: ')x(', start: 0, end: 1, code: 'error.unmatchedClose', says: ['no matching `(`'] },
  { source: '()', start: 0, end: 2, code: 'error.emptyParens', says: ['(x+y)'] },
  // Nothing to read.
  { source: '', start: 0, end: 0, code: 'error.empty', says: ['(x+y)*z'] },
  { source: ' \n\t\r\n', start: 0, end: 0, code: 'error.empty', says: ['empty'] },
  { source: '# only a comment', start: 0, end: 0, code: 'error.empty', says: ['empty'] },
  { source: ';;', start: 0, end: 0, code: 'error.empty', says: ['empty'] },
  // Characters outside the language.
  { source: 'x × y', start: 2, end: 3, code: 'error.unicodeOperator', says: ['type `*`'] },
  { source: 'x − y', start: 2, end: 3, code: 'error.unicodeOperator', says: ['type `-`'] },
  { source: 'x ÷ y', start: 2, end: 3, code: 'error.unicodeOperator', says: ['type `/`'] },
  { source: 'x $ y', start: 2, end: 3, code: 'error.unexpectedChar', says: ['`$`'] },
  { source: 'x + 😀', start: 4, end: 6, code: 'error.unexpectedChar', says: ['`😀`'] },
  { source: '.', start: 0, end: 1, code: 'error.loneDot', says: ['0.5'] },
  { source: 'x + 1e', start: 4, end: 6, code: 'error.badExponent', says: ['`1e`', '1e-3'] },
  { source: '1.2.3', start: 0, end: 5, code: 'error.badNumber', says: ['`1.2.3`'] },
  // Operators with a side missing.
  { source: 'x +', start: 2, end: 3, code: 'error.missingRight', says: ['`+` needs'] },
  { source: 'x = -', start: 4, end: 5, code: 'error.missingRight', says: ['`-` needs'] },
  { source: 'q = ', start: 2, end: 3, code: 'error.missingRight', says: ['`=` needs'] },
  { source: '* x', start: 0, end: 1, code: 'error.missingLeft', says: ['`*` needs'] },
  { source: '1 +* 2', start: 3, end: 4, code: 'error.missingLeft', says: ['`*` needs'] },
  // Names.
  {
    source: 'a = b + 1\nb = 2',
    start: 4,
    end: 5,
    code: 'error.usedBeforeDefined',
    says: ['`b`', 'line 2'],
  },
  {
    source: 'a = 1\na = 2',
    start: 6,
    end: 7,
    code: 'error.redefined',
    says: ['`a`', 'line 1'],
  },
  { source: 'a = a + 1', start: 4, end: 5, code: 'error.selfReference', says: ['`a`'] },
  // `=` where it does not belong.
  { source: 'x + 1 = 2', start: 6, end: 7, code: 'error.misplacedAssign', says: ['q = x + y'] },
  { source: 'a = b = c', start: 6, end: 7, code: 'error.misplacedAssign', says: ['q = x + y'] },
  { source: '= x', start: 0, end: 1, code: 'error.misplacedAssign', says: ['q = x + y'] },
  { source: 'x = = 2', start: 4, end: 5, code: 'error.misplacedAssign', says: ['q = x + y'] },
  { source: 'x == 1', start: 2, end: 4, code: 'error.doubleEquals', says: ['one `=`'] },
];

describe('errors', () => {
  it.each(errorCases)('$source → $code at [$start, $end)', ({ source, start, end, code, says }) => {
    const e = failure(source);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExpressionError');
    expect({ start: e.start, end: e.end, code: e.code }).toEqual({ start, end, code });
    for (const phrase of says) expect(e.message).toContain(phrase);
    // A filled template: no `{slot}` left over, nothing undefined.
    expect(e.message).not.toMatch(/\{\w+\}|undefined|NaN/);
  });

  it('covers both UTF-16 units of an astral character', () => {
    const source = 'x * 😀';
    const e = failure(source);
    expect(e.end - e.start).toBe(2);
    expect(source.slice(e.start, e.end)).toBe('😀');
  });

  it('points a caret at the offending characters of their own line', () => {
    const source = 'a = 1\nb = sigmod(a)\nb';
    const e = failure(source);
    expect(caretLines(source, e)).toEqual(['b = sigmod(a)', '    ^^^^^^']);
    expect(caretLines('(x+y*z', { start: 0, end: 1 })).toEqual(['(x+y*z', '^']);
    // Tabs stay tabs, so the caret lines up however wide the terminal draws them.
    expect(caretLines('\tx $', { start: 3, end: 4 })).toEqual(['\tx $', '\t  ^']);
    // An empty span still shows one caret.
    expect(caretLines('', { start: 0, end: 0 })).toEqual(['', '^']);
  });
});
