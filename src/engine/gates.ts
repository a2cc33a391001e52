import type { Analysis } from './analysis';
import { NodeKind } from './graph';
import { OP_LIST } from './ops';
import { localTex, TEX, TEXT } from './tex';
import type { Step } from './trace';

/**
 * The gate patterns cs231n names (seed 003, "Patterns in backward flow"): what a gate does to the
 * gradient that passes back through it, read off the op registry's `gate` field.
 *
 * - `add`: distributes the upstream gradient unchanged to every input (a minus flips its sign
 *   for the right-hand operand: `sign` says which);
 * - `mul`: swaps the inputs: each operand gets upstream × the *other* operand's value;
 * - `max` / `min`: routes the whole gradient to the winning operand, none to the other;
 * - `unary`: scales it by the gate's local derivative;
 * - `other`: no named pattern (÷, ^, a sign, a named copy).
 */
export type GatePattern =
  | {
      readonly kind: 'add';
      /** +1 for a sum's operands and a difference's left side, −1 for a difference's right. */
      readonly sign: 1 | -1;
      readonly upstream: number;
    }
  | {
      readonly kind: 'mul';
      /** The operand the gradient does not go to: its value is the local derivative. */
      readonly other: number;
      readonly otherValue: number;
      readonly upstream: number;
    }
  | {
      readonly kind: 'max' | 'min';
      /** This operand won (is the larger for max, the smaller for min). */
      readonly routed: boolean;
      /** The operands are equal: the gradient is split in half (the engine's convention). */
      readonly tie: boolean;
      readonly other: number;
      readonly upstream: number;
    }
  | {
      readonly kind: 'unary';
      /** The op's name as the graph draws it: `σ`, `exp`. */
      readonly op: string;
      readonly local: number;
      /** ∂(gate)/∂(operand) written out: `\frac{\partial a}{\partial x} = …`. */
      readonly localTex: string;
      readonly localText: string;
      readonly upstream: number;
    }
  | { readonly kind: 'other' };

/**
 * The pattern of a backward step: the gate the gradient leaves (`step.from`). Undefined for
 * steps that do not pass a gradient back through a gate (forward steps and the seed).
 *
 * @example
 * const a = analyze('x = 4; y = -3\nf = x * y');
 * gatePattern(a, a.steps[a.trace.forwardCount + 1]) // { kind: 'mul', otherValue: -3, … }
 */
export function gatePattern(a: Analysis, step: Step): GatePattern | undefined {
  if (step.kind !== 'backward-edge') return undefined;
  const g = a.compiled;
  const node = step.from;
  if (g.kind[node] !== NodeKind.Op) return { kind: 'other' };
  const spec = OP_LIST[g.op[node]];
  const operand = step.edge - g.inStart[node];
  const otherEdge = g.inStart[node] + (1 - operand);
  const upstream = step.upstream;
  switch (spec.gate) {
    case 'add':
      // An add gate's partials are the constants ±1 (see `OpSpec.gate`): the sign is the slope.
      return { kind: 'add', sign: spec.partial(operand, 0, 0, 0) < 0 ? -1 : 1, upstream };
    case 'mul': {
      const other = g.edgeFrom[otherEdge];
      return { kind: 'mul', other, otherValue: a.value[other], upstream };
    }
    case 'max':
    case 'min': {
      const other = g.edgeFrom[otherEdge];
      const mine = a.value[step.to];
      const theirs = a.value[other];
      const tie = mine === theirs;
      const routed = !tie && (spec.gate === 'max' ? mine > theirs : mine < theirs);
      return { kind: spec.gate, routed, tie, other, upstream };
    }
    case 'unary': {
      const ctx = { graph: g, value: a.value, backward: a.backward };
      return {
        kind: 'unary',
        op: spec.symbol,
        local: step.local,
        localTex: localTex(ctx, step.edge, TEX),
        localText: localTex(ctx, step.edge, TEXT),
        upstream,
      };
    }
    default:
      return { kind: 'other' };
  }
}
