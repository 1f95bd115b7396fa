import { afterEach, describe, expect, it } from 'vitest';

import { scopesFor } from '../../../shared/entra/graph-permissions';
import { AppFailure } from '../../../shared/errors';
import { GraphClient } from '../../../main/graph/graph-client';
import {
  GRAPH_OPERATION_NAMES,
  graphApiVersion,
  graphBaseUrl,
} from '../../../main/graph/graph-operations';
import { isWithheldValue, settingsToKeep } from '../../../main/graph/graph-queries';
import { GraphTransport } from '../../../main/graph/graph-transport';
import type { FetchLike } from '../../../main/http/create-http-client';
import { captureLogger } from '../../support/capture-logger';
import { graphHarness, TEST_GRAPH_RETRY, type GraphHarness } from '../../support/graph-harness';
import { FakeRetryClock } from '../../support/fake-retry-clock';

const BASE = 'https://graph.microsoft.com/v1.0';
const TOKEN = 'graph-access-token-for-beta-tests-0123456789';
const EMAIL = 'alerts@contoso.example';

/** A Graph that answers every request with `answer`, recording what was sent. */
function recordingGraph(answer: () => Response) {
  const sent: { method: string; url: string; body: string | null }[] = [];
  const fetchLike: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, body: await request.text() });
    return answer();
  };
  const clock = new FakeRetryClock();
  const { logger, records } = captureLogger();
  const transport = new GraphTransport({
    fetch: fetchLike,
    baseUrl: BASE,
    accessToken: () => Promise.resolve(TOKEN),
    clock,
    logger,
    retry: TEST_GRAPH_RETRY,
  });
  return { client: new GraphClient(transport, clock), sent, records };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('Graph beta, for the one operation v1.0 lacks (secrets.list)', () => {
  it('marks secrets.list alone as beta', () => {
    const beta = GRAPH_OPERATION_NAMES.filter((name) => graphApiVersion(name) === 'beta');
    expect(beta).toEqual(['secrets.list']);
  });

  it('builds the beta base from the v1.0 one by swapping the trailing /v1.0', () => {
    expect(graphBaseUrl(BASE, 'beta')).toBe('https://graph.microsoft.com/beta');
    expect(graphBaseUrl(`${BASE}/`, 'beta')).toBe('https://graph.microsoft.com/beta');
    expect(graphBaseUrl('http://127.0.0.1:4100/v1.0', 'beta')).toBe('http://127.0.0.1:4100/beta');
    expect(graphBaseUrl(`${BASE}/`, 'v1.0')).toBe(BASE);
    expect(() => graphBaseUrl('https://proxy.example/graph', 'beta')).toThrow(/v1\.0/);
  });

  it('GETs https://graph.microsoft.com/beta/…/synchronization/secrets, and PUTs on v1.0', async () => {
    const { client, sent } = recordingGraph(() =>
      json({ value: [{ key: 'SyncAll', value: 'false' }] }),
    );
    expect(await client.listSecrets('sp 1')).toEqual([{ key: 'SyncAll', value: 'false' }]);
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: 'https://graph.microsoft.com/beta/servicePrincipals/sp%201/synchronization/secrets',
    });
  });

  it('reads values leniently: missing, null or not a string reads as null; a key must be a string', async () => {
    let body: unknown = {
      value: [
        { key: 'SecretToken' },
        { key: 'BaseAddress', value: null },
        { key: 'SyncAll', value: false },
        { key: 'SkipOutOfScopeDeletions', value: 'true', extra: 1 },
      ],
    };
    const { client } = recordingGraph(() => json(body));
    expect(await client.listSecrets('sp-1')).toEqual([
      { key: 'SecretToken', value: null },
      { key: 'BaseAddress', value: null },
      { key: 'SyncAll', value: null },
      { key: 'SkipOutOfScopeDeletions', value: 'true' },
    ]);
    body = { value: [{ value: 'no key' }] };
    const error = await client.listSecrets('sp-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).appError.code).toBe('GRAPH_UNEXPECTED_RESPONSE');
  });

  it('PUTs the credentials first, then the kept settings in the order given', async () => {
    const { client, sent } = recordingGraph(() => new Response(null, { status: 204 }));
    await client.saveSecrets('sp-1', { baseAddress: 'https://scim.example/v2', secretToken: 't' }, [
      { key: 'SyncNotificationSettings', value: '{"Enabled":false}' },
      { key: 'SyncAll', value: 'false' },
    ]);
    expect(sent[0]?.url).toBe(`${BASE}/servicePrincipals/sp-1/synchronization/secrets`);
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      value: [
        { key: 'BaseAddress', value: 'https://scim.example/v2' },
        { key: 'SecretToken', value: 't' },
        { key: 'SyncNotificationSettings', value: '{"Enabled":false}' },
        { key: 'SyncAll', value: 'false' },
      ],
    });
  });

  it('logs neither what it read nor what it sent', async () => {
    const body = {
      value: [{ key: 'SyncNotificationSettings', value: `{"Recipients":"${EMAIL}"}` }],
    };
    const { client, records } = recordingGraph(() => json(body));
    const read = await client.listSecrets('sp-1');
    expect(records.map((r) => r.event)).toEqual(['graph.call']);
    const put = recordingGraph(() => new Response(null, { status: 204 }));
    await put.client.saveSecrets('sp-1', { baseAddress: 'https://x.example', secretToken: 'tok' }, [
      { key: read[0]?.key ?? '', value: read[0]?.value ?? '' },
    ]);
    expect(JSON.stringify([...records, ...put.records])).not.toContain(EMAIL);
  });

  it('keeps a next page on the operation’s own version: a v1.0 list refuses a link into beta', async () => {
    const next =
      'https://graph.microsoft.com/beta/servicePrincipals/sp-1/appRoleAssignedTo?$skiptoken=x';
    const { client, sent } = recordingGraph(() => json({ value: [], '@odata.nextLink': next }));
    const error = await client.directory.listAssignments('sp-1').catch((e: unknown) => e);
    expect((error as AppFailure).appError.code).toBe('GRAPH_UNEXPECTED_RESPONSE');
    expect(sent).toHaveLength(1);
  });
});

describe('settingsToKeep: the job’s other settings, or null when one was withheld', () => {
  it('keeps every key but BaseAddress and SecretToken, as read and in order', () => {
    expect(
      settingsToKeep([
        { key: 'SyncAll', value: 'false' },
        { key: 'BaseAddress', value: 'https://old.example' },
        { key: 'SecretToken', value: null },
        { key: 'secrettoken', value: '*****' },
        { key: 'SkipOutOfScopeDeletions', value: 'true' },
      ]),
    ).toEqual([
      { key: 'SyncAll', value: 'false' },
      { key: 'SkipOutOfScopeDeletions', value: 'true' },
    ]);
    expect(settingsToKeep([])).toEqual([]);
  });

  it('gives up (null) when any kept value is null, empty or a mask', () => {
    for (const value of [null, '', '  ', '*****', '••••'])
      expect(
        settingsToKeep([
          { key: 'SyncAll', value: 'false' },
          { key: 'X', value },
        ]),
      ).toBeNull();
    expect(isWithheldValue('a*b')).toBe(false);
    expect(isWithheldValue('false')).toBe(false);
  });
});

describe('the stand-in serves each operation on its own version only', () => {
  let harness: GraphHarness | undefined;
  afterEach(async () => {
    await harness?.standIn.stop();
    harness = undefined;
  });

  it('answers GET /beta/…/secrets with the stored keys, SecretToken withheld; not on /v1.0', async () => {
    harness = await graphHarness({ scimOrigin: 'https://scim.example' });
    const { client, standIn, scopeRequests } = harness;
    const created = await client.instantiateNonGalleryApp('Stytch SCIM');
    const spId = created.servicePrincipal.id;
    await client.createJob(spId);
    await client.saveSecrets(spId, { baseAddress: 'https://scim.example/v2', secretToken: 'tok' }, [
      { key: 'SyncAll', value: 'true' },
    ]);
    expect(await client.listSecrets(spId)).toEqual([
      { key: 'BaseAddress', value: 'https://scim.example/v2' },
      { key: 'SecretToken', value: null },
      { key: 'SyncAll', value: 'true' },
    ]);
    expect(standIn.history.at(-1)).toMatchObject({ operation: 'secrets.list', apiVersion: 'beta' });
    expect(scopeRequests.at(-1)).toEqual(scopesFor('configure-provisioning'));

    const token = await standIn.accessToken([]);
    const path = `/servicePrincipals/${spId}/synchronization/secrets`;
    const headers = { Authorization: `Bearer ${token}` };
    const onV1 = await fetch(`${standIn.baseUrl}${path}`, { headers });
    expect(onV1.status).toBe(400);
    const jobsOnBeta = await fetch(
      `${graphBaseUrl(standIn.baseUrl, 'beta')}/servicePrincipals/${spId}/synchronization/jobs`,
      { headers },
    );
    expect(jobsOnBeta.status).toBe(400);
  });
});
