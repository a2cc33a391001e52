import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/engine';
import { runCli } from '../src/cli';
import { TENSOR_CALLS } from '../src/engine/tensor/words';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/**
 * The README names a few functions and points to the lists generated from the op registry,
 * rather than keeping a copy of the list that an added op would leave stale.
 */
describe('README', () => {
  const line = readme.split('\n- ').find((item) => item.startsWith('Functions'));

  it('names only functions the registry knows, with their arity', () => {
    expect(line).toBeDefined();
    const named = [...line!.matchAll(/`([a-z]+)\(([^`]*)\)`/g)];
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const [, name, args] of named) {
      const op = FUNCTIONS.get(name);
      expect(op, `README names ${name}`).toBeDefined();
      expect(args.split(',').length, name).toBe(op!.arity);
    }
  });

  it('names every tensor function and operator of the tensor registry', () => {
    const tensors = readme.split('\n- ').find((item) => item.startsWith('Vectors and matrices'));
    expect(tensors).toBeDefined();
    expect(tensors).toContain('**Syntax help**');
    expect(tensors).toContain('grad --functions');
    for (const { op, calls } of TENSOR_CALLS) {
      // One of its spellings, as written in the list: `A @ B`, `transpose(A)`, `randn(3, 4)`…
      const spellings = calls.split(', ').map((c) => (c.includes('(') ? `${c.split('(')[0]}(` : c));
      expect(
        spellings.some((s) => tensors!.includes(s)),
        `README names ${op} (${calls})`,
      ).toBe(true);
    }
  });

  it('points to the generated lists, which exist', () => {
    expect(line).toContain('npm run --silent grad -- --functions');
    expect(line).toContain('**Syntax help**');
    expect(runCli(['--functions']).stdout.split('\n').length).toBeGreaterThan(FUNCTIONS.size / 2);
  });
});
