import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('grad CLI on tensor programs', () => {
  it("prints the issue's example: nested arrays of each value's exact shape", () => {
    const r = runCli(['L = sum(X @ W)', 'X=[[1,2],[3,4]]', 'W=[[0.5],[-1]]']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"output":-4,"gradients":{"X":[[0.5,-1],[0.5,-1]],"W":[[4],[6]]}}\n');
  });

  it('writes a tensor output as nested arrays, an m×1 matrix as [[a],[b]], and says what the gradients are of', () => {
    const r = runCli(['X @ W', 'X=[[1,2],[3,4]]', 'W=[[0.5],[-1]]']);
    const out = JSON.parse(r.stdout);
    expect(out.output).toEqual([[-1.5], [-2.5]]);
    expect(out.gradients.W).toEqual([[4], [6]]);
    expect(out.gradientsOf).toBe("the sum of the output's entries");
    // A vector stays a flat array.
    expect(JSON.parse(runCli(['v * 2', 'v=[1,2,3]']).stdout).gradients.v).toEqual([2, 2, 2]);
  });

  it('gives every input its own shape, scalars as numbers', () => {
    const r = runCli(['s = 2; b = [1, 1]; L = sum(s * (X @ b))', 'X=[[1,2],[3,4],[5,6]]']);
    const out = JSON.parse(r.stdout);
    expect(out.gradients.s).toBe(21);
    expect(out.gradients.b).toEqual([18, 24]);
    expect(out.gradients.X).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
  });

  it('lists notes on tensor values as it does for scalars', () => {
    const out = JSON.parse(runCli(['L = sum(log(X))', 'X=[[1,-2],[3,4]]']).stdout);
    expect(out.output).toBe('NaN');
    expect(out.gradients.X).toEqual([
      [1, 'NaN'],
      [1 / 3, 0.25],
    ]);
    expect(out.notes).toEqual([
      { node: 'a₁', note: 'domain', message: 'log of a negative number is undefined here.' },
    ]);
  });

  it('exits 2 for a malformed tensor value, with a message', () => {
    for (const v of ['X=[[1,2],[3]]', 'X=[1,', 'X=[]', 'X=[[[1]]]', 'X=["a"]']) {
      const r = runCli(['sum(X)', v]);
      expect(r.code, v).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^expected X=\[…\] nested arrays of numbers/);
    }
  });

  it('exits 1 with the message and a caret for a shape error', () => {
    const r = runCli(['L = sum(X @ W)', 'X=[[1,2],[3,4]]', 'W=[[1,2],[3,4],[5,6]]']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error at column 11: `@` needs the columns of X (2×2) to match the rows of W (3×2).\n' +
        '  L = sum(X @ W)\n' +
        '            ^\n',
    );
  });

  it('exits 1 with a caret under a ragged literal', () => {
    const r = runCli(['X = [[1, 2], [3]]\nsum(X)']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 2 has 1, row 1 has 2');
    expect(r.stderr).toContain('\n               ^^^\n');
  });

  it('seeds randn with --seed, and lists tensor steps with shapes', () => {
    const a = runCli(['W = randn(2, 2); sum(W)']);
    const b = runCli(['W = randn(2, 2); sum(W)', '--seed=0']);
    const c = runCli(['W = randn(2, 2); sum(W)', '--seed=5']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const steps = JSON.parse(
      runCli(['L = sum(X @ W)', 'X=[[1,2],[3,4]]', 'W=[[0.5],[-1]]', '--steps']).stdout,
    ).steps;
    expect(steps).toContain('5 backward ∂L/∂X = ∂L/∂a₁ · Wᵀ   [2×2 = 2×1 · 1×2]');
  });

  it('leaves scalar output byte for byte as it was', () => {
    // The strings the command printed before tensors existed.
    expect(runCli(['(x+y)*z', 'x=-2', 'y=5', 'z=-4']).stdout).toBe(
      '{"output":-12,"gradients":{"x":-4,"y":-4,"z":3}}\n',
    );
    expect(runCli(['x = -1; f = log(x)']).stdout).toBe(
      '{"output":"NaN","gradients":{"x":"NaN"},"notes":[{"node":"f","note":"domain","message":"log of a negative number is undefined here."}]}\n',
    );
    const bad = runCli(['x*y', 'x=abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('expected name=number, got "x=abc"');
    const unread = runCli(['(x+y']);
    expect(unread.code).toBe(1);
    expect(unread.stderr).toBe(
      'error at column 1: Expected `)` to close the `(` at column 1.\n  (x+y\n  ^\n',
    );
  });

  it('runs as npm run grad with the format of the issue', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src/cli.ts', 'L = sum(X @ W)', 'X=[[1,2],[3,4]]', 'W=[[0.5],[-1]]'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      output: -4,
      gradients: {
        X: [
          [0.5, -1],
          [0.5, -1],
        ],
        W: [[4], [6]],
      },
    });
  });
});

describe('README', () => {
  it("shows the tensor grad example with the command's real output", async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example =
      /\$ npm run --silent grad -- 'L = sum\(X @ W\)' X='([^']+)' W='([^']+)'\n(.+)\n/.exec(readme);
    expect(example).not.toBeNull();
    const [, X, W, printed] = example!;
    expect(runCli(['L = sum(X @ W)', `X=${X}`, `W=${W}`]).stdout).toBe(printed + '\n');
  });
});
