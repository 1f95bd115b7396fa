import express, { type Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateTestCertificates, type TestCertificates } from './support/certs';
import { ENTRA_SHOWS_SUCCESS } from './support/entra-shows';
import { fetchTrusting } from './support/https-fetch';
import { checkOf, probe } from './support/probe-harness';
import { createScimApp } from './support/scim-test-server';
import { startHttps, type RunningServer } from './support/servers';

const TOKEN = 'test-connection-token-5d1c9e';

let certs: TestCertificates;
let server: RunningServer;
/** The request line of every request the server received, as it arrived. */
const received: string[] = [];
/** The filters as the server decoded them. */
const filters: string[] = [];

beforeAll(async () => {
  certs = await generateTestCertificates();
  const app = express();
  app.use((request: Request, _response, next) => {
    received.push(request.originalUrl);
    if (typeof request.query.filter === 'string') filters.push(request.query.filter);
    next();
  });
  app.use(createScimApp({ token: TOKEN }).app);
  server = await startHttps(app, certs.good);
});

afterAll(async () => {
  await server.close();
  await certs.dispose();
});

const run = () =>
  probe(`${server.origin}/scim?aadOptscim062020`, TOKEN, {
    fetch: fetchTrusting(certs.ca),
    ca: [certs.ca],
  });

describe('Test Connection, as Entra sends it, against a correct SCIM server', () => {
  it('sends a user query and a group query, form-encoded with "+" for spaces, and passes with Entra’s success message', async () => {
    received.length = 0;
    filters.length = 0;
    const check = checkOf(await run(), 'test-connection');
    expect(check).toMatchObject({
      status: 'pass',
      entraWouldSay: expect.stringMatching(ENTRA_SHOWS_SUCCESS) as unknown,
    });
    expect(check.exchanges?.map((line) => [line.label, line.status])).toEqual([
      ['user query', 'pass'],
      ['group query', 'pass'],
    ]);
    const sent = (check.exchanges ?? []).map((line) => {
      const url = new URL(line.request.url);
      return `${url.pathname}${url.search}`;
    });
    // Quotes go out as %22: fetch's URL parser encodes them (see resourceUrl); the server
    // decodes them to the filter Entra sends.
    expect(sent).toEqual([
      expect.stringMatching(/^\/scim\/Users\?filter=userName\+eq\+%22[0-9a-f-]{36}%22$/),
      expect.stringMatching(
        /^\/scim\/Groups\?excludedAttributes=members&filter=displayName\+eq\+%22[0-9a-f-]{36}%22$/,
      ),
    ]);
    expect(received).toEqual(expect.arrayContaining(sent));
    expect(filters).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^userName eq "[0-9a-f-]{36}"$/),
        expect.stringMatching(/^displayName eq "[0-9a-f-]{36}"$/),
      ]),
    );
  });

  it('passes TLS on TLS 1.2 with one of Microsoft’s suites, named by IANA and OpenSSL', async () => {
    const check = checkOf(await run(), 'tls');
    expect(check.status).toBe('pass');
    expect(check.message).toMatch(
      /^TLS 1\.2 with TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 \(ECDHE-ECDSA-AES128-GCM-SHA256\), one of Microsoft’s TLS 1\.2 cipher suites \(it also speaks TLSv1\.3 to clients that offer it\)\. Certificate for /,
    );
  });
});
