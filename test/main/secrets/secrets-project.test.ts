import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import { MemorySecretStore } from '../../support/keychain';
import { Secrets } from '../../../main/secrets/secrets';
import { SettingsStore } from '../../../main/settings/settings-store';
import { captureLogger } from '../../support/capture-logger';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'project-secrets-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const { logger } = captureLogger();
  const store = new MemorySecretStore();
  const settings = new SettingsStore({ dir, logger });
  const secrets = new Secrets({ store, settings, logger });
  return { store, settings, tokens: secrets, secrets };
}

const ref = (projectId: string, connectionId: string) => ({
  projectId,
  organizationId: `org-of-${connectionId}`,
  connectionId,
});

describe('Secrets, the Stytch project secret', () => {
  it('stores the project secret in the keychain and reads it back', async () => {
    const { store, secrets } = setup();
    expect(await secrets.saveProjectSecret('project-test-a', 'secret-test-aaaa')).toEqual({
      storage: 'keychain',
      keychainWarning: null,
    });
    expect(await store.read({ kind: 'stytch-project', projectId: 'project-test-a' })).toBe(
      'secret-test-aaaa',
    );
    expect(await secrets.readProjectSecret('project-test-a')).toBe('secret-test-aaaa');
    expect(await secrets.status({ kind: 'stytch-project', projectId: 'project-test-a' })).toEqual({
      storage: 'keychain',
      last4: 'aaaa',
    });
    expect(await secrets.readProjectSecret('project-test-other')).toBeNull();
  });

  it('keeps the project secret in memory, saying it must be entered again next time, when the keychain refuses', async () => {
    const { store, secrets } = setup();
    store.breakWith(
      appFailure('SECRET_STORE_DENIED', 'The keychain refused access.', 'Allow access.'),
    );
    const kept = await secrets.saveProjectSecret('project-test-a', 'secret-test-bbbb');
    expect(kept.storage).toBe('memory');
    expect(kept.keychainWarning).toContain('enter it again next time');
    expect(kept.keychainWarning).toContain('Allow access.');
    expect(await secrets.readProjectSecret('project-test-a')).toBe('secret-test-bbbb');
  });

  it('forgets the project: its secret and every token of its connections, and nothing of other projects', async () => {
    const { store, settings, tokens, secrets } = setup();
    await secrets.saveProjectSecret('project-test-a', 'secret-test-aaaa');
    await secrets.saveProjectSecret('project-test-b', 'secret-test-bbbb');
    await tokens.saveCreatedToken(ref('project-test-a', 'conn-a1'), 'token-a1-1111');
    await tokens.saveCreatedToken(ref('project-test-a', 'conn-a2'), 'token-a2-2222');
    await tokens.saveNextToken(ref('project-test-a', 'conn-a2'), 'token-a2-next-3333');
    await tokens.saveCreatedToken(ref('project-test-b', 'conn-b1'), 'token-b1-4444');

    expect(await secrets.forgetProject('project-test-a')).toEqual({
      removedSecrets: 4,
      keychainWarning: null,
    });

    expect([...store.snapshot().keys()].sort()).toEqual([
      'scim-token:conn-b1',
      'stytch-project:project-test-b',
    ]);
    expect((await settings.get()).knownConnections).toEqual([ref('project-test-b', 'conn-b1')]);
    expect(await secrets.forgetProject('project-test-a')).toEqual({
      removedSecrets: 0,
      keychainWarning: null,
    });
  });

  it('forgets memory-only secrets and warns when the keychain cannot be reached', async () => {
    const { store, tokens, secrets } = setup();
    store.breakWith(appFailure('SECRET_STORE_LOCKED', 'The keychain is locked.', 'Unlock it.'));
    await secrets.saveProjectSecret('project-test-a', 'secret-test-cccc');
    await tokens.saveCreatedToken(ref('project-test-a', 'conn-a1'), 'token-a1-6666');
    const outcome = await secrets.forgetProject('project-test-a');
    expect(outcome.removedSecrets).toBe(2);
    expect(outcome.keychainWarning).toContain('The keychain is locked');
    expect(await secrets.status({ kind: 'stytch-project', projectId: 'project-test-a' })).toEqual({
      storage: 'none',
      last4: null,
    });
  });
});
