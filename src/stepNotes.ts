import type { ExampleId } from './examples';
import type { UiKey } from './i18n/en';

/**
 * The seed notes' own labels on the steps of their matrix examples (issue 15, point 7): seed
 * 002's B1–B7 in its notation (μ, a⁽ᴸ⁾, z⁽ˡ⁾, W⁽ˡ⁾), seed 000's six vectorized formulas (dZ2 …
 * db1). Data attached to the example by id, matched to a step by the node it is about (by the
 * name the program gives it), never by the text of a generated formula. Loaded with the chain-rule
 * panel's tensor notes, not with the first screen.
 */
export interface StepNote {
  /**
   * The node, by its name in the program. `backward`: the step that completes its gradient (its
   * last share, at a fork); `forward`: the step that computes its value.
   */
  readonly node: string;
  readonly phase: 'forward' | 'backward';
  /** The note's label for the step: `B1`, `B5 · B7`, `dZ2`. */
  readonly label: string;
  /** The note's formula in its own notation, in LaTeX and in plain text (screen readers). */
  readonly tex: string;
  readonly text: string;
  /** What the step has to do with the formula, in words (both i18n tables; `{m}`, `{n}` slots). */
  readonly key: UiKey;
  /** Numbers worked out from the run, beside the formula (see src/view/tensor/stepNoteWork.ts). */
  readonly work?: StepWork;
}

/** Worked numbers, each kind computed from the analysis's values (never typed in here). */
export type StepWork =
  /** B2: the d×d softmax Jacobian ∂μ_j/∂a_j = diag(μ_j) − μ_jᵀμ_j of one row j. */
  | { readonly kind: 'softmaxJacobian'; readonly mu: string }
  /** B3: the row ∂ℓ/∂μ_j times that Jacobian, and μ_j − y_j, which it equals. */
  | { readonly kind: 'softmaxProduct'; readonly mu: string; readonly y: string }
  /** Seed 000's dZ2 = A − Y, and ∂L/∂Z = (A − Y)/m, m the examples (columns) the mean runs over. */
  | { readonly kind: 'meanError'; readonly out: string; readonly y: string };

/** Where the two seeds come from, as the panel names them. */
export const NOTE_SOURCE: Partial<Record<ExampleId, UiKey>> = {
  softmaxNet: 'stepNotes.seed002',
  vectorized: 'stepNotes.seed000',
};

const dl = (of: string) => `\\frac{\\partial \\ell}{\\partial ${of}}`;

export const STEP_NOTES: Partial<Record<ExampleId, readonly StepNote[]>> = {
  softmaxNet: [
    {
      node: 'z1',
      phase: 'forward',
      label: 'z⁽¹⁾',
      tex: 'z^{(1)} = a^{(0)} W^{(1)} \\in \\mathbb{R}^{N \\times d^{(1)}}, \\quad a^{(0)} = x',
      text: 'z⁽¹⁾ = a⁽⁰⁾ W⁽¹⁾ ∈ ℝ^(N×d⁽¹⁾), a⁽⁰⁾ = x',
      key: 'stepNotes.notation',
    },
    {
      node: 'a1',
      phase: 'forward',
      label: 'a⁽¹⁾',
      tex: 'a^{(1)} = f(z^{(1)}), \\quad f = \\sigma',
      text: 'a⁽¹⁾ = f(z⁽¹⁾), f = σ',
      key: 'stepNotes.notation',
    },
    {
      node: 'a2',
      phase: 'forward',
      label: 'a⁽ᴸ⁾',
      tex: 'a^{(L)} = z^{(2)} = a^{(1)} W^{(2)}, \\quad L = 2',
      text: 'a⁽ᴸ⁾ = z⁽²⁾ = a⁽¹⁾ W⁽²⁾, L = 2',
      key: 'stepNotes.lastLayer',
    },
    {
      node: 'mu',
      phase: 'forward',
      label: 'μ',
      tex: '\\mu = \\mathcal{S}(a^{(L)}), \\quad \\mu_{jk} = \\frac{e^{a^{(L)}_{jk}}}{\\sum_{i} e^{a^{(L)}_{ji}}}',
      text: 'μ = S(a⁽ᴸ⁾), μ_jk = e^(a_jk) / Σ_i e^(a_ji)',
      key: 'stepNotes.notation',
    },
    {
      node: 'L',
      phase: 'forward',
      label: 'ℓ',
      tex: '\\ell = -\\sum_{j=1}^{N} \\log(\\mu_j)\\, y_j^{\\top}',
      text: 'ℓ = −Σ_j log(μ_j) y_jᵀ',
      key: 'stepNotes.notation',
    },
    {
      node: 'mu',
      phase: 'backward',
      label: 'B1',
      tex: `${dl('\\mu_{jk}')} = -\\frac{y_{jk}}{\\mu_{jk}}, \\quad ${dl('\\mu')} = -\\frac{y}{\\mu} \\in \\mathbb{R}^{N \\times d^{(L)}}`,
      text: '∂ℓ/∂μ_jk = −y_jk/μ_jk, ∂ℓ/∂μ = −y/μ ∈ ℝ^(N×d⁽ᴸ⁾)',
      key: 'stepNotes.b1',
    },
    {
      node: 'a2',
      phase: 'backward',
      label: 'B2',
      tex: '\\frac{\\partial \\mu_{jk}}{\\partial a^{(L)}_{ji}} = \\mu_{ji}\\,(\\mathbb{I}(i = k) - \\mu_{jk}), \\quad \\frac{\\partial \\mu_j}{\\partial a^{(L)}_j} \\in \\mathbb{R}^{d^{(L)} \\times d^{(L)}}',
      text: '∂μ_jk/∂a_ji = μ_ji (𝕀(i = k) − μ_jk), ∂μ_j/∂a_j ∈ ℝ^(d⁽ᴸ⁾×d⁽ᴸ⁾)',
      key: 'stepNotes.b2',
      work: { kind: 'softmaxJacobian', mu: 'mu' },
    },
    {
      node: 'a2',
      phase: 'backward',
      label: 'B3',
      tex: `${dl('a^{(L)}_j')} = ${dl('\\mu_j')} \\frac{\\partial \\mu_j}{\\partial a^{(L)}_j} = \\mu_j - y_j`,
      text: '∂ℓ/∂a_j = ∂ℓ/∂μ_j · ∂μ_j/∂a_j = μ_j − y_j',
      key: 'stepNotes.b3',
      work: { kind: 'softmaxProduct', mu: 'mu', y: 'Y' },
    },
    {
      node: 'a1',
      phase: 'backward',
      label: 'B6 · B7',
      tex: `\\frac{\\partial z^{(2)}}{\\partial a^{(1)}} = W^{(2)}, \\quad ${dl('a^{(1)}')} = ${dl('z^{(2)}')}\\, {W^{(2)}}^{\\top}`,
      text: '∂z⁽²⁾/∂a⁽¹⁾ = W⁽²⁾, ∂ℓ/∂a⁽¹⁾ = ∂ℓ/∂z⁽²⁾ W⁽²⁾ᵀ',
      key: 'stepNotes.b6',
    },
    {
      node: 'W2',
      phase: 'backward',
      label: 'B5 · B7',
      tex: `\\frac{\\partial z^{(2)}}{\\partial W^{(2)}} = a^{(1)}, \\quad ${dl('W^{(2)}')} = {a^{(1)}}^{\\top} ${dl('z^{(2)}')}`,
      text: '∂z⁽²⁾/∂W⁽²⁾ = a⁽¹⁾, ∂ℓ/∂W⁽²⁾ = a⁽¹⁾ᵀ ∂ℓ/∂z⁽²⁾',
      key: 'stepNotes.b5',
    },
    {
      node: 'z1',
      phase: 'backward',
      label: 'B4 · B7',
      tex: `${dl('z^{(1)}')} = ${dl('a^{(1)}')} \\odot f'(z^{(1)}), \\quad f'(z) = \\sigma(z)\\,(1 - \\sigma(z))`,
      text: '∂ℓ/∂z⁽¹⁾ = ∂ℓ/∂a⁽¹⁾ ⊙ f′(z⁽¹⁾), f′(z) = σ(z)(1 − σ(z))',
      key: 'stepNotes.b4',
    },
    {
      node: 'X',
      phase: 'backward',
      label: 'B6 · B7',
      tex: `\\frac{\\partial z^{(1)}}{\\partial a^{(0)}} = W^{(1)}, \\quad ${dl('a^{(0)}')} = ${dl('z^{(1)}')}\\, {W^{(1)}}^{\\top}`,
      text: '∂z⁽¹⁾/∂a⁽⁰⁾ = W⁽¹⁾, ∂ℓ/∂a⁽⁰⁾ = ∂ℓ/∂z⁽¹⁾ W⁽¹⁾ᵀ',
      key: 'stepNotes.b6input',
    },
    {
      node: 'W1',
      phase: 'backward',
      label: 'B5 · B7',
      tex: `\\frac{\\partial z^{(1)}}{\\partial W^{(1)}} = a^{(0)}, \\quad ${dl('W^{(1)}')} = {a^{(0)}}^{\\top} ${dl('z^{(1)}')}`,
      text: '∂z⁽¹⁾/∂W⁽¹⁾ = a⁽⁰⁾, ∂ℓ/∂W⁽¹⁾ = a⁽⁰⁾ᵀ ∂ℓ/∂z⁽¹⁾',
      key: 'stepNotes.b5first',
    },
  ],
  vectorized: [
    {
      node: 'Z2',
      phase: 'backward',
      label: 'dZ2',
      tex: 'dZ^{[2]} = A^{[2]} - Y',
      text: 'dZ2 = A2 − Y',
      key: 'stepNotes.dZ2',
      work: { kind: 'meanError', out: 'A2', y: 'Y' },
    },
    {
      node: 'b2',
      phase: 'backward',
      label: 'db2',
      tex: 'db^{[2]} = \\tfrac{1}{m} \\textstyle\\sum_{\\text{axis}=1} dZ^{[2]}',
      text: 'db2 = (1/m) Σ dZ2 (axis = 1)',
      key: 'stepNotes.db',
    },
    {
      node: 'W2',
      phase: 'backward',
      label: 'dW2',
      tex: 'dW^{[2]} = \\tfrac{1}{m}\\, dZ^{[2]} {A^{[1]}}^{\\top}',
      text: 'dW2 = (1/m) dZ2 A1ᵀ',
      key: 'stepNotes.dW2',
    },
    {
      node: 'A1',
      phase: 'backward',
      label: 'dZ1 (1)',
      tex: '{W^{[2]}}^{\\top} dZ^{[2]}',
      text: 'W2ᵀ dZ2',
      key: 'stepNotes.dZ1first',
    },
    {
      node: 'Z1',
      phase: 'backward',
      label: 'dZ1',
      tex: "dZ^{[1]} = {W^{[2]}}^{\\top} dZ^{[2]} \\odot g'(Z^{[1]}), \\quad g'(Z^{[1]}) = A^{[1]} \\odot (1 - A^{[1]})",
      text: 'dZ1 = W2ᵀ dZ2 ⊙ g′(Z1), g′(Z1) = A1 ⊙ (1 − A1)',
      key: 'stepNotes.dZ1',
    },
    {
      node: 'b1',
      phase: 'backward',
      label: 'db1',
      tex: 'db^{[1]} = \\tfrac{1}{m} \\textstyle\\sum_{\\text{axis}=1} dZ^{[1]}',
      text: 'db1 = (1/m) Σ dZ1 (axis = 1)',
      key: 'stepNotes.db',
    },
    {
      node: 'W1',
      phase: 'backward',
      label: 'dW1',
      tex: 'dW^{[1]} = \\tfrac{1}{m}\\, dZ^{[1]} X^{\\top}',
      text: 'dW1 = (1/m) dZ1 Xᵀ',
      key: 'stepNotes.dW1',
    },
  ],
};
