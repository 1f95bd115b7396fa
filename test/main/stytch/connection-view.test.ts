import { describe, expect, it } from 'vitest';

import { tokenExpiry } from '../../../shared/wizard/token-expiry';
import { SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import { HandlerHarness } from './handler-harness';

const h = HandlerHarness.install();

describe('the connection view’s token expiry', () => {
  it('carries the seeded short expiry of the sandbox’s expiring connection, inside the warning window', async () => {
    await h.connect();
    const { connection } = await h.ok('scim:getConnection', {
      organizationId: SEEDED_ORGANIZATIONS.hooli,
    });
    const expiry = tokenExpiry(connection?.bearerTokenExpiresAt ?? null, new Date());
    expect(expiry.state).toBe('expiring');
    expect(expiry.phrase).toMatch(/^expires in 10 days \(\d{4}-\d{2}-\d{2}\)$/);
  });

  it('carries the next token’s expiry during a rotation, with the stand-in’s usual lifetime', async () => {
    await h.connect();
    const started = await h.ok('scim:rotateStart', {
      organizationId: SEEDED_ORGANIZATIONS.hooli,
      connectionId:
        (await h.ok('scim:getConnection', { organizationId: SEEDED_ORGANIZATIONS.hooli }))
          .connection?.connectionId ?? '',
    });
    expect(started.connection.rotating).toBe(true);
    const next = tokenExpiry(started.connection.nextBearerTokenExpiresAt, new Date());
    expect(next.state).toBe('valid');
    expect(next.phrase).toMatch(/^expires in 3 years/);
    await h.ok('scim:rotateCancel', {
      organizationId: SEEDED_ORGANIZATIONS.hooli,
      connectionId: started.connection.connectionId,
    });
  });
});
