import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, SettingsPatchSchema } from '../../../shared/settings/settings';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../../main/settings/settings-store';
import { captureLogger } from '../../support/capture-logger';
import { CLIENT_ID } from './support';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'client-id-setting-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the microsoftClientId setting', () => {
  it('starts unset', () => {
    expect(DEFAULT_SETTINGS.microsoftClientId).toBeNull();
  });

  it('loads as unset from a settings file written before it existed', async () => {
    const { microsoftClientId: _dropped, ...older } = DEFAULT_SETTINGS;
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify(older));

    const store = new SettingsStore({ dir, logger: captureLogger().logger });

    expect((await store.get()).microsoftClientId).toBeNull();
    expect(store.takeProblem()).toBeNull();
  });

  it('can be set and cleared by the renderer', async () => {
    const store = new SettingsStore({ dir, logger: captureLogger().logger });

    await store.update(SettingsPatchSchema.parse({ microsoftClientId: CLIENT_ID }));
    expect(
      (await new SettingsStore({ dir, logger: captureLogger().logger }).get()).microsoftClientId,
    ).toBe(CLIENT_ID);
    await store.update(SettingsPatchSchema.parse({ microsoftClientId: null }));
    expect((await store.get()).microsoftClientId).toBeNull();
  });

  it('accepts only a GUID', () => {
    for (const bad of [
      '',
      'not-a-guid',
      `${CLIENT_ID}x`,
      '{2f1c7a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b}',
    ]) {
      expect(SettingsPatchSchema.safeParse({ microsoftClientId: bad }).success).toBe(false);
    }
    expect(
      SettingsPatchSchema.safeParse({ microsoftClientId: CLIENT_ID.toUpperCase() }).success,
    ).toBe(true);
  });
});

describe('the microsoftTenant setting (beside the client ID)', () => {
  it('loads as unset from a settings file written before it existed', async () => {
    const { microsoftTenant: _dropped, ...older } = {
      ...DEFAULT_SETTINGS,
      microsoftClientId: CLIENT_ID,
    };
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify(older));

    const store = new SettingsStore({ dir, logger: captureLogger().logger });

    expect(await store.get()).toMatchObject({
      microsoftClientId: CLIENT_ID,
      microsoftTenant: null,
    });
    expect(store.takeProblem()).toBeNull();
  });

  it('is saved by the renderer, as a primary domain or a tenant ID, kept in lower case', async () => {
    const store = new SettingsStore({ dir, logger: captureLogger().logger });

    await store.update(SettingsPatchSchema.parse({ microsoftTenant: ' Contoso.OnMicrosoft.com ' }));
    expect(
      (await new SettingsStore({ dir, logger: captureLogger().logger }).get()).microsoftTenant,
    ).toBe('contoso.onmicrosoft.com');
    await store.update(
      SettingsPatchSchema.parse({ microsoftTenant: '9188040D-6C67-4C5B-B112-36A304B66DAD' }),
    );
    expect((await store.get()).microsoftTenant).toBe('9188040d-6c67-4c5b-b112-36a304b66dad');
  });

  it('accepts only a domain or a GUID', () => {
    for (const good of ['contoso.onmicrosoft.com', 'contoso.com', 'sub.contoso.co.uk']) {
      expect(SettingsPatchSchema.safeParse({ microsoftTenant: good }).success).toBe(true);
    }
    for (const bad of [
      '',
      'contoso',
      'organizations',
      'common',
      'contoso.onmicrosoft.com/oauth2',
      'https://login.microsoftonline.com/contoso.com',
      '../contoso.com',
      'contoso..com',
      `${'a'.repeat(250)}.com`,
    ]) {
      expect(SettingsPatchSchema.safeParse({ microsoftTenant: bad }).success).toBe(false);
    }
  });
});
