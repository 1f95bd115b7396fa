import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { NoticeSchema } from '../../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { createDispatcher, type Dispatch, type EmitEvent } from '../../../main/ipc/dispatch';
import { HANDLERS } from '../../../main/composition';
import { MemorySecretStore } from '../../support/keychain';
import { SETTINGS_FILE_NAME } from '../../../main/settings/settings-store';
import { FakeClipboard } from '../../support/fake-clipboard';
import { buildServices } from '../../support/compose-services';
import { captureLogger } from '../../support/capture-logger';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-handlers-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function newDispatch(): Dispatch {
  const { logger } = captureLogger();
  const services = buildServices({
    dataDir: dir,
    secretStore: new MemorySecretStore(),
    clipboardPort: new FakeClipboard(),
    logger,
  });
  return createDispatcher(HANDLERS, services, logger);
}

function recordingEmit(): { emit: EmitEvent; events: { event: string; payload: unknown }[] } {
  const events: { event: string; payload: unknown }[] = [];
  return { emit: (event, payload) => events.push({ event, payload }), events };
}

describe('settings:get and settings:update', () => {
  it('answers defaults on a first run', async () => {
    expect(await newDispatch()('settings:get', {}, recordingEmit().emit)).toEqual({
      ok: true,
      data: DEFAULT_SETTINGS,
    });
  });

  it('saves a patch that a restarted app reads back', async () => {
    const patch = { organizationId: 'organization-test-1', clipboardClearMs: 90_000 };
    const updated = await newDispatch()('settings:update', patch, recordingEmit().emit);
    expect(updated).toMatchObject({ ok: true, data: patch });
    expect(await newDispatch()('settings:get', {}, recordingEmit().emit)).toMatchObject({
      ok: true,
      data: patch,
    });
  });

  it('refuses a patch of a field the renderer may not change', async () => {
    const result = await newDispatch()(
      'settings:update',
      { projectId: 'project-test-sneaky' },
      recordingEmit().emit,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
  });

  it('refuses a clipboard interval outside 5 s to 10 min', async () => {
    const result = await newDispatch()(
      'settings:update',
      { clipboardClearMs: 1_000 },
      recordingEmit().emit,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
  });

  it('tells the user once, as a warning notice, that a damaged file was moved aside', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), 'garbage');
    const dispatch = newDispatch();
    const first = recordingEmit();
    expect(await dispatch('settings:get', {}, first.emit)).toEqual({
      ok: true,
      data: DEFAULT_SETTINGS,
    });
    expect(first.events).toHaveLength(1);
    expect(first.events[0]?.event).toBe('app:notice');
    const notice = NoticeSchema.parse(first.events[0]?.payload);
    expect(notice.level).toBe('warning');
    expect(notice.message).toMatch(/settings file was damaged.*settings\.corrupt-.*\.json/s);
    const second = recordingEmit();
    await dispatch('settings:get', {}, second.emit);
    expect(second.events).toEqual([]);
  });
});
