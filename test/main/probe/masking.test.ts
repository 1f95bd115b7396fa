import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { faultyScimApp, isUserQuery, scimError, sendJson } from './support/fault-servers';
import { checkOf, probe, statuses } from './support/probe-harness';
import { startHttp, type RunningServer } from './support/servers';

/** A token that is also a word of every healthy answer: masking it before parsing breaks them. */
const WORD_TOKEN = 'ListResponse';
const TOKEN = 'masking-test-token-5e4d3c2b1a';

/** 37 characters: the SCIM detail below puts 36 of them before the cut at 200. */
const STRADDLING_TOKEN = 'straddle-Qv7Lm2Rk9Tz4Wx8Np3Hs6Jd1Fb5G';

let wordToken: RunningServer;
let echoing: RunningServer;
let straddling: RunningServer;

beforeAll(async () => {
  const pass = faultyScimApp((_request, _response, next) => next(), { token: WORD_TOKEN });
  wordToken = await startHttp(pass.app);
  echoing = await startHttp(
    faultyScimApp((request, response, next) =>
      isUserQuery(request)
        ? sendJson(response, 500, scimError(500, `bad token ${request.headers.authorization}`))
        : next(),
    ).app,
  );
  straddling = await startHttp(
    faultyScimApp(
      (request, response, next) =>
        isUserQuery(request)
          ? sendJson(
              response,
              401,
              scimError(
                401,
                `${'d'.repeat(200 - 36)}${request.headers.authorization?.slice('Bearer '.length) ?? ''} is not valid`,
              ),
            )
          : next(),
      { token: STRADDLING_TOKEN },
    ).app,
  );
});

afterAll(async () => {
  await Promise.all([wordToken.close(), echoing.close(), straddling.close()]);
});

describe('the probe judges what the server sent, and masks only what it shows', () => {
  it('passes a healthy server although the token is a word its answers contain', async () => {
    const report = await probe(`${wordToken.origin}/scim?aadOptscim062020`, WORD_TOKEN);
    expect(statuses(report)).toMatchObject({
      'test-connection': 'pass',
      'auth-enforced': 'pass',
      'external-id-filter': 'pass',
      groups: 'pass',
      'not-found-shape': 'pass',
      discovery: 'pass',
    });
    // What the report shows is masked all the same.
    expect(checkOf(report, 'test-connection').response?.bodyExcerpt).toContain(
      'messages:2.0:[redacted]',
    );
    expect(JSON.stringify(report)).not.toContain(WORD_TOKEN);
  });

  it('masks the token where a server echoes it into a message and an excerpt', async () => {
    const report = await probe(`${echoing.origin}/scim?aadOptscim062020`, TOKEN);
    const check = checkOf(report, 'test-connection');
    expect(check.status).toBe('fail');
    expect(check.message).toMatch(/Server says: “bad token Bearer \[redacted\]”/);
    expect(check.response?.bodyExcerpt).toContain('Bearer [redacted]');
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('masks a SCIM detail before cutting it at 200, so no part of a straddling token is shown', async () => {
    expect(STRADDLING_TOKEN).toHaveLength(37);
    const report = await probe(`${straddling.origin}/scim?aadOptscim062020`, STRADDLING_TOKEN);
    const check = checkOf(report, 'test-connection');
    expect(check.status).toBe('fail');
    expect(check.message).toContain('ddd');
    const shown = JSON.stringify(report);
    for (let at = 0; at + 10 <= STRADDLING_TOKEN.length; at += 1)
      expect(shown).not.toContain(STRADDLING_TOKEN.slice(at, at + 10));
  });
});
