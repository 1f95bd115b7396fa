import { resolve } from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Lints `code` as if it were the file at `path`, and returns the restricted-import messages. */
async function importViolations(path: string, code: string): Promise<string[]> {
  // Type-aware rules need the file on disk; the import rules do not, so lint without types.
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('folder import rules (eslint.config.mjs)', () => {
  it.each([
    ['electron', "import { ipcRenderer } from 'electron';"],
    ['node:fs', "import { readFileSync } from 'node:fs';"],
    ['fs', "import fs from 'fs';"],
    ['keytar', "import keytar from 'keytar';"],
    ['axios', "import axios from 'axios';"],
    ['main/', "import { HANDLERS } from '../main/composition';"],
  ])('reject renderer code importing %s', async (_what, code) => {
    expect(
      await importViolations('renderer/components/Bad.tsx', `${code}\nexport const x = 1;\n`),
    ).toHaveLength(1);
  });

  it.each([
    ['electron', "import { app } from 'electron';"],
    ['node:path', "import { join } from 'node:path';"],
    ['react', "import { useState } from 'react';"],
  ])('reject shared code importing %s', async (_what, code) => {
    expect(await importViolations('shared/bad.ts', `${code}\nexport const x = 1;\n`)).toHaveLength(
      1,
    );
  });

  it('rejects electron outside the thin shell files of main/, but allows type imports', async () => {
    expect(
      await importViolations(
        'main/stytch/bad.ts',
        "import { net } from 'electron';\nexport const x = net;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importViolations(
        'main/stytch/ok.ts',
        "import type { Net } from 'electron';\nexport type X = Net;\n",
      ),
    ).toEqual([]);
    expect(
      await importViolations(
        'main/index.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });

  it('allows renderer code to import shared/ and React', async () => {
    expect(
      await importViolations(
        'renderer/components/Good.tsx',
        "import { useState } from 'react';\nimport type { AppInfo } from '../../shared/ipc';\nexport const x: AppInfo | null = null;\nexport const y = useState;\n",
      ),
    ).toEqual([]);
  });
});
