import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import { redactText, registerSecret } from '../../../main/logging/redact';
import { Secrets } from '../../../main/secrets/secrets';
import { SettingsStore } from '../../../main/settings/settings-store';
import { MemorySecretStore } from '../../support/keychain';
import { captureLogger } from '../../support/capture-logger';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-redaction-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(store = new MemorySecretStore()) {
  const { logger } = captureLogger();
  const secrets = new Secrets({ store, settings: new SettingsStore({ dir, logger }), logger });
  return { store, secrets };
}

const PROJECT = 'project-test-aaaaaaaa-0000-4000-8000-000000000001';
const CONNECTION = { projectId: PROJECT, organizationId: 'org-1', connectionId: 'scim-conn-1' };
const masked = (value: string) => redactText(value) !== value;

describe('Secrets keeps the redaction set to the secrets it still holds', () => {
  it('masks the project secret while kept, and no longer once the project is forgotten', async () => {
    const { secrets } = setup();
    await secrets.saveProjectSecret(PROJECT, 'project-secret-Mx4Tq9Vr2Lb7Kz');
    await secrets.saveCreatedToken(CONNECTION, 'created-token-Pq8Wn3Rx6Yv1Hs');
    expect(masked('project-secret-Mx4Tq9Vr2Lb7Kz')).toBe(true);
    await secrets.forgetProject(PROJECT);
    expect(masked('project-secret-Mx4Tq9Vr2Lb7Kz')).toBe(false);
    expect(masked('created-token-Pq8Wn3Rx6Yv1Hs')).toBe(false);
  });

  it("no longer masks a deleted connection's tokens", async () => {
    const { secrets } = setup();
    await secrets.saveCreatedToken(CONNECTION, 'deleted-token-Zb5Nc2Vm8Qw4Jt');
    await secrets.saveNextToken(CONNECTION, 'deleted-next-Gh7Kd3Sx9Lp2Fy');
    await secrets.deleteConnection('scim-conn-1');
    expect(masked('deleted-token-Zb5Nc2Vm8Qw4Jt')).toBe(false);
    expect(masked('deleted-next-Gh7Kd3Sx9Lp2Fy')).toBe(false);
  });

  it('on cancel stops masking the dropped next token and keeps masking the current one', async () => {
    const { secrets } = setup();
    await secrets.saveCreatedToken(CONNECTION, 'current-token-Rt4Yw8Qe2Ui6Op');
    await secrets.saveNextToken(CONNECTION, 'dropped-next-As3Df7Gh1Jk5Lz');
    await secrets.cancelRotation('scim-conn-1');
    expect(masked('dropped-next-As3Df7Gh1Jk5Lz')).toBe(false);
    expect(masked('current-token-Rt4Yw8Qe2Ui6Op')).toBe(true);
  });

  it('on complete stops masking the replaced token and keeps masking the new current one', async () => {
    const { secrets } = setup();
    await secrets.saveCreatedToken(CONNECTION, 'replaced-token-Xc9Vb4Nm7Qa2Ws');
    await secrets.saveNextToken(CONNECTION, 'promoted-next-Ed6Rf1Tg5Yh8Uj');
    await secrets.completeRotation('scim-conn-1');
    expect(masked('replaced-token-Xc9Vb4Nm7Qa2Ws')).toBe(false);
    expect(masked('promoted-next-Ed6Rf1Tg5Yh8Uj')).toBe(true);
  });

  it('keeps masking a secret the keychain failed to delete, since it is still on this computer', async () => {
    const store = new MemorySecretStore();
    const { secrets } = setup(store);
    await secrets.saveProjectSecret(PROJECT, 'stuck-secret-Ik2Ol6Pm9Nb3Hv');
    store.breakWith(appFailure('SECRET_STORE_LOCKED', 'The keychain is locked.', 'Unlock it.'));
    await secrets.forgetProject(PROJECT);
    expect(masked('stuck-secret-Ik2Ol6Pm9Nb3Hv')).toBe(true);
  });

  it('keeps masking what it holds however many other values are registered after it', async () => {
    const { secrets } = setup();
    await secrets.saveProjectSecret(PROJECT, 'held-secret-Qw1Er5Ty9Ui3Op');
    for (let i = 0; i < 10_000; i += 1) registerSecret(`flood-${i}-Zx8Cv4Bn6Ml2Kj`, 'probe');
    expect(masked('held-secret-Qw1Er5Ty9Ui3Op')).toBe(true);
    expect(masked('flood-0-Zx8Cv4Bn6Ml2Kj')).toBe(false);
  });
});
