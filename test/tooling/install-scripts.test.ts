import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * Every dependency with an install script has a recorded decision in package.json's
 * `allowScripts` (npm 11.16+: `"name": true | false`, or pinned `"name@1.2.3"`), and the README
 * gives the reason for each. npm marks such packages `hasInstallScript: true` in package-lock.json.
 * npm's own check is `npm install-scripts ls`; this one runs without npm and reads the lock file.
 */
const ROOT = resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));

interface LockFile {
  packages: Record<string, { name?: string; version?: string; hasInstallScript?: boolean }>;
}
interface PackageJson {
  allowScripts?: Record<string, boolean>;
}

/** "name@version" of each package in the lock file with an install script and no decision. */
function undecided(lock: LockFile, allowScripts: Record<string, boolean>): string[] {
  const keys = Object.keys(allowScripts);
  return Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript === true)
    .map(([path, entry]) => {
      const name =
        entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      return `${name}@${entry.version ?? '?'}`;
    })
    .filter((id) => {
      const name = id.slice(0, id.lastIndexOf('@'));
      return !keys.includes(name) && !keys.includes(id);
    })
    .sort();
}

const lock = readJson('package-lock.json') as LockFile;
const allowScripts = (readJson('package.json') as PackageJson).allowScripts ?? {};

describe('install scripts (allowScripts in package.json)', () => {
  it('has a decision for every package in package-lock.json that has an install script', () => {
    expect(undecided(lock, allowScripts)).toEqual([]);
  });

  it('finds a package with an install script and no decision, by name or pinned version', () => {
    const sample: LockFile = {
      packages: {
        '': { name: 'app' },
        'node_modules/keytar': { version: '7.9.0', hasInstallScript: true },
        'node_modules/@scope/native': { version: '1.0.0', hasInstallScript: true },
        'node_modules/a/node_modules/esbuild': { version: '0.28.2', hasInstallScript: true },
        'node_modules/plain': { version: '1.0.0' },
      },
    };
    expect(undecided(sample, { keytar: true })).toEqual(['@scope/native@1.0.0', 'esbuild@0.28.2']);
    expect(
      undecided(sample, { keytar: true, '@scope/native@1.0.0': true, esbuild: false }),
    ).toEqual([]);
    expect(
      undecided(sample, { keytar: true, '@scope/native@2.0.0': true, esbuild: false }),
    ).toEqual(['@scope/native@1.0.0']);
  });

  it('gives the reason for each decision in the README', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    for (const [key, allowed] of Object.entries(allowScripts)) {
      expect(readme, key).toContain(`- \`${key}\` — **${allowed ? 'allowed' : 'denied'}**.`);
    }
  });
});
