import { describe, expect, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import { GraphClient } from '../../../main/graph/graph-client';
import { sameGraphLink } from '../../../main/graph/graph-paging';
import { GraphTransport } from '../../../main/graph/graph-transport';
import type { FetchLike } from '../../../main/http/create-http-client';
import { captureLogger } from '../../support/capture-logger';
import { TEST_GRAPH_RETRY } from '../../support/graph-harness';
import { FakeRetryClock } from '../../support/fake-retry-clock';

const BASE = 'https://graph.microsoft.com/v1.0';
const TOKEN = 'graph-access-token-for-paging-tests-0123456789';

/** A Graph that answers list calls in pages, each with the nextLink the test chose. */
function pagedGraph(pages: { value: unknown[]; next?: string }[]) {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetchPages: FetchLike = (input, init) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
    seen.push({ url, authorization: headers.get('authorization') });
    const index = seen.length - 1;
    const page = pages[index] ?? { value: [] };
    const body = {
      value: page.value,
      ...(page.next === undefined ? {} : { '@odata.nextLink': page.next }),
    };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  const clock = new FakeRetryClock();
  const transport = new GraphTransport({
    fetch: fetchPages,
    baseUrl: BASE,
    accessToken: () => Promise.resolve(TOKEN),
    clock,
    logger: captureLogger().logger,
    retry: TEST_GRAPH_RETRY,
  });
  return { client: new GraphClient(transport, clock), seen };
}

const sp = (id: string) => ({ id, displayName: 'Stytch SCIM' });
const assignment = (id: string) => ({
  id,
  appRoleId: 'role',
  principalId: id,
  principalType: 'User',
  resourceId: 'sp-1',
});

describe('GraphClient paging (@odata.nextLink)', () => {
  it('follows nextLink on the same Graph host, sending the link as given', async () => {
    const next = `${BASE}/servicePrincipals/sp-1/appRoleAssignedTo?$skiptoken=abc`;
    const { client, seen } = pagedGraph([
      { value: [assignment('a'), assignment('b')], next },
      { value: [assignment('c')] },
    ]);
    const all = await client.directory.listAssignments('sp-1');
    expect(all.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(seen.map((s) => s.url)).toEqual([
      `${BASE}/servicePrincipals/sp-1/appRoleAssignedTo`,
      next,
    ]);
    expect(seen.every((s) => s.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('reads every page of service principals with the same name', async () => {
    const { client } = pagedGraph([
      { value: [sp('1')], next: `${BASE}/servicePrincipals?$skiptoken=2` },
      { value: [sp('2')] },
    ]);
    expect((await client.findServicePrincipals('Stytch SCIM')).map((s) => s.id)).toEqual([
      '1',
      '2',
    ]);
  });

  it('refuses a nextLink to another host, and never sends the token there', async () => {
    const { client, seen } = pagedGraph([
      { value: [assignment('a')], next: 'https://graph.microsoft.com.evil.example/v1.0/x' },
    ]);
    const error = await client.directory.listAssignments('sp-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).appError.code).toBe('GRAPH_UNEXPECTED_RESPONSE');
    expect((error as AppFailure).appError.message).toContain('graph.microsoft.com.evil.example');
    expect(seen).toHaveLength(1);
  });

  it('stops the provisioning log after enough rows, and any list after its page cap', async () => {
    const entry = (n: number) => ({ id: `e${n}`, activityDateTime: '2026-03-01T10:00:00Z' });
    const loop = `${BASE}/auditLogs/provisioning?$skiptoken=again`;
    const { client, seen } = pagedGraph(
      Array.from({ length: 50 }, (_, n) => ({
        value: [entry(2 * n), entry(2 * n + 1)],
        next: loop,
      })),
    );
    const { entries: rows } = await client.listProvisioningLogs('job', { maxRows: 5 });
    expect(rows).toHaveLength(6);
    expect(seen).toHaveLength(3);

    const endless = pagedGraph(
      Array.from({ length: 50 }, () => ({ value: [sp('x')], next: `${BASE}/servicePrincipals?n` })),
    );
    await endless.client.findServicePrincipals('Stytch SCIM');
    expect(endless.seen.length).toBeLessThanOrEqual(5);
  });

  it('accepts links under the base path only, on the same origin, without credentials', () => {
    expect(sameGraphLink(BASE, `${BASE}/users?$skiptoken=1`)).not.toBeNull();
    expect(sameGraphLink(BASE, 'https://graph.microsoft.com/beta/users')).toBeNull();
    expect(sameGraphLink(BASE, 'http://graph.microsoft.com/v1.0/users')).toBeNull();
    expect(sameGraphLink(BASE, 'https://user:pw@graph.microsoft.com/v1.0/users')).toBeNull();
    expect(sameGraphLink(BASE, 'https://graph.microsoft.com:8443/v1.0/users')).toBeNull();
    expect(sameGraphLink(BASE, 'not a url')).toBeNull();
  });
});
