import { numberTex } from './format';
import { NodeKind } from './graph';
import { expressionTex, partialTex } from './tex';
import { NEVER } from './trace';
import type { TangentTrace } from './tangent';
import type { Analysis } from './analysis';

/** Section titles of the handout; English unless the caller passes its own language's words. */
export interface DerivationHeadings {
  readonly program: string;
  readonly forward: string;
  readonly backward: string;
  readonly gradients: string;
}

export const DERIVATION_HEADINGS: DerivationHeadings = {
  program: 'Program',
  forward: 'Forward pass',
  backward: 'Backward pass',
  gradients: 'Gradients',
};

export interface DerivationOptions {
  readonly headings?: Partial<DerivationHeadings>;
  /**
   * Forward mode: `upTo` counts the value steps then this tangent pass's steps, and the second
   * section is the tangent pass (titled `headings.backward`), ending in ∂f/∂x alone.
   */
  readonly tangent?: TangentTrace;
  /**
   * Said (as text, escaped) under a derivation that stops before the end, in the reader's
   * language; a LaTeX comment says it in English either way.
   */
  readonly partialNote?: string;
}

/**
 * The whole derivation of a run as a LaTeX fragment for a handout or a slide: the program, each
 * node's forward evaluation with numbers, each chain-rule factor of the backward pass (with the
 * sum at every fork), and every input's gradient. Each section is an `align*` aligned on its first
 * relation, so it compiles with plain `amsmath`.
 *
 * `upTo` is a number of steps played, as in the store's `stepIndex`: only what the graph shows at
 * that point is written (default: the whole trace).
 *
 * Every formula is the step's own LaTeX (`src/engine/tex.ts`): identifiers are rebuilt (see
 * `symbols.ts`; a Vietnamese name needs XeLaTeX or `\usepackage[T5]{fontenc}`) and numbers are formatted, so nothing the person typed (comments, stray symbols)
 * reaches the output; only the headings are text, and they are escaped.
 *
 * @example
 * derivationLatex(analyze('(x+y)*z', { x: -2, y: 5, z: -4 }))
 * // …\frac{\partial f}{\partial x} &= \frac{\partial f}{\partial a_{1}} \cdot … = (-4) \cdot 1 = -4 …
 */
export function derivationLatex(
  analysis: Analysis,
  upTo: number = analysis.steps.length,
  options: DerivationOptions = {},
): string {
  const headings = { ...DERIVATION_HEADINGS, ...options.headings };
  const g = analysis.compiled;
  const { trace, steps } = analysis;
  const { tangent } = options;
  const total = tangent ? trace.forwardCount + tangent.steps.length : steps.length;
  const shown = Math.max(0, Math.min(Math.floor(upTo), total));
  const out = g.symbol(g.output).tex;

  // The program as equations, in program order: each input with its value, each named step and
  // the output written out down to inputs, constants and other named steps.
  const program: string[] = [];
  for (let i = 0; i < g.nodeCount; i++) {
    if (g.kind[i] === NodeKind.Input) {
      program.push(`${g.symbol(i).tex} = ${numberTex(analysis.value[i])}`);
    } else if (g.kind[i] === NodeKind.Op && (g.names[i] !== undefined || i === g.output)) {
      program.push(`${g.symbol(i).tex} = ${expressionTex(g, i)}`);
    }
  }

  const forward: string[] = [];
  const backward: string[] = [];
  const values = tangent ? Math.min(shown, trace.forwardCount) : shown;
  for (let k = 0; k < values; k++) {
    const step = steps[k];
    if (step.kind === 'forward-node') forward.push(step.tex);
    else if (step.kind === 'seed') backward.push(step.tex);
    else if (step.kind === 'backward-edge') {
      backward.push(step.tex);
      // A fork's shares add up: write the sum once its last share has arrived, or, where the
      // handout stops mid-fork, the sum so far.
      const sum = step.arrival === step.arrivals || k === shown - 1 ? step.sumFormula() : undefined;
      if (sum !== undefined) backward.push(sum);
    }
  }
  // Forward mode's second pass: the tangent steps, each already a whole equation.
  if (tangent) {
    for (let k = trace.forwardCount; k < shown; k++) {
      backward.push(tangent.steps[k - trace.forwardCount].tex);
    }
  }

  // An input's gradient is known once its last share has arrived; one the output does not depend
  // on is 0, known when the backward pass is over. Forward mode knows ∂f/∂x alone, at its end.
  const gradients: string[] = [];
  const finished = shown === total;
  if (tangent) {
    if (finished) {
      gradients.push(
        `${partialTex(out, g.symbol(tangent.wrt).tex)} = ${numberTex(tangent.tangent[g.output])}`,
      );
    }
  } else {
    for (let k = 0; k < g.inputs.length; k++) {
      const id = g.inputs[k];
      const at = trace.nodeGradStep[id];
      if (at === NEVER ? !finished : at >= shown) continue;
      gradients.push(
        `${partialTex(out, g.symbol(id).tex)} = ${numberTex(at === NEVER ? 0 : analysis.backward.grad[id])}`,
      );
    }
  }

  return derivationDocument({
    title: tangent
      ? `derivation of the forward pass and forward mode (tangents d/d${g.symbol(tangent.wrt).text})`
      : 'derivation of the forward and backward pass',
    shown,
    total,
    headings,
    parts: { program, forward, backward, gradients },
    ...(options.partialNote !== undefined ? { partialNote: options.partialNote } : {}),
  });
}

/**
 * The LaTeX document of a derivation, scalar or matrix: a comment with its title (and, mid-trace,
 * that it is partial), then each non-empty part under its heading as an `align*` aligned on its
 * first relation, then the reader's note that it stops early.
 */
export function derivationDocument(d: {
  title: string;
  shown: number;
  total: number;
  headings: DerivationHeadings;
  parts: Readonly<Record<keyof DerivationHeadings, readonly string[]>>;
  partialNote?: string;
}): string {
  const finished = d.shown === d.total;
  const sections = [`% Backprop Lens: ${d.title}.`, '% Needs \\usepackage{amsmath}.'];
  // A handout copied mid-trace must say it is not the whole derivation.
  if (!finished) {
    sections.push(`% Partial: the derivation so far, up to step ${d.shown} of ${d.total}.`);
  }
  for (const key of ['program', 'forward', 'backward', 'gradients'] as const) {
    const lines = d.parts[key];
    if (lines.length === 0) continue;
    sections.push(
      `\\noindent\\textbf{${escapeLatexText(d.headings[key])}}`,
      '\\begin{align*}',
      lines.map((l) => `  ${alignAtRelation(l)}`).join(' \\\\\n'),
      '\\end{align*}',
    );
  }
  if (!finished && d.partialNote !== undefined) {
    sections.push(`\\noindent\\textit{${escapeLatexText(d.partialNote)}}`);
  }
  return `${sections.join('\n')}\n`;
}

/**
 * Puts the alignment mark before a formula's first relation outside braces (` = ` or
 * `\mathrel{+}=`), so the lines of a section line up on it: `q &= x + y = (-2) + 5 = 3`.
 */
export function alignAtRelation(tex: string): string {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && c === ' ') {
      if (tex.startsWith(' = ', i) || tex.startsWith(' \\mathrel{+}=', i)) {
        return `${tex.slice(0, i)} &${tex.slice(i + 1)}`;
      }
    }
  }
  return `&${tex}`;
}

/** Text for LaTeX's text mode: its ten special characters escaped. */
export function escapeLatexText(text: string): string {
  return text.replace(/[\\{}#$%&^_~]/g, (c) => LATEX_ESCAPES[c]);
}

const LATEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '~': '\\textasciitilde{}',
};
