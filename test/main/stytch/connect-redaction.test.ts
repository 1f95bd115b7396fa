import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { redactText } from '../../../main/logging/redact';
import { Secrets } from '../../../main/secrets/secrets';
import { SettingsStore } from '../../../main/settings/settings-store';
import { MemorySecretStore } from '../../support/keychain';
import { failure, MemoryKeeper, testSession } from '../../support/stytch-doubles';
import { captureLogger } from '../../support/capture-logger';

const PROJECT = 'project-test-22222222-2222-4222-8222-222222222222';
// No `secret-test-` prefix, so only registration (not a pattern) could mask it.
const SECRET = 'Tn6Wb2Qx9Lm4Rk8Vz3Hc7Jp';
const HOST = 'http://stytch.invalid/';

function stytchAnswering(status: number, body: unknown): typeof fetch {
  return () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
}

const REFUSED = stytchAnswering(401, {
  status_code: 401,
  request_id: 'request-id-refused',
  error_type: 'unauthorized_credentials',
  error_message: 'Unauthorized credentials.',
});

const ACCEPTED = stytchAnswering(200, {
  status_code: 200,
  request_id: 'request-id-accepted',
  organizations: [],
  results_metadata: { total: 0 },
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connect-redaction-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('StytchSession.connect and the redaction set', () => {
  it('a connect Stytch refuses leaves the secret unregistered', async () => {
    const { session } = testSession(new MemoryKeeper(), { fetch: REFUSED, hosts: { test: HOST } });
    const error = await failure(() => session.connect({ projectId: PROJECT, secret: SECRET }));
    expect(error.code).toBe('STYTCH_BAD_CREDENTIALS');
    expect(redactText(`secret ${SECRET}`)).toBe(`secret ${SECRET}`);
  });

  it('a connect Stytch accepts masks the secret from then on', async () => {
    const { logger } = captureLogger();
    const secrets = new Secrets({
      store: new MemorySecretStore(),
      settings: new SettingsStore({ dir, logger }),
      logger,
    });
    const { session } = testSession(secrets, { fetch: ACCEPTED, hosts: { test: HOST } });
    await session.connect({ projectId: PROJECT, secret: SECRET });
    expect(redactText(`secret ${SECRET}`)).toBe('secret [redacted]');
  });
});
