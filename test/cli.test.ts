import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, TENSOR_HEADING } from '../src/cli';
import { FUNCTION_NAMES, OP_LIST } from '../src/engine';
import { OP_WORDS } from '../src/engine/opWords';
import { TENSOR_CALLS, TENSOR_WORDS } from '../src/engine/tensor/words';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('grad CLI', () => {
  it("prints cs231n's output and gradients as JSON", () => {
    const r = runCli(['(x+y)*z', 'x=-2', 'y=5', 'z=-4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"output":-12,"gradients":{"x":-4,"y":-4,"z":3}}\n');
    expect(JSON.parse(r.stdout)).toEqual({ output: -12, gradients: { x: -4, y: -4, z: 3 } });
  });

  it('uses declared values and the default 1, and lets name=value override them', () => {
    expect(JSON.parse(runCli(['x = -2; x*y']).stdout)).toEqual({
      output: -2,
      gradients: { x: 1, y: -2 },
    });
    expect(JSON.parse(runCli(['x = -2; x*y', 'x=3', 'y=0.5']).stdout)).toEqual({
      output: 1.5,
      gradients: { x: 0.5, y: 3 },
    });
    expect(JSON.parse(runCli(['x*y', 'x=1e3', 'y=-.5']).stdout).output).toBe(-500);
  });

  it('accepts any input name as a key, __proto__ included', () => {
    const r = runCli(['__proto__ * 2', '__proto__=3']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse('{"output":6,"gradients":{"__proto__":2}}'));
  });

  it('takes names with diacritics, in the program and as name=value', () => {
    const r = runCli(['tốc_độ = 2; f = tốc_độ * tốc_độ']);
    expect(r.stdout).toBe('{"output":4,"gradients":{"tốc_độ":4}}\n');
    expect(runCli(['f = tốc_độ * tốc_độ', 'tốc_độ=3']).stdout).toBe(
      '{"output":9,"gradients":{"tốc_độ":6}}\n',
    );
    expect(runCli(['f = x * 2', '2x=3']).code).toBe(2);
  });

  it('answers a decimal comma with the point to write, a caret under the comma', () => {
    const r = runCli(['x = 0,5; f = x * x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error at column 6: Decimals are written with a point, not a comma: write `0.5`, not `0,5`.\n' +
        '  x = 0,5; f = x * x\n' +
        '       ^\n',
    );
    expect(JSON.parse(runCli(['f = max(0,5)']).stdout).output).toBe(5);
  });

  it('reads the program from stdin with -', () => {
    const r = runCli(['-', 'b=1'], 'a = 2\ne = (a+b)*(b+1)\n');
    expect(JSON.parse(r.stdout)).toEqual({ output: 6, gradients: { a: 2, b: 5 } });
  });

  it('adds the steps in readable text with --steps', () => {
    const r = runCli(['(x+y)*z', 'x=-2', 'y=5', 'z=-4', '--steps']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { output: number; steps: string[] };
    expect(out.output).toBe(-12);
    expect(out.steps).toHaveLength(11);
    expect(out.steps[2]).toBe(' 3 forward  a₁ = x + y = (-2) + 5 = 3');
    expect(out.steps[6]).toBe(' 7 backward ∂f/∂f = 1');
    expect(out.steps[9]).toBe('10 backward ∂f/∂x = ∂f/∂a₁ · ∂a₁/∂x = (-4) · 1 = -4');

    const fork = JSON.parse(runCli(['e=(a+b)*(b+1)', 'a=2', 'b=1', '--steps']).stdout) as {
      steps: string[];
    };
    expect(fork.steps.at(-1)).toBe(
      '15 backward ∂e/∂b += ∂e/∂a₂ · ∂a₂/∂b = 3 · 1 = 3   (∂e/∂b = 2 + 3 = 5)',
    );
  });

  it('reports NaN, infinities and notes without breaking the JSON', () => {
    const r = runCli(['log(x) + 1/y', 'x=-1', 'y=0']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      output: unknown;
      gradients: Record<string, unknown>;
      notes: { node: string; note: string; message: string }[];
    };
    expect(out.output).toBe('NaN');
    expect(out.gradients).toEqual({ x: 'NaN', y: '-Infinity' });
    expect(out.notes.map((n) => [n.node, n.note])).toEqual([
      ['a₁', 'domain'],
      ['a₂', 'domain'],
    ]);
    expect(out.notes[0].message).toContain('log of a negative number');
  });

  it('exits 1 with the message and a caret under the problem', () => {
    const r = runCli(['(x+y)*sigmod(z)']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(
      // The list is the registry's function names, one-argument functions first.
      'error at column 7: `sigmod` is not a function I know: did you mean `sigmoid`? The functions are ' +
        `${FUNCTION_NAMES.join(', ')}.`,
    );
    expect(lines[1]).toBe('  (x+y)*sigmod(z)');
    expect(lines[2]).toBe('        ^^^^^^');
    expect(lines[2].indexOf('^') - 2).toBe(6);
  });

  it('gives the line and column in a program of several lines', () => {
    const r = runCli(['a = 1\nb = (a +\n 2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error at line 2, column 5: Expected `)` to close the `(` at line 2, column 5.\n' +
        '  b = (a +\n' +
        '      ^\n',
    );
  });

  it('lists every function of the op registry with --functions, one a line', () => {
    const r = runCli(['--functions']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^exp\(x\) +exponential eˣ$/m);
    expect(r.stdout).toMatch(/^log\(x\), ln\(x\) +natural logarithm$/m);
    expect(r.stdout).toMatch(/^max\(a, b\) +the larger of a and b$/m);
    const [scalarBlock, tensorBlock] = r.stdout.trimEnd().split('\n\n');
    const lines = scalarBlock.split('\n');
    const functions = OP_LIST.filter((op) => op.callNames?.length);
    expect(lines).toHaveLength(functions.length);
    for (const op of functions) {
      const call = `${op.callNames![0]}(${op.arity === 2 ? 'a, b' : 'x'})`;
      const line = lines.find((l) => l.startsWith(call));
      expect(line, call).toBeDefined();
      expect(line!.endsWith(`  ${OP_WORDS[op.name].en}`)).toBe(true);
    }
    expect(FUNCTION_NAMES.every((f) => r.stdout.includes(`${f}(`))).toBe(true);
    // Then the tensor registry's own ops and the creators, one a line, and the numpy spellings.
    const tensorLines = tensorBlock.split('\n');
    expect(tensorLines[0]).toBe(TENSOR_HEADING);
    expect(tensorLines.slice(1, -1)).toHaveLength(TENSOR_CALLS.length);
    for (const { op, calls } of TENSOR_CALLS) {
      expect(tensorBlock).toContain(`${calls}`);
      expect(tensorBlock).toContain(`  ${TENSOR_WORDS[op].en}\n`);
    }
    expect(tensorBlock).toMatch(
      /^A @ B, A\.dot\(B\), dot\(A, B\), matmul\(A, B\) +matrix product/m,
    );
    expect(tensorBlock).toMatch(/^A\.T, transpose\(A\) +transpose/m);
    expect(tensorBlock).toMatch(/^sum\(A\), sum\(A, axis\) +sum of every entry/m);
    expect(tensorBlock).toMatch(/^randn\(m, n\), randn\(n\) +an input of standard-normal/m);
    expect(tensorLines.at(-1)).toMatch(/^numpy spellings: np\.dot\(A, B\), np\.exp,/);
  });

  it('exits 2 for a malformed command line', () => {
    for (const args of [
      ['(x+y)*z', 'x=abc'],
      ['(x+y)*z', 'x='],
      ['(x+y)*z', 'x'],
      ['(x+y)*z', '1x=2'],
      ['(x+y)*z', '--nope'],
      [],
    ]) {
      const r = runCli(args);
      expect(r.code, JSON.stringify(args)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage: grad');
    }
    expect(runCli(['x', 'x=abc']).stderr).toContain('expected name=number, got "x=abc"');
  });

  it('runs end to end as `npx tsx src/cli.ts`', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli.ts', '(x+y)*z', 'x=-2', 'y=5', 'z=-4'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ output: -12, gradients: { x: -4, y: -4, z: 3 } });
  }, 60_000);
});
