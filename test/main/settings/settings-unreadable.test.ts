import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../../main/settings/settings-store';
import { captureLogger } from '../../support/capture-logger';
import { errorOf } from '../../support/error-of';

/** Paths the file system refuses to read (EACCES) or to rename (EPERM), as a locked-down disk would. */
const refuse = vi.hoisted(() => ({ reading: new Set<string>(), renaming: new Set<string>() }));

// The tests run as root on CI, where chmod cannot make a file unreadable; the refusal is faked at
// the file-system boundary instead.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const denied = (code: string, path: unknown): Error =>
    Object.assign(new Error(`${code}: refused, ${String(path)}`), { code });
  return {
    ...actual,
    open: (path: string, ...rest: unknown[]) =>
      refuse.reading.has(path)
        ? Promise.reject(denied('EACCES', path))
        : (actual.open as (...args: unknown[]) => unknown)(path, ...rest),
    readFile: (path: string, ...rest: unknown[]) =>
      refuse.reading.has(path)
        ? Promise.reject(denied('EACCES', path))
        : (actual.readFile as (...args: unknown[]) => unknown)(path, ...rest),
    rename: (from: string, to: string) =>
      refuse.renaming.has(from) ? Promise.reject(denied('EPERM', from)) : actual.rename(from, to),
  };
});

let dir: string;
const KNOWN = { projectId: 'project-test-1', organizationId: 'org-1', connectionId: 'conn-1' };
const SAVED = `${JSON.stringify({ ...DEFAULT_SETTINGS, knownConnections: [KNOWN] })}\n`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-unreadable-'));
  await writeFile(join(dir, SETTINGS_FILE_NAME), SAVED);
  refuse.reading.add(join(dir, SETTINGS_FILE_NAME));
});

afterEach(async () => {
  refuse.reading.clear();
  refuse.renaming.clear();
  await rm(dir, { recursive: true, force: true });
});

function newStore(): SettingsStore {
  return new SettingsStore({ dir, logger: captureLogger().logger });
}

describe('SettingsStore and a settings file it cannot read', () => {
  it('moves the unreadable file aside before saving, so the connection index survives', async () => {
    const store = newStore();
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const problem = store.takeProblem();
    expect(problem).toMatchObject({ code: 'SETTINGS_CORRUPT' });
    expect(problem?.message).toContain('EACCES');
    await store.update({ organizationId: 'organization-test-after' });
    const aside = (await readdir(dir)).filter((name) => name !== SETTINGS_FILE_NAME);
    expect(aside).toHaveLength(1);
    expect(problem?.hint).toContain(aside[0]);
    expect(await readFile(join(dir, aside[0] ?? ''), 'utf8')).toBe(SAVED);
  });

  it('refuses to save, with a clear error, when the unreadable file cannot be moved aside', async () => {
    refuse.renaming.add(join(dir, SETTINGS_FILE_NAME));
    const store = newStore();
    await store.get();
    expect(store.takeProblem()?.hint).toContain('will not replace it');
    const failure = await store
      .update({ organizationId: 'organization-test-after' })
      .catch((error: unknown) => error);
    expect(errorOf(failure)).toMatchObject({ code: 'SETTINGS_WRITE_FAILED' });
    expect(errorOf(failure).message).toContain('will not replace');
    expect(errorOf(failure).message).toContain('EACCES');
    refuse.reading.clear();
    expect(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(SAVED);
  });
});
