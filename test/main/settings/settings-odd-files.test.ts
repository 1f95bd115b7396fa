import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../../main/settings/settings-store';
import { captureLogger } from '../../support/capture-logger';
import { errorOf } from '../../support/error-of';

let dir: string;
const FIXED_NOW = new Date('2025-01-02T03:04:05.678Z');
const KNOWN = { projectId: 'project-test-1', organizationId: 'org-1', connectionId: 'conn-1' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-odd-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function newStore(): SettingsStore {
  return new SettingsStore({ dir, logger: captureLogger().logger, now: () => FIXED_NOW });
}

const settingsPath = (): string => join(dir, SETTINGS_FILE_NAME);

/** The files beside settings.json, other than settings.json itself. */
async function filesAside(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== SETTINGS_FILE_NAME);
}

describe('SettingsStore with odd files at the settings path', () => {
  it('reads a settings file saved with a UTF-8 byte order mark', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      projectId: 'project-test-bom',
      knownConnections: [KNOWN],
    };
    await writeFile(settingsPath(), `\uFEFF${JSON.stringify(settings)}`);
    const store = newStore();
    expect(await store.get()).toEqual(settings);
    expect(store.takeProblem()).toBeNull();
  });

  it.skipIf(process.platform === 'win32')(
    'does not wait on a FIFO at the settings path: it moves it aside and carries on',
    async () => {
      execFileSync('mkfifo', [settingsPath()]);
      const store = newStore();
      expect(await store.get()).toEqual(DEFAULT_SETTINGS);
      expect(store.takeProblem()).toMatchObject({ code: 'SETTINGS_CORRUPT' });
      await store.update({ clipboardClearMs: 20_000 });
      expect((await newStore().get()).clipboardClearMs).toBe(20_000);
      expect(await filesAside()).toHaveLength(1);
    },
  );

  it('moves a folder at the settings path aside, so changes can be saved again', async () => {
    await mkdir(settingsPath());
    await writeFile(join(settingsPath(), 'inside.txt'), 'kept');
    const store = newStore();
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeProblem()?.hint).toMatch(/kept as settings\.corrupt-.*\.json/);
    await store.update({ clipboardClearMs: 25_000 });
    expect((await newStore().get()).clipboardClearMs).toBe(25_000);
    const [aside = ''] = await filesAside();
    expect(await readFile(join(dir, aside, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('does not read a settings file over 1 MiB: it keeps it aside, whole, and starts afresh', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      projectId: 'project-test-big',
      knownConnections: [KNOWN],
    };
    const huge = `${JSON.stringify(settings)}${' '.repeat(1024 * 1024)}`;
    await writeFile(settingsPath(), huge);
    const store = newStore();
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeProblem()).toMatchObject({ code: 'SETTINGS_CORRUPT' });
    await store.update({ organizationId: 'organization-test-after' });
    const [aside = ''] = await filesAside();
    expect(await readFile(join(dir, aside), 'utf8')).toBe(huge);
  });

  it('never writes a settings file larger than it would read back', async () => {
    const store = newStore();
    await store.update({ clipboardClearMs: 30_000 });
    const before = await readFile(settingsPath(), 'utf8');
    const many = Array.from({ length: 20_000 }, (_, n) => ({ ...KNOWN, connectionId: `c-${n}` }));
    const outcome = await store
      .mutate((current) => ({ ...current, knownConnections: many }))
      .then(
        () => 'saved',
        (error: unknown) => errorOf(error).code,
      );
    expect(outcome).toBe('SETTINGS_WRITE_FAILED');
    expect(await readFile(settingsPath(), 'utf8')).toBe(before);
  });

  it('removes the temp files a killed write left behind, and nothing else', async () => {
    const leftovers = [
      `.${SETTINGS_FILE_NAME}.0123456789ab.tmp`,
      `.${SETTINGS_FILE_NAME}.ffffff000000.tmp`,
    ];
    const others = ['notes.tmp', `.${SETTINGS_FILE_NAME}.not-ours.tmp`, 'other.json'];
    for (const name of [...leftovers, ...others]) await writeFile(join(dir, name), 'x');
    await newStore().get();
    expect((await readdir(dir)).sort()).toEqual([...others].sort());
  });
});
