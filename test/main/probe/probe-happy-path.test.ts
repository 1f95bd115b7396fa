import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { matching } from '../../support/matching';
import { PROBE_CHECK_IDS, type ProbeProgress } from '../../../shared/probe/report';
import { generateTestCertificates, type TestCertificates } from './support/certs';
import { fetchTrusting } from './support/https-fetch';
import { checkOf, probe, statuses } from './support/probe-harness';
import { createScimApp, type ScimDirectory } from './support/scim-test-server';
import { startHttp, startHttps, type RunningServer } from './support/servers';

const TOKEN = 'happy-path-token-7f3a9c1e5b';

let certs: TestCertificates;
let secure: RunningServer;
let plain: RunningServer;
let directory: ScimDirectory;

beforeAll(async () => {
  certs = await generateTestCertificates();
  const scim = createScimApp({ token: TOKEN });
  directory = scim.directory;
  secure = await startHttps(scim.app, certs.good);
  plain = await startHttp(createScimApp({ token: TOKEN }).app);
});

afterAll(async () => {
  await Promise.all([secure.close(), plain.close()]);
  await certs.dispose();
});

describe('the probe against a real SCIM server (scimmy over https, test CA trusted)', () => {
  it('passes every check, the write cycle with groups included, and leaves nothing behind', async () => {
    const report = await probe(`${secure.origin}/scim?aadOptscim062020`, TOKEN, {
      fetch: fetchTrusting(certs.ca),
      ca: [certs.ca],
      writeCycle: true,
    });
    expect(statuses(report)).toEqual(Object.fromEntries(PROBE_CHECK_IDS.map((id) => [id, 'pass'])));
    expect(report.ok).toBe(true);
    expect(checkOf(report, 'tls').message).toMatch(/TLSv1\.3/);
    expect(checkOf(report, 'test-connection').entraWouldSay).toMatch(/credentials are authorized/);
    expect(checkOf(report, 'write-cycle').exchanges?.map((e) => e.label)).toEqual([
      'create',
      'read',
      'find-by-userName',
      'find-by-userName-any-case',
      'find-by-externalId',
      'create-group',
      'add-member',
      'read-members',
      'remove-member-compliant',
      'read-members-removed',
      'delete-group',
      'read-deleted-group',
      'patch-legacy',
      'read-legacy',
      'patch-compliant',
      'read-compliant',
      'deactivate',
      'read-deactivated',
      'delete',
      'read-deleted',
    ]);
    expect(directory.users.size).toBe(0);
    expect(directory.groups.size).toBe(0);
  });

  it('sends Entra’s Test Connection request: a userName filter for a random GUID, the flag stripped', async () => {
    const report = await probe(`${secure.origin}/scim/?aadOptscim062020`, TOKEN, {
      fetch: fetchTrusting(certs.ca),
      ca: [certs.ca],
    });
    const request = checkOf(report, 'test-connection').request!;
    const url = new URL(request.url);
    expect(url.pathname).toBe('/scim/Users');
    expect(url.searchParams.has('aadOptscim062020')).toBe(false);
    expect(url.searchParams.get('filter')).toMatch(/^userName eq "[0-9a-f-]{36}"$/);
    expect(request.headers.Authorization).toBe('Bearer [redacted]');
    expect(checkOf(report, 'url')).toMatchObject({
      status: 'warn',
      message: matching(/ends with a slash/),
    });
  });

  it('skips the write cycle unless asked, saying it would create a real user', async () => {
    const report = await probe(`${secure.origin}/scim?aadOptscim062020`, TOKEN, {
      fetch: fetchTrusting(certs.ca),
      ca: [certs.ca],
    });
    expect(checkOf(report, 'write-cycle')).toMatchObject({
      status: 'skip',
      message: matching(/creates and deletes a real test user/),
    });
    expect(report.ok).toBe(true);
  });

  it('reports one progress event per check, each counted, in completion order', async () => {
    const events: ProbeProgress[] = [];
    const report = await probe(
      `${secure.origin}/scim?aadOptscim062020`,
      TOKEN,
      { fetch: fetchTrusting(certs.ca), ca: [certs.ca] },
      { onCheck: (check, done, total) => events.push({ runId: 'r', check, done, total }) },
    );
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events.every((e) => e.total === 9)).toBe(true);
    expect(new Set(events.map((e) => e.check.id))).toEqual(new Set(report.checks.map((c) => c.id)));
    expect(events[0]?.check.id).toBe('url');
  });
});

describe('the probe against plain http on loopback', () => {
  it('runs every check but flags the URL: Microsoft asks for HTTPS, and TLS is skipped', async () => {
    const report = await probe(`${plain.origin}/scim?aadOptscim062020`, TOKEN, {
      writeCycle: true,
    });
    expect(checkOf(report, 'url')).toMatchObject({
      status: 'warn',
      fix: matching(/Microsoft: “Support HTTPS on your SCIM endpoint\.”/),
    });
    expect(checkOf(report, 'tls').status).toBe('skip');
    expect(checkOf(report, 'test-connection').status).toBe('pass');
    expect(checkOf(report, 'write-cycle').status).toBe('pass');
    expect(report.ok).toBe(true);
  });
});
