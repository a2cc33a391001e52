import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/engine';
import { runCli } from '../src/cli';

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

  it('points to the generated lists, which exist', () => {
    expect(line).toContain('npm run --silent grad -- --functions');
    expect(line).toContain('**Syntax help**');
    expect(runCli(['--functions']).stdout.split('\n').length).toBeGreaterThan(FUNCTIONS.size / 2);
  });
});
