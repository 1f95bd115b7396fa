import { describe, expect, it, vi } from 'vitest';

import type { FetchLike } from '../../../main/http/create-http-client';
import { FAULT_TOKEN } from './support/fault-servers';
import { REQUEST_KINDS, startHostile, type Hostility } from './support/hostile-servers';
import { matching } from '../../support/matching';
import { checkOf, probe } from './support/probe-harness';

const TIMEOUT_MS = 1_500;

const WORDING: Record<Hostility, { message: RegExp; fix: RegExp }> = {
  'sends 50 MB': { message: /sent more than 1 MiB/, fix: /A SCIM answer is small JSON/ },
  'streams without end': { message: /sent more than 1 MiB/, fix: /A SCIM answer is small JSON/ },
  'trickles without end': {
    message: /did not finish sending its answer within 1500 ms/,
    fix: /must arrive whole and promptly/,
  },
};

const CASES = REQUEST_KINDS.flatMap((kind) =>
  (Object.keys(WORDING) as Hostility[]).map((how) => ({ kind, how })),
);

describe('a server whose answer is too long or never ends', () => {
  it.each(CASES)(
    'fails the check whose request ($kind.name) it $how, and the run finishes',
    async ({ kind, how }) => {
      const server = await startHostile(kind, how);
      try {
        const report = await probe(`${server.origin}/scim?aadOptscim062020`, FAULT_TOKEN, {
          timeoutMs: TIMEOUT_MS,
          writeCycle: kind.writeCycle ?? false,
        });
        const check = checkOf(report, kind.check);
        expect(check.status, check.message).toBe('fail');
        expect(check.message).toMatch(WORDING[how].message);
        expect(check.fix).toMatch(WORDING[how].fix);
        expect(report.ok).toBe(false);
        // The probe stopped reading and closed the connection rather than waiting for the end.
        await vi.waitFor(() => expect(server.log.cutOff).toBeGreaterThan(0));
        expect(server.log.readToEnd).toBe(0);
      } finally {
        await server.close();
      }
    },
  );
});

/**
 * A fetch whose answers start and never go on, and whose body does not end when the request's
 * signal aborts: not every fetch ends a pending read then, so the probe must stop reading itself.
 */
const stalledBodyFetch: FetchLike = () =>
  Promise.resolve(
    new Response(new ReadableStream({ pull: () => new Promise<void>(() => undefined) }), {
      status: 200,
      headers: { 'Content-Type': 'application/scim+json' },
    }),
  );

describe('a fetch that keeps a body open after its signal aborts', () => {
  it('still ends the request at its time limit, as an unfinished answer', async () => {
    const report = await probe('http://127.0.0.1:9/scim?aadOptscim062020', FAULT_TOKEN, {
      fetch: stalledBodyFetch,
      timeoutMs: 300,
    });
    expect(checkOf(report, 'test-connection')).toMatchObject({
      status: 'fail',
      message: matching(/did not finish sending its answer within 300 ms/),
    });
  });
});
