import type { Program, Statement } from './ast';
import type { Span } from './errors';

/* The types of a hand-written backward pass (`backwardPass.ts` reads one, `backwardCheck.ts`
   checks it), apart from the code, which loads only when a program needs it. */

/** `full`: `dfdx` (∂f/∂x); `short`: cs231n's `dx` (∂out/∂x); `grad`: `grad_x` (∂out/∂x). */
export type GradientForm = 'full' | 'short' | 'grad';

/** One way to read a gradient's name. */
export interface GradientReading {
  /** Names the reading in a choice (`full:f:x`, `short:x`): what `Reading` maps a name to. */
  readonly key: string;
  readonly form: GradientForm;
  /** The quantity differentiated; null for the program's output (the `dx` and `grad_x` forms). */
  readonly of: string | null;
  /** The quantity it is differentiated with respect to. */
  readonly wrt: string;
}

/** A statement read as a hand-written gradient. */
export interface HandWrittenGradient extends GradientReading {
  /** The name it assigns: `dfdz`. */
  readonly name: string;
  /** The statement, from its name to its last token. */
  readonly span: Span;
  /** 1-based line of its first character. */
  readonly line: number;
  /**
   * A list such as cs231n's `dw = [x[0] * ddot, x[1] * ddot, 1.0 * ddot]`: it is recognised, but
   * checked only once tensor values exist.
   */
  readonly list: boolean;
  /** `dfdx =` with nothing after it yet: a line of the practice exercise still to be written. */
  readonly blank: boolean;
  /** `dx += e` (cs231n's staged code): adds e to what `dx` holds so far (0 before its first line). */
  readonly accumulate: boolean;
  /** Names this statement reads (none for a list). */
  readonly reads: readonly string[];
  /**
   * Where the reading is ambiguous, the other ways to read the line: other gradients its name
   * reads as, and `'forward'` for a last line in the `dx` or `grad_x` form, which could as well
   * be a forward value (then the output). Empty where the reading is clear.
   */
  readonly alternatives: readonly (GradientReading | 'forward')[];
  /** The reading was chosen by the person (see `Reading`), not by the rule. */
  readonly chosen: boolean;
}

/**
 * The person's choices where the reading is ambiguous: a statement's name mapped to `'forward'`
 * (read it as forward code) or to the `key` of a gradient reading.
 */
export type Reading = Readonly<Record<string, string>>;

export interface BackwardPass {
  /** The hand-written gradients, in source order. */
  readonly gradients: readonly HandWrittenGradient[];
  /** Statements the person chose to read as forward code, which the rule reads as gradients. */
  readonly keptForward: readonly {
    readonly name: string;
    readonly span: Span;
    readonly line: number;
  }[];
  /** The whole program (lists blanked out), to evaluate the gradients with the program's values. */
  readonly program: Program;
  /** The forward program's statements, in order (the last is the output). */
  readonly forwardStatements: readonly Statement[];
  /** Every name the forward program defines or reads. */
  readonly forwardNames: ReadonlySet<string>;
}

export interface ReadProgram {
  /** The forward program: what the graph, the trace and every gradient are about. */
  readonly forward: Program;
  /** Present when the program holds hand-written gradients (or a choice kept one forward). */
  readonly pass?: BackwardPass;
}
