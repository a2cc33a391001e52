// Through the index, unlike the engine's other modules: this module loads on its own, after the
// page (see `backwardHint.ts`), and the bundler keeps the engine in one chunk only if it reaches
// the engine the way the other lazily loaded modules do.
import {
  analyze,
  analyzeRead,
  parse,
  PUSH_NAME,
  type Analysis,
  type AnalyzeOptions,
  type ValueInput,
} from './index';
import { hasTensorValue } from './analysis';
import { ExpressionError } from './errors';
import { tensorSyntaxAt } from './tensor/hook';
import type { Program, Statement } from './ast';
import type {
  GradientForm,
  GradientReading,
  HandWrittenGradient,
  Reading,
  ReadProgram,
} from './backwardTypes';
import type { Span } from './errors';

/**
 * Reads a hand-written backward pass out of a program (cs231n's "staged computation"):
 *
 *   x = -2; y = 5; z = -4
 *   q = x + y
 *   f = q * z
 *   dfdz = q          # ∂f/∂z
 *   dfdq = z          # ∂f/∂q
 *   dfdx = 1.0 * dfdq # ∂f/∂x
 *
 * A statement whose name reads as a gradient of a forward quantity (`dfdx`, `df_dx`, `dfdx_`:
 * ∂f/∂x; cs231n's shorthand `dx` and `grad_x`: ∂out/∂x, out being the forward output) and which
 * the forward program does not use is a hand-written gradient: it is left out of the forward
 * program, whose output is then the last statement that is not one. A forward variable that only
 * looks like a gradient (a `dx` the output uses) stays forward.
 */

/**
 * `analyze`, reading a hand-written backward pass out of the program first: the analysis is of
 * the forward program, with `backwardPass` set when there are gradient lines. A program without
 * them is analysed exactly as `analyze` does.
 *
 * @example
 * analyzeWithBackwardPass('x = 3; f = x * x; dfdx = 2 * x').output // 9, not dfdx's 6
 */
export function analyzeWithBackwardPass(
  source: string,
  values?: Readonly<Record<string, number | ValueInput>>,
  reading?: Reading,
  options?: AnalyzeOptions,
): Analysis {
  // A tensor program (tensor values, or tensor syntax where the scalar reader stops) is the
  // tensor engine's: hand-written tensor gradients are not read yet.
  if (values && hasTensorValue(values)) return analyze(source, values, options);
  let read: ReadProgram;
  try {
    read = readProgram(source, reading);
  } catch (e) {
    if (e instanceof ExpressionError && tensorSyntaxAt(source, e.start)) {
      return analyze(source, values, options);
    }
    throw e;
  }
  return analyzeRead(source, read, values as Readonly<Record<string, number>> | undefined);
}

/** A statement as the recogniser sees it: parsed, or a list it blanked out before parsing. */
interface Item {
  readonly statement?: Statement;
  readonly target: string | null;
  readonly reads: readonly string[];
  readonly input: boolean;
  readonly span: Span;
  readonly line: number;
  /** `dx += e`: adds to the gradient written so far. */
  readonly accumulate: boolean;
  /** `dfdx =` with nothing after it yet (an exercise's line to fill in). */
  readonly blank: boolean;
}

/**
 * Parses `source` and splits it into the forward program and the hand-written gradients.
 * A program without gradients comes back as `parse(source)` alone, so it is analysed exactly as
 * before. Throws `ExpressionError` as `parse` does.
 *
 * @example
 * readProgram('x = 3; f = x * x; dfdx = 2 * x').pass?.gradients[0] // { name: 'dfdx', of: 'f', wrt: 'x', … }
 */
export function readProgram(source: string, reading: Reading = {}): ReadProgram {
  const lists = findHoles(source);
  const sums = findAccumulations(source);
  // `dx += e` parses as `dx  = e` (same offsets); whether it may be written so is decided below.
  const summed = withoutMath(sums.length === 0 ? source : rewriteAccumulations(source, sums));
  let program: Program;
  if (lists.length === 0) program = parse(summed);
  else {
    try {
      program = parse(blankOut(summed, lists));
    } catch {
      // Something else is wrong too (or nothing is left): the message a reader expects is the
      // one for the text as written.
      parse(summed);
      throw new Error('unreachable: a list always fails to parse');
    }
  }
  // Only a name starting with `d` or `grad_` can read as a gradient: most programs stop here.
  if (
    lists.length === 0 &&
    sums.length === 0 &&
    !program.statements.some((s) => s.target >= 0 && mayRead(program.names[s.target]))
  ) {
    return { forward: program };
  }
  const items = itemsOf(program, lists, sums);
  const result = recognise(items, reading);
  const unreadList = lists.some(
    (l) => !result.gradients.some((g) => (g.list || g.blank) && g.span.start === l.start),
  );
  if (unreadList) {
    // A list (or a line with nothing after its `=`) that is not a hand-written gradient is
    // something the language cannot read.
    parse(summed);
    throw new Error('unreachable: a list always fails to parse');
  }
  // `+=` adds to a gradient; a forward value is defined once, so there it stays an error.
  const forwardSum = result.forward.find((i) => i.accumulate);
  if (forwardSum) {
    const at = sums.find((a) => a.start === forwardSum.span.start)!.equals;
    throw new ExpressionError('error.misplacedAssign', { start: at, end: at + 1 });
  }
  rewritten(result.gradients);
  if (result.gradients.length === 0 && result.keptForward.length === 0) return { forward: program };
  const forwardStatements = result.forward.flatMap((i) => (i.statement ? [i.statement] : []));
  const forwardNames = new Set<string>();
  for (const i of result.forward) {
    if (i.target !== null) forwardNames.add(i.target);
    for (const r of i.reads) forwardNames.add(r);
  }
  const forward =
    result.gradients.length === 0 ? program : { ...program, statements: forwardStatements };
  return {
    forward,
    pass: {
      gradients: result.gradients,
      keptForward: result.keptForward,
      program,
      forwardStatements: forward.statements,
      forwardNames,
    },
  };
}

/**
 * A gradient written a second time with `=`: Python would overwrite it, but cs231n's staged code
 * adds each further share with `+=`, which is what such a line almost always means.
 */
function rewritten(gradients: readonly HandWrittenGradient[]) {
  const first = new Map<string, number>();
  for (const g of gradients) {
    const line = first.get(g.name);
    if (line === undefined) first.set(g.name, g.line);
    else if (!g.accumulate) {
      const span = { start: g.span.start, end: g.span.start + g.name.length };
      throw new ExpressionError('error.gradientRewritten', span, { name: g.name, line });
    }
  }
}

const mayRead = (name: string) => name.length > 1 && (name[0] === 'd' || name.startsWith('grad_'));

/** The statements in source order, with the names each reads. */
function itemsOf(program: Program, holes: readonly Hole[], sums: readonly Accumulation[]): Item[] {
  const { code, names } = program;
  const summing = new Set(sums.map((a) => a.start));
  const items: Item[] = program.statements.map((s) => {
    const reads = new Set<string>();
    for (let i = s.from; i < s.to; i++) if (code.op[i] === PUSH_NAME) reads.add(names[code.arg[i]]);
    return {
      statement: s,
      target: s.target >= 0 ? names[s.target] : null,
      reads: [...reads],
      input: s.input,
      span: { start: s.start, end: s.end },
      line: s.line,
      accumulate: summing.has(s.start),
      blank: false,
    };
  });
  for (const h of holes) {
    items.push({
      target: h.name,
      reads: [],
      input: false,
      span: h,
      line: h.line,
      accumulate: h.accumulate,
      blank: h.blank,
    });
  }
  return items.sort((a, b) => a.span.start - b.span.start);
}

interface Recognised {
  readonly forward: readonly Item[];
  readonly gradients: HandWrittenGradient[];
  readonly keptForward: { name: string; span: Span; line: number }[];
}

function recognise(items: readonly Item[], reading: Reading): Recognised {
  const all = new Set<string>();
  for (const i of items) {
    if (i.target !== null) all.add(i.target);
    for (const r of i.reads) all.add(r);
  }
  const candidates = new Map<Item, GradientReading[]>();
  const chosen = new Set<Item>();
  const keptForward: { name: string; span: Span; line: number }[] = [];
  for (const item of items) {
    const name = item.target;
    if (name === null || !mayRead(name)) continue;
    let readings = readingsOf(name, (n) => n !== name && all.has(n));
    if (readings.length === 0) continue;
    const choice = Object.hasOwn(reading, name) ? reading[name] : undefined;
    if (choice === 'forward' && !isList(item)) {
      keptForward.push({ name, span: item.span, line: item.line });
      continue;
    }
    const picked = readings.find((r) => r.key === choice);
    if (picked) {
      readings = [picked];
      chosen.add(item);
    }
    candidates.set(item, readings);
  }

  // Fixed point: a candidate the forward code reads is forward after all, and a reading must be
  // of forward quantities. Each round only removes candidates, so it ends.
  let forward: Item[] = [];
  let known = new Set<string>();
  let used = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    forward = items.filter((i) => !candidates.has(i));
    if (!forward.some((i) => !isList(i))) {
      candidates.clear();
      forward = [...items];
    }
    used = new Set<string>();
    known = new Set<string>();
    for (const i of forward) {
      for (const r of i.reads) {
        used.add(r);
        known.add(r);
      }
      if (i.target !== null) known.add(i.target);
    }
    for (const [item, readings] of candidates) {
      const left = readings.filter((r) => (r.of === null || known.has(r.of)) && known.has(r.wrt));
      if (used.has(item.target!) || left.length === 0) {
        candidates.delete(item);
        changed = true;
      } else if (left.length < readings.length) candidates.set(item, left);
    }
  }
  const parsed = forward.filter((i) => !isList(i));
  const output = parsed[parsed.length - 1];
  // A forward program that computes nothing (`x = 2; dx = 3 * x`) is no reading at all: then the
  // last line is the output, as in any program.
  if (candidates.size > 0 && output.input) {
    candidates.clear();
    return { forward: items, gradients: [], keptForward: [] };
  }
  // A choice the rule no longer needs (the forward code reads that name now) is not reported.
  const kept = keptForward.filter((k) => !used.has(k.name));
  const outputName = output.target;
  const last = items[items.length - 1];
  const gradients: HandWrittenGradient[] = [];
  for (const item of items) {
    const readings = candidates.get(item);
    if (!readings) continue;
    const ranked = [...readings].sort((a, b) => rank(a, outputName) - rank(b, outputName));
    const [taken, ...others] = ranked;
    const alternatives: (GradientReading | 'forward')[] = [...others];
    // cs231n's `dx` as the last line could as well be a forward value named dx, the output.
    // (A reading the person chose is undone as a whole: see `chosen`.)
    // (`dx += …` adds to a gradient: forward code never reads that way.)
    const single = !item.accumulate && !items.some((i) => i !== item && i.target === item.target);
    if (!isList(item) && !chosen.has(item) && taken.form !== 'full' && item === last && single) {
      alternatives.push('forward');
    }
    gradients.push({
      ...taken,
      name: item.target!,
      span: item.span,
      line: item.line,
      list: isList(item) && !item.blank,
      blank: item.blank,
      accumulate: item.accumulate,
      reads: item.reads,
      alternatives,
      chosen: chosen.has(item),
    });
  }
  return { forward, gradients, keptForward: kept };
}

const isList = (i: Item) => i.statement === undefined;

/** Which reading is taken first: ∂output/∂x written in full, then other full forms, then `dx`. */
function rank(r: GradientReading, output: string | null): number {
  if (r.form === 'full') return r.of === output ? 0 : 1;
  return r.form === 'short' ? 2 : 3;
}

/**
 * Every way `name` reads as a gradient of names `known` accepts: `dfdx`, `df_dx`, `d_f_d_x`,
 * `dfdx_` (∂f/∂x), `dx`, `d_x`, `dx_` (∂out/∂x), `grad_x`.
 *
 * @example
 * readingsOf('df_dx', (n) => n === 'f' || n === 'x') // [{ key: 'full:f:x', form: 'full', of: 'f', wrt: 'x' }]
 */
export function readingsOf(name: string, known: (name: string) => boolean): GradientReading[] {
  const found = new Map<string, GradientReading>();
  const add = (form: GradientForm, of: string | null, wrt: string) => {
    const key = `${form}:${of ?? ''}:${wrt}`;
    if (!found.has(key)) found.set(key, { key, form, of, wrt });
  };
  if (name.startsWith('grad_')) {
    for (const wrt of trailing(name.slice(5))) if (known(wrt)) add('grad', null, wrt);
  }
  if (name.length > 1 && name[0] === 'd') {
    for (const outer of trailing(name.slice(1))) {
      for (const body of leading(outer)) {
        if (known(body)) add('short', null, body);
        for (let k = 1; k < body.length - 1; k++) {
          if (body[k] !== 'd') continue;
          for (const of of trailing(body.slice(0, k))) {
            for (const wrt of leading(body.slice(k + 1))) {
              if (of !== wrt && known(of) && known(wrt)) add('full', of, wrt);
            }
          }
        }
      }
    }
  }
  return [...found.values()];
}

/** `s`, and `s` without one trailing `_` (`dfdx_`, `df_dx`). */
const trailing = (s: string) => (s.length > 1 && s.endsWith('_') ? [s, s.slice(0, -1)] : [s]);
/** `s`, and `s` without one leading `_` (`d_x`, `df_dx`). */
const leading = (s: string) => (s.length > 1 && s.startsWith('_') ? [s, s.slice(1)] : [s]);

interface Hole extends Span {
  readonly name: string;
  readonly line: number;
  /** `dfdx =` with nothing after it: a line still to be written (not a list). */
  readonly blank: boolean;
  readonly accumulate: boolean;
}

const NAME_AT = '([\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*)';
const LIST_START = new RegExp(`(^|[;\\n])([ \\t]*)${NAME_AT}[ \\t]*=[ \\t]*\\[`, 'gu');
/** `dfdx =` or `dx +=` and then nothing but a comment before the statement ends. */
const BLANK = new RegExp(
  `(^|[;\\n])([ \\t]*)${NAME_AT}[ \\t]*(\\+?)=(?!=)[ \\t]*(?=#|;|\\r?\\n|$)`,
  'gu',
);
/** `dx +=`: cs231n's accumulation of a gradient over several lines. */
const SUM = new RegExp(`(^|[;\\n])([ \\t]*)${NAME_AT}[ \\t]*\\+=`, 'gu');

/** Inside a `#` comment: the line before `start` holds a `#`. */
function inComment(source: string, start: number): boolean {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  return source.slice(lineStart, start).includes('#');
}

const lineAt = (source: string, at: number) => 1 + (source.slice(0, at).match(/\n/g)?.length ?? 0);

/**
 * Statements the language cannot parse but a hand-written backward pass may hold: lists
 * (`name = [ … ]`: cs231n's `dw = [x[0] * ddot, …]`) and lines with nothing after their `=` yet
 * (`dfdx =`, a practice exercise's line to fill in). They are blanked out before parsing and
 * reported instead of stopping the whole program.
 */
function findHoles(source: string): Hole[] {
  const found: Hole[] = [];
  if (source.includes('[')) {
    for (const m of source.matchAll(LIST_START)) {
      const start = m.index + m[1].length + m[2].length;
      if (inComment(source, start)) continue;
      if (found.length > 0 && start < found[found.length - 1].end) continue; // inside the last one
      let depth = 0;
      let end = -1;
      for (let i = m.index + m[0].length - 1; i < source.length; i++) {
        const c = source[i];
        if (c === '[') depth++;
        else if (c === ']' && --depth === 0) {
          end = i + 1;
          break;
        }
      }
      if (end < 0) continue;
      const name = m[3].normalize('NFC');
      found.push({
        name,
        start,
        end,
        line: lineAt(source, start),
        blank: false,
        accumulate: false,
      });
    }
  }
  if (source.includes('=')) {
    for (const m of source.matchAll(BLANK)) {
      const start = m.index + m[1].length + m[2].length;
      const end = m.index + m[0].length;
      if (inComment(source, start) || found.some((h) => start < h.end && h.start < end)) continue;
      found.push({
        name: m[3].normalize('NFC'),
        start,
        end,
        line: lineAt(source, start),
        blank: true,
        accumulate: m[4] === '+',
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

interface Accumulation {
  /** Where the statement starts (its name). */
  readonly start: number;
  /** Offset of the `=` of its `+=`. */
  readonly equals: number;
}

function findAccumulations(source: string): Accumulation[] {
  if (!source.includes('+=')) return [];
  const found: Accumulation[] = [];
  for (const m of source.matchAll(SUM)) {
    const start = m.index + m[1].length + m[2].length;
    if (!inComment(source, start)) found.push({ start, equals: m.index + m[0].length - 1 });
  }
  return found;
}

/**
 * Python's `math.exp(x)` (cs231n's staged code) as `exp(x)`: the module prefix becomes spaces,
 * so every offset stays put.
 */
function withoutMath(source: string): string {
  return source.includes('math.') ? source.replace(MATH, '     ') : source;
}
const MATH = /(?<![\p{L}\p{N}_.])math\.(?=[\p{L}_])/gu;

/** `dx += e` as `dx  = e`: the `+` becomes a space, so every offset stays put. */
function rewriteAccumulations(source: string, sums: readonly Accumulation[]): string {
  let out = '';
  let at = 0;
  for (const a of sums) {
    out += `${source.slice(at, a.equals - 1)} `;
    at = a.equals;
  }
  return out + source.slice(at);
}

/** The source with each list replaced by spaces (newlines kept), so every offset stays put. */
function blankOut(source: string, lists: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const l of lists) {
    out += source.slice(at, l.start) + source.slice(l.start, l.end).replace(/[^\n]/g, ' ');
    at = l.end;
  }
  return out + source.slice(at);
}
