import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';
import { CS231N } from './fixtures/cs231n';

/**
 * What `grad` printed before it read hand-written gradients (captured from the commit before,
 * the examples and look-alike programs such as a forward `dx`): a program without gradient
 * lines must print exactly that, byte for byte.
 */
const BEFORE = JSON.parse(
  readFileSync(new URL('./fixtures/cli-before-backward-pass.json', import.meta.url), 'utf8'),
) as { program: string; args?: string[]; stdout: string }[];

describe('grad CLI with a hand-written backward pass', () => {
  it("prints cs231n's output and gradients as for f, and each line checked in source order", () => {
    const r = runCli([CS231N]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{"output":-12,"gradients":{"x":-4,"y":-4,"z":3},"backward":[' +
        '{"name":"dfdz","of":"f","wrt":"z","value":3,"expected":3,"ok":true},' +
        '{"name":"dfdq","of":"f","wrt":"q","value":-4,"expected":-4,"ok":true},' +
        '{"name":"dfdx","of":"f","wrt":"x","value":-4,"expected":-4,"ok":true},' +
        '{"name":"dfdy","of":"f","wrt":"y","value":-4,"expected":-4,"ok":true}]}\n',
    );
  });

  it('marks a wrong line, a list and an ambiguous reading', () => {
    const wrong = JSON.parse(runCli([CS231N.replace('dfdx = 1.0 * dfdq', 'dfdx = 1.0')]).stdout);
    expect(wrong.backward[2]).toEqual({
      name: 'dfdx',
      of: 'f',
      wrt: 'x',
      value: 1,
      expected: -4,
      ok: false,
    });
    const r = runCli(['x = 3; w = 2\nf = x * w\ndw = [x, 2]\ndx = w']);
    expect(JSON.parse(r.stdout).backward).toEqual([
      {
        name: 'dw',
        of: 'f',
        wrt: 'w',
        message: 'a list: checked element by element once tensor values exist',
      },
      {
        name: 'dx',
        of: 'f',
        wrt: 'x',
        value: 2,
        expected: 2,
        ok: true,
        reading: 'read as ∂f/∂x; it could also be forward code (dx = … as a value)',
      },
    ]);
  });

  it('applies name=value to the forward program the gradients are checked against', () => {
    const r = JSON.parse(runCli(['f = (x + y) * z\ndz = x + y', 'x=-2', 'y=5', 'z=-4']).stdout);
    expect(r).toEqual({
      output: -12,
      gradients: { x: -4, y: -4, z: 3 },
      backward: [
        {
          name: 'dz',
          of: 'f',
          wrt: 'z',
          value: 3,
          expected: 3,
          ok: true,
          reading: 'read as ∂f/∂z; it could also be forward code (dz = … as a value)',
        },
      ],
    });
  });

  it('prints a program without hand-written gradients exactly as before', () => {
    expect(BEFORE.length).toBeGreaterThan(10);
    for (const { program, args = [], stdout } of BEFORE) {
      expect(runCli([program, ...args]).stdout, program).toBe(stdout);
    }
  });
});
