/**
 * `grad`: the engine from a terminal.
 *
 *   npm run --silent grad -- '(x+y)*z' x=-2 y=5 z=-4
 *   {"output":-12,"gradients":{"x":-4,"y":-4,"z":3}}
 *
 * Exit 0 with JSON on stdout; exit 1 with the message and a caret under the problem on stderr
 * when the program cannot be read; exit 2 for a malformed command line.
 */
import { readFileSync } from 'node:fs';
import { FUNCTION_CALLS, OP_WORDS } from './engine/opWords';
import { NUMPY_SPELLINGS, TENSOR_CALLS, TENSOR_WORDS } from './engine/tensor/words';
import {
  caretLines,
  formatNumber,
  ExpressionError,
  formatMessage,
  LineIndex,
  TEXT,
  type Analysis,
} from './engine';
import { isName } from './engine/lexer';
import { checkBackwardPass, type HandWrittenCheck } from './engine/backwardCheck';
import { analyzeWithBackwardPass } from './engine/backwardPass';
// The command reads tensor programs too: this installs that part of the engine up front.
import { fromNested, valueToJSON, type TensorAnalysis, type ValueInput } from './engine/tensor';

const USAGE = `usage: grad '<program>' [name=value ...] [--steps] [--seed=N]
       grad --functions
  <program>   an expression or a short program, e.g. '(x+y)*z' or 'x = -2; f = x*x'; - reads stdin
  name=value  sets an input's value (inputs not set start at their declared value, or 1);
              a tensor is JSON: X='[[1,2],[3,4]]' is a 2×2 matrix, v='[1,2]' a vector
  --steps     adds the step list: forward values, then backward gradients, edge by edge
  --seed=N    seeds randn(…) in tensor programs (default 0)
  --functions lists the functions a program can call, one a line`;

/** One line per function of the op registry: `log(x), ln(x)  natural logarithm`. */
export function functionList(): string {
  const width = Math.max(...FUNCTION_CALLS.map(({ calls }) => calls.length));
  const scalar = FUNCTION_CALLS.map(
    ({ op, calls }) => `${calls.padEnd(width)}  ${OP_WORDS[op].en}\n`,
  ).join('');
  // Vectors and matrices: the tensor registry's own ops; the functions above work entry by entry.
  const w = Math.max(...TENSOR_CALLS.map(({ calls }) => calls.length));
  const tensor = TENSOR_CALLS.map(
    ({ op, calls }) => `${calls.padEnd(w)}  ${TENSOR_WORDS[op].en}\n`,
  ).join('');
  return `${scalar}\n${TENSOR_HEADING}\n${tensor}numpy spellings: ${NUMPY_SPELLINGS}\n`;
}

/** The line between the scalar functions and the tensor ones in `--functions`. */
export const TENSOR_HEADING =
  'Vectors and matrices (every function above works entry by entry, with numpy broadcasting):';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command on its arguments; kept free of process globals so tests can call it. */
export function runCli(args: readonly string[], stdin = ''): CliResult {
  const flags = args.filter((a) => a.startsWith('--'));
  const positional = args.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter(
    (f) => !['--steps', '--help', '--functions'].includes(f) && !/^--seed=-?\d+$/.test(f),
  );
  const seedFlag = flags.find((f) => f.startsWith('--seed='));
  if (flags.includes('--help')) return { code: 0, stdout: USAGE + '\n', stderr: '' };
  if (flags.includes('--functions') && unknown.length === 0) {
    return { code: 0, stdout: functionList(), stderr: '' };
  }
  if (positional.length === 0 || unknown.length > 0) {
    const why = unknown.length > 0 ? `unknown option ${unknown[0]}\n` : '';
    return { code: 2, stdout: '', stderr: why + USAGE + '\n' };
  }
  const [program, ...assignments] = positional;
  const source = program === '-' ? stdin : program;
  // No prototype: `__proto__=3` must set an input called __proto__, not the object's prototype.
  const values = Object.create(null) as Record<string, number | ValueInput>;
  for (const a of assignments) {
    const m = /^([^=]+)=(.+)$/.exec(a);
    // `X=[[1,2],[3,4]]`: a tensor, as JSON nested arrays of exactly its shape.
    if (m && isName(m[1]) && m[2].trim().startsWith('[')) {
      const tensor = readTensor(m[2]);
      if (typeof tensor === 'string') {
        return {
          code: 2,
          stdout: '',
          stderr: `expected ${m[1]}=[…] nested arrays of numbers, got ${JSON.stringify(m[2])}: ${tensor}\n${USAGE}\n`,
        };
      }
      values[m[1]] = tensor;
      continue;
    }
    const v = m ? Number(m[2]) : NaN;
    if (!m || !isName(m[1]) || m[2].trim() === '' || Number.isNaN(v)) {
      return {
        code: 2,
        stdout: '',
        stderr: `expected name=number, got ${JSON.stringify(a)}\n${USAGE}\n`,
      };
    }
    values[m[1]] = v;
  }

  let analysis: Analysis;
  try {
    // The forward program, a hand-written backward pass (`dfdz = q`) being checked apart; a
    // tensor program goes to the tensor engine (`analyzeWithBackwardPass` hands it over).
    analysis = analyzeWithBackwardPass(
      source,
      values,
      undefined,
      seedFlag ? { seed: Number(seedFlag.slice(7)) } : {},
    );
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    return { code: 1, stdout: '', stderr: describeError(source, e) };
  }
  if (analysis.tensor) return tensorResult(analysis.tensor, flags.includes('--steps'));
  const result: Record<string, unknown> = {
    output: analysis.output,
    gradients: analysis.gradients,
  };
  const notes = analysis.graph.nodes.flatMap((n) =>
    n.notes.map((note) => ({
      node: n.symbol.text,
      note: note.kind,
      message: formatMessage(note.code),
    })),
  );
  if (notes.length > 0) result.notes = notes;
  // Only a program with hand-written gradients gets the key: any other prints as it always did.
  const checks = checkBackwardPass(analysis);
  if (checks.length > 0) result.backward = checks.map(backwardLine);
  if (flags.includes('--steps')) result.steps = stepLines(analysis);
  const indent = flags.includes('--steps') ? 2 : undefined;
  return { code: 0, stdout: JSON.stringify(result, finite, indent) + '\n', stderr: '' };
}

/** A tensor value from the command line, or why it is not one. */
function readTensor(text: string): ValueInput | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const t = fromNested(parsed);
  return typeof t === 'string' ? t : t;
}

/**
 * A tensor program's result: values as nested arrays of exactly their shape (an m×1 matrix is
 * `[[a],[b]]`), a scalar as a number, every gradient of its input's shape.
 */
function tensorResult(t: TensorAnalysis, steps: boolean): CliResult {
  const gradients: Record<string, unknown> = {};
  for (const [name, g] of Object.entries(t.gradients)) {
    Object.defineProperty(gradients, name, {
      value: valueToJSON(g),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const result: Record<string, unknown> = { output: valueToJSON(t.output), gradients };
  // A tensor output has no single gradient: say which scalar the gradients are of.
  if (t.summedOutput) result.gradientsOf = "the sum of the output's entries";
  const notes = t.nodes.flatMap((n) =>
    n.notes.map((note) => ({
      node: n.symbol.text,
      note: note.kind,
      message: formatMessage(note.code),
    })),
  );
  if (notes.length > 0) result.notes = notes;
  if (steps) {
    const width = String(t.steps.length).length;
    result.steps = t.steps.map(
      (s) =>
        `${String(s.index + 1).padStart(width)} ${s.phase.padEnd(8)} ${s.text}   [${s.shapes}]`,
    );
  }
  const indent = steps ? 2 : undefined;
  return { code: 0, stdout: JSON.stringify(result, finite, indent) + '\n', stderr: '' };
}

/** JSON has no NaN or Infinity: write them as strings rather than as a misleading null. */
function finite(_key: string, v: unknown) {
  return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
}

/** One hand-written gradient: `{"name":"dfdz","of":"f","wrt":"z","value":3,"expected":3,"ok":true}`. */
function backwardLine(c: HandWrittenCheck): Record<string, unknown> {
  const { name, wrt, alternatives } = c.gradient;
  const line: Record<string, unknown> = { name, of: c.of, wrt };
  if (c.status === 'unchecked') line.message = UNCHECKED[c.reason!](c);
  else {
    line.value = c.value;
    line.expected = c.expected;
    line.ok = c.status === 'ok';
  }
  // `dx = …` before `dx += …`: a share so far; the name's last line is held to the gradient.
  if (c.partial) line.partial = true;
  if (alternatives.length > 0) {
    const others = alternatives.map((a) =>
      a === 'forward' ? `forward code (${name} = … as a value)` : `∂${a.of ?? c.of}/∂${a.wrt}`,
    );
    line.reading = `read as ∂${c.of}/∂${wrt}; it could also be ${others.join(' or ')}`;
  }
  return line;
}

const UNCHECKED: Record<
  NonNullable<HandWrittenCheck['reason']>,
  (c: HandWrittenCheck) => string
> = {
  list: () => 'a list: checked element by element once tensor values exist',
  readsList: (c) => `reads the list ${c.culprit}: checked once tensor values exist`,
  undefinedName: (c) => `reads ${c.culprit}, which the program does not define before this line`,
  constant: (c) =>
    `${c.gradient.wrt} is a constant (it depends on no input), so it has no gradient to compare; the line is ${formatNumber(c.value ?? NaN, 6)}`,
  blank: () => 'nothing after the = yet',
  readsBlank: (c) => `reads ${c.culprit}, which has nothing after its = yet`,
  partial: (c) =>
    `a share of ∂${c.of}/∂${c.gradient.wrt} so far, ${formatNumber(c.value ?? NaN, 6)}: no sum of the paths' shares; the last ${c.gradient.name} line is checked`,
};

function stepLines(a: Analysis): string[] {
  const width = String(a.steps.length).length;
  return a.steps.map((s) => {
    const n = String(s.index + 1).padStart(width);
    const sum = s.kind === 'backward-edge' ? s.sumFormula(TEXT) : undefined;
    return `${n} ${s.phase.padEnd(8)} ${s.text}${sum ? `   (${sum})` : ''}`;
  });
}

function describeError(source: string, e: ExpressionError): string {
  const lines = new LineIndex(source);
  const { line, column } = lines.locate(e.start);
  const [text, caret] = caretLines(source, e);
  const where = lines.lineCount > 1 ? `line ${line}, column ${column}` : `column ${column}`;
  return `error at ${where}: ${e.message}\n  ${text}\n  ${caret}\n`;
}

const isMain = process.argv[1] && /cli\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  const stdin = args.includes('-') ? readFileSync(0, 'utf8') : '';
  const { code, stdout, stderr } = runCli(args, stdin);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
