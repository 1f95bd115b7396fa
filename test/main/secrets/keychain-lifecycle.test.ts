import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ListableKeytarStore } from '../../support/keychain';
import { secretAccount } from '../../../main/secrets/secret-store';
import type { Services } from '../../../main/composition';
import { FakeClipboard } from '../../support/fake-clipboard';
import { allFileText } from '../../support/file-text';
import { assertKeychainReachable, uniqueService } from '../../support/keychain';
import { buildServices } from '../../support/compose-services';
import { captureLogger } from '../../support/capture-logger';

/**
 * The whole token lifecycle against the real keychain, with the settings file in a temp folder,
 * including an app restart (fresh services on the same keychain service and data folder).
 */
let dir: string;
let service: string;
let keychain: ListableKeytarStore;

function startApp(): Services {
  return buildServices({
    dataDir: dir,
    secretStore: new ListableKeytarStore({ service }),
    clipboardPort: new FakeClipboard(),
    logger: captureLogger().logger,
  });
}

async function keychainAccounts(): Promise<string[]> {
  return (await keychain.list()).map(secretAccount).sort();
}

beforeAll(async () => {
  await assertKeychainReachable(new ListableKeytarStore({ service: uniqueService('probe') }));
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keychain-lifecycle-'));
  service = uniqueService('lifecycle');
  keychain = new ListableKeytarStore({ service });
});

afterEach(async () => {
  for (const ref of await keychain.list()) await keychain.delete(ref);
  await rm(dir, { recursive: true, force: true });
});

const conn = (projectId: string, connectionId: string) => ({
  projectId,
  organizationId: 'org-1',
  connectionId,
});
const current = (connectionId: string) => ({ kind: 'scim-token', connectionId }) as const;
const next = (connectionId: string) => ({ kind: 'scim-next-token', connectionId }) as const;

describe('the SCIM token lifecycle on the real keychain', () => {
  it('creates, rotates (complete and cancel) and deletes, with the keychain in step at each point', async () => {
    const app = startApp();
    await app.secrets.saveCreatedToken(conn('project-test-1', 'conn-1'), 'tøken-created-ĀĀĀĀ');
    expect(await keychain.read(current('conn-1'))).toBe('tøken-created-ĀĀĀĀ');

    await app.secrets.saveNextToken(conn('project-test-1', 'conn-1'), 'token-next-1111');
    expect(await keychainAccounts()).toEqual(['scim-next-token:conn-1', 'scim-token:conn-1']);

    const completed = await app.secrets.completeRotation('conn-1');
    expect(completed.token).toEqual({ storage: 'keychain', last4: '1111' });
    expect(await keychain.read(current('conn-1'))).toBe('token-next-1111');
    expect(await keychainAccounts()).toEqual(['scim-token:conn-1']);

    await app.secrets.saveNextToken(conn('project-test-1', 'conn-1'), 'token-next-2222');
    await app.secrets.cancelRotation('conn-1');
    expect(await keychain.read(current('conn-1'))).toBe('token-next-1111');
    expect(await keychain.read(next('conn-1'))).toBeNull();

    expect(await app.secrets.deleteConnection('conn-1')).toEqual({ keychainWarning: null });
    expect(await keychainAccounts()).toEqual([]);
  });

  it('finds its tokens again after a restart, and forgets a whole project from the settings index', async () => {
    const before = startApp();
    await before.secrets.saveProjectSecret('project-test-1', 'secret-test-restart-aaaa');
    await before.secrets.saveCreatedToken(conn('project-test-1', 'conn-a'), 'token-a-3333');
    await before.secrets.saveNextToken(conn('project-test-1', 'conn-a'), 'token-a-next-4444');
    await before.secrets.saveCreatedToken(conn('project-test-1', 'conn-b'), 'token-b-5555');
    await before.secrets.saveCreatedToken(conn('project-test-2', 'conn-c'), 'token-c-6666');

    const after = startApp();
    expect(await after.secrets.status(current('conn-a'))).toEqual({
      storage: 'keychain',
      last4: '3333',
    });
    expect(await after.secrets.readToken(next('conn-a'))).toBe('token-a-next-4444');
    expect(await after.secrets.readProjectSecret('project-test-1')).toBe(
      'secret-test-restart-aaaa',
    );

    expect(await after.secrets.forgetProject('project-test-1')).toEqual({
      removedSecrets: 4,
      keychainWarning: null,
    });
    expect(await keychainAccounts()).toEqual(['scim-token:conn-c']);

    const onDisk = await allFileText(dir);
    expect(onDisk).toContain('conn-c');
    for (const value of [
      'secret-test-restart-aaaa',
      'token-a-3333',
      'token-a-next-4444',
      'token-b-5555',
      'token-c-6666',
    ]) {
      expect(onDisk).not.toContain(value);
    }
  });
});
