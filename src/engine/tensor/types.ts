/**
 * Tensor values: how the engine holds vectors and matrices.
 *
 * A tensor is a shape and its numbers in row-major order, in a `Float64Array` that is usually a
 * view (`subarray`) into one buffer shared by every node of a run: the graph gives each node an
 * offset into that buffer and a shape, so a run of a network costs two typed arrays (values and
 * gradients), never an object per element.
 *
 * Shapes: `[]` a scalar (one number), `[n]` a vector of n, `[m, n]` an m×n matrix (m rows of n).
 * Rank 3 and above is not supported. A vector meets a matrix as numpy has it: broadcast as a
 * 1×n row, and `@` treats it as a row on the left and a column on the right.
 *
 * Gradients have the shape of the value they belong to: `gradients.W` of a 3×4 `W` is a 3×4 tensor.
 * `analyze(source, values)` (engine/analysis.ts) returns them so: `Analysis.gradients` is a
 * `Record<string, Value>`, a number for each scalar input and a `Tensor` for each tensor input;
 * scalar code reads numbers through `scalarGradient` or after `isScalarAnalysis`.
 */
export type Shape = readonly number[];

export interface Tensor {
  readonly shape: Shape;
  /** The entries, row-major: entry (i, j) of an m×n matrix is `data[i * n + j]`. */
  readonly data: Float64Array;
}

/** What a program's value or gradient is: a number for a scalar, a `Tensor` otherwise. */
export type Value = number | Tensor;

/** A value a caller may give for an input: a number, a tensor, or nested arrays (JSON). */
export type ValueInput = number | Tensor | readonly number[] | readonly (readonly number[])[];

export const isTensor = (v: unknown): v is Tensor =>
  typeof v === 'object' && v !== null && 'shape' in v && 'data' in v;

export const sizeOf = (shape: Shape): number => {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
};

/** A shape as a reader writes it: `4×3` for a matrix, `3` for a vector, `scalar` for a number. */
export function shapeText(shape: Shape): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}

/** A tensor as nested arrays of exactly its shape (an m×1 matrix is `[[a], [b]]`). */
export function toNested(t: Tensor): number | number[] | number[][] {
  const { shape, data } = t;
  if (shape.length === 0) return data[0];
  if (shape.length === 1) return Array.from(data);
  const [m, n] = shape;
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) rows.push(Array.from(data.subarray(i * n, (i + 1) * n)));
  return rows;
}

/** A value as plain JSON-able numbers and nested arrays. */
export const valueToJSON = (v: Value): number | number[] | number[][] =>
  typeof v === 'number' ? v : toNested(v);

/**
 * Nested arrays (or a tensor, or a number) as a tensor, or a reason it is not one. Rows must be of
 * one length, entries finite-or-not numbers, rank at most 2, and no dimension empty.
 */
export function fromNested(v: unknown): Tensor | string {
  if (isTensor(v)) return v;
  if (typeof v === 'number') return { shape: [], data: Float64Array.of(v) };
  if (!Array.isArray(v)) return 'expected a number or nested arrays of numbers';
  if (v.length === 0) return 'an empty [] has no shape';
  if (v.every((e) => typeof e === 'number'))
    return { shape: [v.length], data: Float64Array.from(v) };
  if (!v.every(Array.isArray)) return 'every entry must be a number, or every entry a row';
  const rows = v as unknown[][];
  const n = rows[0].length;
  if (n === 0) return 'an empty [] has no shape';
  const data = new Float64Array(rows.length * n);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== n) return `row ${i + 1} has ${row.length} entries, row 1 has ${n}`;
    for (let j = 0; j < n; j++) {
      const e = row[j];
      if (Array.isArray(e))
        return 'only vectors and matrices: three levels of brackets are too many';
      if (typeof e !== 'number') return 'every entry must be a number';
      data[i * n + j] = e;
    }
  }
  return { shape: [rows.length, n], data };
}
