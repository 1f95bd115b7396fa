import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { AppError } from '../../../shared/errors';
import { GraphClient } from '../../../main/graph/graph-client';
import { GraphTransport } from '../../../main/graph/graph-transport';
import { createDispatcher, type FeatureHandlers } from '../../../main/ipc/dispatch';
import { createLogger } from '../../../main/logging/logger';
import { redactAndCut, redactText, registerSecret } from '../../../main/logging/redact';
import { Secrets } from '../../../main/secrets/secrets';
import { SettingsStore } from '../../../main/settings/settings-store';
import { stytchAppError } from '../../../main/stytch/stytch-errors';
import { MemorySecretStore } from '../../support/keychain';
import { TEST_GRAPH_RETRY, TEST_REPLICATION_RETRY } from '../../support/graph-harness';
import { FakeRetryClock } from '../../support/fake-retry-clock';
import { captureLogger } from '../../support/capture-logger';

/** 48 characters, the length of a Stytch secret; no shape pattern knows it, only the registry. */
const TOKEN = 'mtc-Qv7Lm2Rk9Tz4Wx8Np3Hs6Jd1Fb5Gc0Ya-Ue2Io9Pq7Zx';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

let server: http.Server | undefined;
let dir: string | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A loopback "Graph" answering every call with 400 and `message` in Graph's error envelope. */
async function graphSaying(message: string): Promise<GraphClient> {
  server = http.createServer((_request, response) => {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'Request_BadRequest', message } }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clock = new FakeRetryClock();
  const transport = new GraphTransport({
    fetch,
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    accessToken: () => Promise.resolve('graph-access-token'),
    clock,
    logger: captureLogger().logger,
    retry: TEST_GRAPH_RETRY,
    replication: TEST_REPLICATION_RETRY,
    timeoutMs: 5_000,
  });
  return new GraphClient(transport, clock);
}

/** What the renderer receives when a handler's Graph call fails, through the one dispatcher. */
async function failureThroughDispatcher(client: GraphClient): Promise<AppError> {
  const handlers = {
    'app:openExternal': async () => {
      await client.directory.searchUsers('adele');
      return { opened: true };
    },
  } satisfies FeatureHandlers<null>;
  const dispatch = createDispatcher(
    handlers,
    null,
    createLogger(() => undefined),
  );
  const result = await dispatch('app:openExternal', { url: 'https://stytch.com/' }, () => {});
  if (result.ok) throw new Error('expected the Graph call to fail');
  return result.error;
}

/** True when any 12 consecutive characters of `secret` appear in `text`. */
function showsPartOf(text: string, secret: string): boolean {
  for (let at = 0; at + 12 <= secret.length; at += 1)
    if (text.includes(secret.slice(at, at + 12))) return true;
  return false;
}

describe('text is masked before it is cut, so no cut leaves part of a secret', () => {
  it('keeps every character of a token straddling the 300-character cut of a Graph message from the renderer', async () => {
    registerSecret(TOKEN, 'microsoft-sign-in');
    // 47 of the token's 48 characters fall before the cut at 300.
    const client = await graphSaying(`${'m'.repeat(300 - 47)}${TOKEN} and more`);
    const error = await failureThroughDispatcher(client);
    expect(error.code).toBe('GRAPH_BAD_REQUEST');
    expect(error.message).toContain('Graph said: mmm');
    expect(showsPartOf(JSON.stringify(error), TOKEN)).toBe(false);
  });

  it('cuts after masking with the helper every cut site uses, whatever the secret straddles', () => {
    registerSecret(TOKEN, 'microsoft-sign-in');
    for (const before of [0, 1, 150, 199, 200 - 36, 200]) {
      const text = `${'d'.repeat(before)}${TOKEN}${'e'.repeat(500)}`;
      expect(showsPartOf(redactAndCut(text, 200), TOKEN)).toBe(false);
    }
  });
});

describe('a registered secret is masked in its base64 forms too', () => {
  it('masks base64(token) and base64url(token), padded or not, in a Graph message', async () => {
    registerSecret(TOKEN, 'microsoft-sign-in');
    for (const form of [b64(TOKEN), b64(TOKEN).replace(/=+$/, ''), b64url(TOKEN)]) {
      const client = await graphSaying(`the request carried ${form} in a header`);
      const error = await failureThroughDispatcher(client);
      expect(error.message).toContain('the request carried [redacted]');
      expect(showsPartOf(JSON.stringify(error), form)).toBe(false);
      server?.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = undefined;
    }
  });

  it('masks the token base64-encoded inside a longer string, at each of the three alignments', () => {
    const secret = 'aligned-Wq4Rt8Yu2Io6Pa0Sd3Fg7Hj1Kl';
    registerSecret(secret, 'microsoft-sign-in');
    for (const lead of ['', 'x', 'xy']) {
      const encoded = b64(`{"lead":"${lead}","token":"${secret}","more":"to come"}`);
      const shown = redactText(`header ${encoded}`);
      expect(shown).toContain('[redacted]');
      // What is left of the secret's encoding is at most the characters it shares with its neighbours.
      expect(showsPartOf(shown, b64(secret).slice(4, -4))).toBe(false);
    }
  });

  it('masks base64(projectId:secret) of the kept Stytch project, with and without "Basic "', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mask-pair-'));
    const { logger } = captureLogger();
    const secrets = new Secrets({
      store: new MemorySecretStore(),
      settings: new SettingsStore({ dir, logger }),
      logger,
    });
    const projectId = 'project-test-11111111-2222-4333-8444-555555555555';
    const secret = 'secret-test-Pz8Lq3Wm7Vx2Nb6Tc1Rk5Hy9Gd4Fs0Ja=';
    await secrets.saveProjectSecret(projectId, secret);
    const basic = b64(`${projectId}:${secret}`);
    // Stytch's error_message is shown as it came ("Stytch said: …").
    const error = stytchAppError({
      status: 400,
      body: {
        status_code: 400,
        request_id: 'request-id-test-1',
        error_type: 'unrecognised_error',
        error_message: `could not read ${basic} (also sent as Basic ${basic})`,
        error_url: 'https://stytch.com/docs/api/errors/400',
      },
    });
    const shown = redactAndCut(error.message, 1_000);
    expect(shown).toContain('could not read [redacted]');
    expect(shown).not.toContain(basic.slice(0, 40));
    expect(redactText(`Authorization: ${b64url(`${projectId}:${secret}`)}`)).toBe(
      'Authorization: [redacted]',
    );
  });
});
