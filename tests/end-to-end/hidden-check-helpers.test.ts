/**
 * Hidden checks may import a helper of their own beside them in `solutions/<slug>/`: the build
 * compiles it with them (it compiled only `checks.ts` and `mistakes.ts`, and every command then
 * stopped on a module it could not find).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyKit, runIn } from '../kit-copy.js';

describe('a helper beside the hidden checks', () => {
  it('is built with them, and the checks that import it run', () => {
    const kit = copyKit();
    try {
      const checks = path.join(kit, 'solutions', 'theme', 'checks.ts');
      writeFileSync(path.join(kit, 'solutions', 'theme', 'check-helpers.ts'), "export const dark = 'dark';\n");
      const source = readFileSync(checks, 'utf8');
      const changed = source.replace(/^/, "import { dark } from './check-helpers.js';\n").replace("'dark'", 'dark');
      expect(changed).toContain('{ theme: dark }');
      writeFileSync(checks, changed);
      const run = runIn(kit, ['grade', 'theme', '--target', 'solutions', '--no-typecheck']);
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toMatch(/Total: (\d+)\/\1 \(100%\), 1 of 1 exercises passed/);
    } finally {
      rmSync(path.dirname(kit), { recursive: true, force: true });
    }
  }, 120_000);
});
