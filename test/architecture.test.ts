import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers' directions and the absence of import cycles are lint rules (eslint.config.js). These
 * tests check that the rules hold for src/ as it is, and that they bite: each probe adds one
 * forbidden import to a real file, in memory, and expects the rule to report it.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const RULES = ['import-x/no-cycle', 'import-x/no-restricted-paths'];
// Only these rules: `npm run lint` runs the rest.
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => RULES.includes(ruleId) });

async function importProblems(file: string, extra = ''): Promise<string[]> {
  const path = `${root}${file}`;
  const [result] = await eslint.lintText(extra + readFileSync(path, 'utf8'), { filePath: path });
  return result.messages
    .filter((m) => m.ruleId !== null && RULES.includes(m.ruleId))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers and import directions', () => {
  it('src/ has no value-import cycle and no import against a direction', async () => {
    const results = await eslint.lintFiles(['src']);
    const problems = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && RULES.includes(m.ruleId))
        .map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it.each([
    [
      'a cycle (ops ↔ analysis)',
      'src/engine/ops.ts',
      "import { analyze } from './analysis';\n",
      'no-cycle',
    ],
    [
      'the engine importing the store',
      'src/engine/format.ts',
      "import { appStore } from '../state/appStore';\n",
      'The engine is pure',
    ],
    [
      'layout importing anything but the engine',
      'src/layout/curve.ts',
      "import { en } from '../i18n/en';\n",
      'Layout imports only the engine',
    ],
    [
      'the store importing a view',
      'src/state/url.ts',
      "import { GEOMETRY } from '../view/renderer/geometry';\n",
      'The store imports no view',
    ],
  ])(
    'reports %s',
    async (_what, file, extra, expected) => {
      const problems = await importProblems(file, extra + 'export const __probe = 0;\n');
      expect(problems.join('\n')).toContain(expected);
    },
    60_000,
  );

  it('leaves a type-only import alone as a cycle (it vanishes from the bundle)', async () => {
    const problems = await importProblems(
      'src/engine/ops.ts',
      "import type { Analysis } from './analysis';\nexport type __Probe = Analysis;\n",
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
