import { describe, expect, it } from 'vitest';

import { maskFor } from '../../../main/probe/shown-text';
import { SandboxScimServer } from '../../../main/sandbox/scim-server/scim-server';
import { FAULT_TOKEN, scimError, sendJson } from './support/fault-servers';
import { checkOf, probe } from './support/probe-harness';
import { remaining, startWithFault } from './support/write-cycle-servers';

describe('the probe names what refused, and says only what happened', () => {
  it('a 403 on /Groups alone names /Groups and the token’s scope, not the users', async () => {
    const server = await startWithFault(
      () => (request, response, next) =>
        request.path.startsWith('/Groups')
          ? sendJson(response, 403, scimError(403, 'Forbidden'))
          : next(),
    );
    try {
      const report = await probe(`${server.origin}/scim?aadOptscim062020`, FAULT_TOKEN);
      const check = checkOf(report, 'test-connection');
      expect(check.status).toBe('fail');
      expect(check.message).toMatch(
        /group query failed: \/Groups answered 403 \(“Forbidden”\): the server knows the token but does not allow it to read groups\./,
      );
      expect(check.message).not.toMatch(/read users/);
      expect(check.fix).toMatch(/token’s scope or role: it must allow \/Groups as well as \/Users/);
    } finally {
      await server.close();
    }
  });

  it('when creating the user is refused (403), says nothing was created rather than that it was cleaned up', async () => {
    const server = await startWithFault(
      () => (request, response, next) =>
        request.method === 'POST' && request.path === '/Users'
          ? sendJson(response, 403, scimError(403, 'Not allowed to create users'))
          : next(),
    );
    try {
      const report = await probe(`${server.origin}/scim?aadOptscim062020`, FAULT_TOKEN, {
        writeCycle: true,
      });
      const check = checkOf(report, 'write-cycle');
      expect(check.status).toBe('fail');
      expect(check.message).toMatch(/Creating an Entra-shaped user answered 403/);
      expect(check.message).toMatch(/Nothing was created, so nothing was left behind\.$/);
      expect(check.message).not.toMatch(/cleaned up/);
      expect(check.exchanges?.map((l) => l.label)).toEqual(['create']);
      expect(await remaining(server)).toEqual({ users: 0, groups: 0 });
    } finally {
      await server.close();
    }
  });

  it('keeps "OAuth Bearer Token" readable in a discovery excerpt, and still masks the token', async () => {
    const server = await SandboxScimServer.start();
    const token = 'wording-test-token-0123456789abcdef';
    try {
      server.open('scim-connection-test-wording', [token]);
      const report = await probe(server.baseUrlFor('scim-connection-test-wording'), token);
      const line = checkOf(report, 'discovery').exchanges?.find(
        (l) => l.label === 'ServiceProviderConfig',
      );
      expect(line?.response?.bodyExcerpt).toContain('"name":"OAuth Bearer Token"');
      expect(JSON.stringify(report)).not.toContain(token);
    } finally {
      await server.stop();
    }
  });

  it('masks a credential after "Bearer" but not the word “Token” in prose', () => {
    const shown = maskFor(['registered-secret-value'])(
      'OAuth Bearer Token; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig; Bearer registered-secret-value',
    );
    expect(shown).toBe('OAuth Bearer Token; Authorization: Bearer [redacted]; Bearer [redacted]');
  });
});
