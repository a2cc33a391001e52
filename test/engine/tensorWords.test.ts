import { describe, expect, it } from 'vitest';
import { OPS } from '../../src/engine';
import { CALLS, CREATORS, TENSOR_OPS } from '../../src/engine/tensor/ops';
import { TENSOR_CALLS, TENSOR_WORDS } from '../../src/engine/tensor/words';

/** The syntax card and `grad --functions` list the tensor registry: none of it may be missing. */
describe('the tensor registry’s words', () => {
  const tensorOnly = Object.keys(TENSOR_OPS).filter((op) => !Object.hasOwn(OPS, op));

  it('lists every tensor-only op and every creator, each with words in both languages', () => {
    expect(TENSOR_CALLS.map((c) => c.op).sort()).toEqual([...tensorOnly, ...CREATORS].sort());
    for (const op of [...tensorOnly, ...CREATORS]) {
      expect(TENSOR_WORDS[op]?.en.trim(), op).toBeTruthy();
      expect(TENSOR_WORDS[op]?.vi.trim(), op).toBeTruthy();
    }
  });

  it('lists every call name of a tensor-only op', () => {
    for (const [name, { op }] of CALLS) {
      if (!tensorOnly.includes(op)) continue;
      const line = TENSOR_CALLS.find((c) => c.op === op)!;
      expect(line.calls, name).toContain(`${name}(`);
    }
  });
});
