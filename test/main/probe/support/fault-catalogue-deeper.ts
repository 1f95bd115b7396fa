import type { TestCertificates } from './certs';
import { ENTRA_SHOWS_NO_ANSWER } from './entra-shows';
import { http, pass, type Fault } from './fault-catalogue';
import { FAULT_TOKEN, faultyScimApp, scimError, sendJson } from './fault-servers';
import { startHttp, startHttps } from './servers';

/** Servers with a bad TLS set-up (`certificates` is read when a server starts). */
export function tlsFaults(certificates: () => TestCertificates): Fault[] {
  const httpsWith =
    (pick: (c: TestCertificates) => { key: string; cert: string }, extra = {}) =>
    () =>
      startHttps(faultyScimApp(pass).app, pick(certificates()), extra);
  return [
    {
      name: 'uses a self-signed certificate',
      start: httpsWith((c) => c.selfSigned),
      expect: {
        check: 'tls',
        status: 'fail',
        message: /Self-signed/,
        entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
      },
    },
    {
      name: 'uses an expired certificate',
      start: httpsWith((c) => c.expired),
      expect: {
        check: 'tls',
        status: 'fail',
        message: /Expired: the certificate expired on 2021-01-01/,
      },
    },
    {
      name: 'uses a certificate for another host',
      start: httpsWith((c) => c.wrongHost),
      expect: {
        check: 'tls',
        status: 'fail',
        message:
          /Wrong host: the certificate is for DNS:scim\.wrong-host\.example, not 127\.0\.0\.1/,
      },
    },
    {
      name: 'uses a certificate from a CA nobody trusts',
      start: httpsWith((c) => c.untrusted),
      expect: { check: 'tls', status: 'fail', message: /Untrusted chain/ },
    },
    {
      name: 'offers only TLS 1.1',
      start: httpsWith((c) => c.good, {
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.1',
        ciphers: 'DEFAULT@SECLEVEL=0',
      }),
      expect: { check: 'tls', status: 'fail', message: /Old protocol/ },
    },
    {
      name: 'offers only TLS 1.3',
      start: httpsWith((c) => c.good, { minVersion: 'TLSv1.3' }),
      expect: {
        check: 'tls',
        status: 'fail',
        message: /^The server refuses TLS 1\.2: it speaks only TLSv1\.3 \(/,
        fix: /TLS 1\.2 .*TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.*The only acceptable protocol version is TLS 1\.2\./,
        entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
      },
    },
    {
      name: 'speaks TLS 1.2 only with a cipher suite Microsoft does not list',
      start: httpsWith((c) => c.good, {
        maxVersion: 'TLSv1.2',
        ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305',
      }),
      expect: {
        check: 'tls',
        status: 'fail',
        message:
          /^The server speaks TLS 1\.2 only with TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 \(ECDHE-ECDSA-CHACHA20-POLY1305\), which is not one of Microsoft’s TLS 1\.2 cipher suites\.$/,
        entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
      },
    },
    {
      name: 'has a certificate about to expire',
      start: httpsWith((c) => c.expiringSoon),
      expect: { check: 'tls', status: 'warn', message: /expires in [23] day\(s\)/ },
    },
    {
      name: 'has a host name that does not resolve',
      start: () =>
        Promise.resolve({
          origin: 'https://scim.no-such-host.invalid',
          port: 443,
          close: () => Promise.resolve(),
        }),
      timeoutMs: 4_000,
      expect: {
        check: 'tls',
        status: 'fail',
        message: /DNS: the host name of scim\.no-such-host\.invalid:443 does not resolve/,
      },
    },
    {
      name: 'speaks plain http where the URL says https',
      start: async () => {
        const server = await startHttp(faultyScimApp(pass).app);
        return { ...server, origin: server.origin.replace('http:', 'https:') };
      },
      expect: { check: 'tls', status: 'fail', message: /does not speak TLS/ },
    },
  ];
}

/** Servers that pass Test Connection but fail a deeper check. */
export const DEEPER_CHECK_FAULTS: Fault[] = [
  {
    name: 'accepts any token',
    start: http((request, _response, next) => {
      request.headers.authorization = `Bearer ${FAULT_TOKEN}`;
      next();
    }),
    expect: {
      check: 'auth-enforced',
      status: 'warn',
      message: /accepted a deliberately wrong token/,
    },
  },
  {
    name: 'cannot filter on externalId',
    start: http((request, response, next) =>
      typeof request.query.filter === 'string' && request.query.filter.startsWith('externalId')
        ? sendJson(response, 400, scimError(400, 'Unsupported filter attribute', 'invalidFilter'))
        : next(),
    ),
    expect: {
      check: 'external-id-filter',
      status: 'fail',
      message: /400 Bad Request.*rejected the filter.*objectId/,
    },
  },
  {
    name: 'answers an unknown user id with a bare 404',
    start: http((request, response, next) =>
      request.method === 'GET' && /^\/Users\/.+/.test(request.path)
        ? void response.status(404).type('text/plain').send('no')
        : next(),
    ),
    expect: { check: 'not-found-shape', status: 'warn', message: /not a SCIM Error/ },
  },
  {
    name: 'has no discovery endpoints',
    start: http((request, response, next) =>
      /^\/(ServiceProviderConfig|ResourceTypes|Schemas)/.test(request.path)
        ? void response.sendStatus(404)
        : next(),
    ),
    expect: {
      check: 'discovery',
      status: 'warn',
      message: /\/ServiceProviderConfig answered 404.*Entra does not need these/,
    },
  },
  {
    name: 'refuses Entra’s legacy PATCH, with the flag in the URL',
    start: http(pass, { entraCompat: false }),
    writeCycle: true,
    expect: {
      check: 'write-cycle',
      status: 'warn',
      message: /legacy update answered 400.*Provision on demand/,
    },
  },
  {
    name: 'refuses Entra’s legacy PATCH, without the flag',
    start: http(pass, { entraCompat: false }),
    tenantPath: '/scim',
    writeCycle: true,
    expect: {
      check: 'write-cycle',
      status: 'fail',
      message: /without \?aadOptscim062020 this is what Entra sends in every cycle/,
    },
  },
  {
    name: 'creates users but does not answer their id',
    start: http((request, response, next) => {
      if (request.method === 'POST' && request.path === '/Users') {
        const send = response.send.bind(response);
        response.send = (body: unknown) => {
          const { id: _id, ...rest } = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
          return send(JSON.stringify(rest));
        };
      }
      next();
    }),
    writeCycle: true,
    expect: {
      check: 'write-cycle',
      status: 'fail',
      message: /answered 201 without an "id".*The test user was cleaned up/,
    },
  },
  {
    name: 'cannot delete users',
    start: http((request, response, next) =>
      request.method === 'DELETE'
        ? sendJson(response, 405, scimError(405, 'DELETE not allowed'))
        : next(),
    ),
    writeCycle: true,
    expect: {
      check: 'write-cycle',
      status: 'fail',
      message: /Left behind: user id \S+ \(userName scim-check-/,
      fix: /Delete the test user/,
    },
  },
];
