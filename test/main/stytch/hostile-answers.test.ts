import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createConnectionSafely } from '../../../main/stytch/safe-writes';
import { StytchCallError } from '../../../main/stytch/stytch-transport';
import { startBigAnswerServer, type BigAnswerServer } from '../http/big-answer-server';
import { netFetchDouble } from '../../support/net-fetch-double';
import { loopbackClient } from './loopback-client';
import { failure } from '../../support/stytch-doubles';

const ENTRA = { displayName: 'Entra provisioning', identityProvider: 'microsoft-entra' };
const ORG = 'organization-test-redirected';
const CONNECTION_PATH = `/v1/b2b/scim/${ORG}/connection`;

describe('a Stytch answer far larger than any real one', () => {
  let big: BigAnswerServer;

  beforeAll(async () => {
    // A valid search answer padded to 50 MB: without a limit the client would accept it.
    big = await startBigAnswerServer(
      {
        prefix:
          '{"request_id":"request-id-test-big","status_code":200,"organizations":[],"padding":"',
        suffix: '","results_metadata":{"total":0}}',
      },
      false,
    );
  });

  afterAll(() => big.close());

  it('is refused past 4 MiB with NET_RESPONSE_TOO_LARGE and a hint, read no further, and not retried', async () => {
    const { client, clock } = loopbackClient(big.url);
    const error = await failure(() => client.searchOrganizations({ limit: 1 }));
    expect(error.code).toBe('NET_RESPONSE_TOO_LARGE');
    expect(error.message).toMatch(/answer from Stytch was larger/);
    expect(error.hint).not.toBe('');
    expect(clock.sleeps).toEqual([]);
    await expect(big.lastAnswerFinished()).resolves.toBe(false);
  });
});

describe('a Stytch call answered with a redirect', () => {
  const seen: string[] = [];
  let server: http.Server;
  let baseUrl = '';

  beforeAll(async () => {
    // The org has no connection; creating one is redirected to a sign-in page, as a captive
    // portal or single sign-on proxy would.
    server = http.createServer((request, response) => {
      request.resume();
      seen.push(`${request.method} ${request.url}`);
      if (request.method === 'GET') {
        response.setHeader('content-type', 'application/json');
        response.end('{"request_id":"request-id-test-get","status_code":200,"connection":null}');
        return;
      }
      response.writeHead(307, { location: 'https://login.example.invalid/sso' });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterEach(() => {
    seen.length = 0;
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('is reported as a redirect, not read back as a Create that may have happened, when net.fetch rejects it', async () => {
    const { client } = loopbackClient(baseUrl, netFetchDouble);
    let thrown: unknown;
    await createConnectionSafely(client, ORG, ENTRA).catch((error: unknown) => {
      thrown = error;
    });
    expect(thrown).toBeInstanceOf(StytchCallError);
    const error = thrown as StytchCallError;
    expect(error.appError.code).toBe('NET_REDIRECTED');
    expect(error.facts.ambiguous).toBe(false);
    expect(seen).toEqual([`GET ${CONNECTION_PATH}`, `POST ${CONNECTION_PATH}`]);
  });

  it("is reported the same way when Node's fetch hands the 3xx back", async () => {
    const { client } = loopbackClient(baseUrl);
    const error = await failure(() => client.createConnection(ORG, ENTRA));
    expect(error.code).toBe('NET_REDIRECTED');
    expect(error.hint).toMatch(/proxy/);
  });
});
