import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import {
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
} from '../../../shared/settings/settings';
import {
  corruptFileName,
  SETTINGS_FILE_NAME,
  SettingsStore,
} from '../../../main/settings/settings-store';
import { captureLogger } from '../../support/capture-logger';
import { errorOf } from '../../support/error-of';

let dir: string;
const FIXED_NOW = new Date('2025-01-02T03:04:05.678Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function newStore(logger = captureLogger().logger): SettingsStore {
  return new SettingsStore({ dir, logger, now: () => FIXED_NOW });
}

async function writeRaw(content: string): Promise<void> {
  await writeFile(join(dir, SETTINGS_FILE_NAME), content);
}

describe('SettingsStore', () => {
  it('saves every field the renderer may patch, and keeps it after a restart', async () => {
    const patch = {
      organizationId: 'organization-test-7c1b2a3d-0000-4000-8000-000000000001',
      organizationName: 'Acme Corporation',
      wizard: { currentStep: 'webhooks', completedSteps: ['connect-stytch'], checklist: {} },
      clipboardClearMs: 30_000,
      microsoftClientId: '2f1c7a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
      microsoftTenant: 'contoso.onmicrosoft.com',
      entraSteps: 'assistant',
    } as const;
    // A field added to the patch schema must be added here too, and then saved.
    expect(Object.keys(patch).sort()).toEqual(Object.keys(SettingsPatchSchema.shape).sort());
    await newStore().update(SettingsPatchSchema.parse(patch));
    const reloaded = await newStore().get();
    for (const [key, value] of Object.entries(patch))
      expect(reloaded[key as keyof typeof patch]).toEqual(value);
  });

  it('starts from defaults on a first run without writing anything', async () => {
    const store = newStore();
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeProblem()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes an update and a fresh store reads it back', async () => {
    const wizard = {
      currentStep: 'choose-organization' as const,
      completedSteps: ['connect-stytch' as const],
      checklist: { a: true },
    };
    const saved = await newStore().update({
      organizationId: 'organization-test-1',
      wizard,
      clipboardClearMs: 30_000,
    });
    expect(saved).toMatchObject({
      organizationId: 'organization-test-1',
      wizard,
      clipboardClearMs: 30_000,
    });
    const reread = await newStore().get();
    expect(reread).toEqual(saved);
    expect(
      SettingsSchema.parse(JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'))),
    ).toEqual(saved);
  });

  it('changes only the fields a patch names', async () => {
    const store = newStore();
    await store.update({ organizationId: 'org-a', clipboardClearMs: 20_000 });
    const after = await store.update({ organizationId: null });
    expect(after.organizationId).toBeNull();
    expect(after.clipboardClearMs).toBe(20_000);
  });

  it('keeps an organization’s name with it: another organization without one clears it', async () => {
    const store = newStore();
    await store.update({ organizationId: 'org-a', organizationName: 'Acme Corporation' });
    expect(await newStore().get()).toMatchObject({ organizationName: 'Acme Corporation' });
    expect(await store.update({ clipboardClearMs: 20_000 })).toMatchObject({
      organizationName: 'Acme Corporation',
    });
    expect(await store.update({ organizationId: 'org-b' })).toMatchObject({
      organizationId: 'org-b',
      organizationName: null,
    });
    await store.update({ organizationId: 'org-c', organizationName: 'Contoso' });
    expect(await store.update({ organizationId: null })).toMatchObject({
      organizationId: null,
      organizationName: null,
    });
  });

  it('writes atomically: no temp file is left behind', async () => {
    const store = newStore();
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.update({ clipboardClearMs: n * 10_000 })));
    expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
    expect((await newStore().get()).clipboardClearMs).toBe(50_000);
  });

  // Windows has no owner-only mode bits: its ACLs are not what `mode` reports.
  it.skipIf(process.platform === 'win32')('keeps the file private to the user', async () => {
    const store = newStore();
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.update({ clipboardClearMs: n * 10_000 })));
    expect((await stat(join(dir, SETTINGS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('applies main-side changes one after another, none lost', async () => {
    const store = newStore();
    await Promise.all(
      ['c1', 'c2', 'c3'].map((connectionId) =>
        store.mutate((current) => ({
          ...current,
          knownConnections: [
            ...current.knownConnections,
            { projectId: 'p', organizationId: 'o', connectionId },
          ],
        })),
      ),
    );
    expect((await newStore().get()).knownConnections.map((known) => known.connectionId)).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
  });

  it('refuses a change that would not match the schema and keeps the file as it was', async () => {
    const store = newStore();
    await store.update({ clipboardClearMs: 15_000 });
    await expect(
      store.mutate((current) => ({ ...current, clipboardClearMs: 1 })),
    ).rejects.toThrow();
    expect((await newStore().get()).clipboardClearMs).toBe(15_000);
  });

  it('moves a file that is not JSON aside, reports it once, and carries on with defaults', async () => {
    await writeRaw('{ this is not json');
    const log = captureLogger();
    const store = newStore(log.logger);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const problem = store.takeProblem();
    expect(problem).toMatchObject({ code: 'SETTINGS_CORRUPT' });
    expect(problem?.message).toContain('not valid JSON');
    expect(problem?.hint).toContain(corruptFileName(FIXED_NOW));
    // The folder is named, never its path (which shows the user's name to whoever sees it).
    expect(problem?.hint).toContain("app's data folder");
    expect(JSON.stringify(problem)).not.toContain(dir);
    expect(store.takeProblem()).toBeNull();
    const files = await readdir(dir);
    expect(files).toEqual(['settings.corrupt-2025-01-02T03-04-05-678Z.json']);
    expect(await readFile(join(dir, files[0] ?? ''), 'utf8')).toBe('{ this is not json');
    expect(log.text()).toContain('settings.corrupt-moved-aside');
  });

  it('moves a file with invalid fields aside and names the fields', async () => {
    await writeRaw(
      JSON.stringify({
        ...DEFAULT_SETTINGS,
        clipboardClearMs: 'soon',
        wizard: { currentStep: 'nowhere' },
      }),
    );
    const store = newStore();
    await store.get();
    const problem = store.takeProblem();
    expect(problem?.code).toBe('SETTINGS_CORRUPT');
    expect(problem?.message).toContain('clipboardClearMs');
    expect(problem?.message).toContain('wizard');
    expect(await readdir(dir)).toEqual([corruptFileName(FIXED_NOW)]);
  });

  it('does not overwrite the damaged file: the next save writes a fresh one next to it', async () => {
    await writeRaw('[]');
    const store = newStore();
    await store.update({ organizationId: 'org-after-corruption' });
    expect((await readdir(dir)).sort()).toEqual(
      [corruptFileName(FIXED_NOW), SETTINGS_FILE_NAME].sort(),
    );
    expect(await readFile(join(dir, corruptFileName(FIXED_NOW)), 'utf8')).toBe('[]');
  });

  it('tolerates unknown fields and fills in fields added later', async () => {
    const { knownConnections: _added, organizationName: _named, ...older } = DEFAULT_SETTINGS;
    await writeRaw(JSON.stringify({ ...older, projectId: 'project-test-x', futureField: 1 }));
    const store = newStore();
    const settings = await store.get();
    expect(settings.projectId).toBe('project-test-x');
    expect(settings.knownConnections).toEqual([]);
    expect(settings.organizationName).toBeNull();
    expect(store.takeProblem()).toBeNull();
  });

  it('drops the saved set-ups an earlier build wrote, rewriting the file once without them', async () => {
    const legacy = { ...DEFAULT_SETTINGS, projectId: 'project-test-old', setups: [] };
    await writeRaw(JSON.stringify(legacy));
    const { logger, text } = captureLogger();
    const store = newStore(logger);
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, projectId: 'project-test-old' });
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')) as object;
    expect(onDisk).not.toHaveProperty('setups');
    expect(SettingsSchema.parse(onDisk).projectId).toBe('project-test-old');
    expect(text()).toContain('settings.migrated');
    expect(store.takeProblem()).toBeNull();
  });

  it('leaves a current file untouched when it loads', async () => {
    const current = `${JSON.stringify({ ...DEFAULT_SETTINGS, projectId: 'project-test-now' })}\n`;
    await writeRaw(current);
    const { logger, text } = captureLogger();
    expect((await newStore(logger).get()).projectId).toBe('project-test-now');
    expect(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(current);
    expect(text()).not.toContain('settings.migrated');
  });

  it('reports SETTINGS_WRITE_FAILED when the data folder is not a folder', async () => {
    const notADir = join(dir, 'file-in-the-way');
    await writeFile(notADir, 'x');
    const store = new SettingsStore({ dir: notADir, logger: captureLogger().logger });
    const error = await store
      .update({ clipboardClearMs: 35_000 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppFailure);
    expect(errorOf(error).code).toBe('SETTINGS_WRITE_FAILED');
    expect(errorOf(error).hint).toContain("app's data folder");
    expect(JSON.stringify(errorOf(error))).not.toContain(dir);
    expect((await store.get()).clipboardClearMs).toBe(DEFAULT_SETTINGS.clipboardClearMs);
  });

  it('creates a missing data folder on first write', async () => {
    const nested = join(dir, 'a', 'b');
    const store = new SettingsStore({ dir: nested, logger: captureLogger().logger });
    await store.update({ organizationId: 'org' });
    expect(await readdir(nested)).toEqual([SETTINGS_FILE_NAME]);
  });
});
