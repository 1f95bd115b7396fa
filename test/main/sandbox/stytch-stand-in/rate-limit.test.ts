import { describe, expect, it } from 'vitest';

import { installStandIn } from '../../../support/stand-in-harness';

/** The stand-in's clock: 55 seconds past a minute, moved only by the tests. */
let at = Date.UTC(2026, 0, 1, 12, 0, 55);
const t = installStandIn({ now: () => new Date(at) });

const SEARCH_MEMBERS = 'v1/b2b/organizations/members/search';
const searchMembers = () => t.stytch('POST', SEARCH_MEMBERS, { organization_ids: ['org'] });

describe('stand-in: search rate limits (100 requests per minute, windows from the top of the minute)', () => {
  it('answers the 101st members search of a minute with 429 and Retry-After to the next minute, then serves again', async () => {
    for (let i = 0; i < 100; i += 1) expect((await searchMembers()).status).toBe(200);

    const limited = await searchMembers();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect(limited.json).toMatchObject({
      status_code: 429,
      error_type: 'too_many_requests',
      error_message: 'Too many requests have been made.',
    });

    const orgSearch = await t.stytch('POST', 'v1/b2b/organizations/search', { limit: 1 });
    expect(orgSearch.status).toBe(200);

    at += 5_000;
    expect((await searchMembers()).status).toBe(200);
  });
});
