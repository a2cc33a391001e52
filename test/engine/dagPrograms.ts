import fc from 'fast-check';
import { SMOOTH_BINARY_OPS, SMOOTH_UNARY_OPS } from './registryPrograms';

/**
 * Small random DAG programs with heavy sharing: each statement `h{i}` applies one op to two
 * earlier names (inputs or intermediates), so values fan out and paths multiply. Only smooth
 * ops whose values stay moderate, so sums of products can be compared with a relative tolerance.
 */
export interface DagProgram {
  source: string;
  values: Record<string, number>;
  inputs: readonly string[];
}

const INPUTS = ['x', 'y', 'z'];
const OPS: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `${a} + ${b}`,
  (a, b) => `${a} - ${b}`,
  (a, b) => `${a} * ${b}`,
  (a) => `sin(${a})`,
  (a) => `tanh(${a})`,
  (a, b) => `${a} * ${a} + ${b}`,
  (a, b) => `sigmoid(${a} - ${b})`,
  (a, b) => `${a} / (1.5 + cos(${b}))`,
  // Every smooth op of the registry, so a new op is in these programs too.
  ...SMOOTH_UNARY_OPS.map((f) => (a: string) => f(a)),
  ...SMOOTH_BINARY_OPS,
];

export const dagProgram: fc.Arbitrary<DagProgram> = fc
  .record({
    statements: fc.array(fc.tuple(fc.nat(OPS.length - 1), fc.nat(), fc.nat()), {
      minLength: 1,
      maxLength: 7,
    }),
    values: fc.tuple(...INPUTS.map(() => fc.integer({ min: -150, max: 150 }).map((k) => k / 100))),
  })
  .map(({ statements, values }) => {
    const names = [...INPUTS];
    const lines = statements.map(([op, p, q], i) => {
      const name = `h${i}`;
      // Prefer recent names so the graph is deep as well as wide.
      const pick = (k: number) => names[names.length - 1 - (k % Math.min(names.length, 4))];
      const line = `${name} = ${OPS[op](pick(p), pick(q))}`;
      names.push(name);
      return line;
    });
    return {
      source: lines.join('\n'),
      values: Object.fromEntries(INPUTS.map((n, k) => [n, values[k]])),
      inputs: INPUTS,
    };
  });

/** |a − b| within `rel` of the larger magnitude (or `abs` near 0). */
export function close(a: number, b: number, rel = 1e-9, abs = 1e-12): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}
