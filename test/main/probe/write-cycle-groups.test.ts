import express, { type Request } from 'express';
import { describe, expect, it } from 'vitest';

import type { ProbeCheck, ProbeStatus } from '../../../shared/probe/report';
import {
  FAULT_TOKEN,
  faultyScimApp,
  scimError,
  sendJson,
  type Override,
} from './support/fault-servers';
import { checkOf, probe } from './support/probe-harness';
import { startHttp, type RunningServer } from './support/servers';
import { parseJson, remaining } from './support/write-cycle-servers';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const FLAG = '/scim?aadOptscim062020';
const NO_FLAG = '/scim';

interface Received {
  method: string;
  path: string;
  body: unknown;
}

const operationOf = (request: Request): string => {
  const body = request.body as { Operations?: Array<{ op?: string }> } | undefined;
  return body?.Operations?.[0]?.op?.toLowerCase() ?? '';
};

const isGroupPatch = (op: string) => (request: Request) =>
  request.method === 'PATCH' && /^\/Groups\/.+/.test(request.path) && operationOf(request) === op;

/**
 * A real scimmy server that logs every request and, once, breaks the first one `matches` picks:
 * `refuse` answers 500 without doing anything; `lose-answer` does the work and then drops the
 * connection, so the probe cannot know whether it happened.
 */
async function startBreakingOnce(
  matches: (request: Request) => boolean,
  how: 'refuse' | 'lose-answer',
): Promise<{ server: RunningServer; received: Received[] }> {
  const received: Received[] = [];
  let broken = false;
  const fault: Override = (request, response, next) => {
    received.push({ method: request.method, path: request.path, body: request.body });
    if (broken || !matches(request)) return next();
    broken = true;
    if (how === 'refuse') return sendJson(response, 500, scimError(500, 'Injected failure'));
    response.send = () => {
      request.socket.destroy();
      return response;
    };
    next();
  };
  const inFront = express.Router().use(parseJson, fault);
  return { server: await startHttp(faultyScimApp(inFront).app), received };
}

async function writeCycle(server: RunningServer, tenantPath: string): Promise<ProbeCheck> {
  const report = await probe(`${server.origin}${tenantPath}`, FAULT_TOKEN, { writeCycle: true });
  expect(JSON.stringify(report)).not.toContain(FAULT_TOKEN);
  return checkOf(report, 'write-cycle');
}

const labels = (check: ProbeCheck): string[] => check.exchanges?.map((e) => e.label) ?? [];

function line(check: ProbeCheck, label: string) {
  const found = check.exchanges?.find((e) => e.label === label);
  if (!found) throw new Error(`no ${label} line in ${labels(check).join(', ')}`);
  return found;
}

/** The id of the test user, from the DELETE that removed it. */
function userIdOf(received: Received[]): string {
  const deleted = received.find((r) => r.method === 'DELETE' && r.path.startsWith('/Users/'));
  return deleted?.path.slice('/Users/'.length) ?? '(no user deleted)';
}

describe('write cycle, group part: Entra’s documented requests', () => {
  it.each([
    { tenantPath: FLAG, removal: 'remove-member-compliant' },
    { tenantPath: NO_FLAG, removal: 'remove-member-legacy' },
  ])(
    'with $tenantPath sends Create Group, Add Members, the $removal removal and Delete Group, reads each change back, and passes',
    async ({ tenantPath, removal }) => {
      const { server, received } = await startBreakingOnce(() => false, 'refuse');
      try {
        const check = await writeCycle(server, tenantPath);
        expect(check.status, check.message).toBe('pass');
        expect(labels(check)).toEqual([
          'create',
          'read',
          'find-by-userName',
          'find-by-userName-any-case',
          'find-by-externalId',
          'create-group',
          'add-member',
          'read-members',
          removal,
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
        const userId = userIdOf(received);
        // The `groups` check's query (GET /Groups?filter=…) is not part of the write cycle.
        const groupRequests = received.filter(
          (r) => r.path.startsWith('/Groups') && !(r.method === 'GET' && r.path === '/Groups'),
        );
        const groupPath = groupRequests.find((r) => r.method === 'DELETE')?.path ?? '';
        // use-scim-to-provision-users-and-groups.md, "Create Group" and "Update Group [Add
        // Members]"; application-provisioning-config-problem-scim-compatibility.md, "Requests
        // made to remove a group member".
        const removeBody =
          removal === 'remove-member-compliant'
            ? { op: 'remove', path: `members[value eq "${userId}"]` }
            : { op: 'Remove', path: 'members', value: [{ value: userId }] };
        expect(groupRequests).toEqual([
          {
            method: 'POST',
            path: '/Groups',
            body: {
              schemas: [
                'urn:ietf:params:scim:schemas:core:2.0:Group',
                'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
              ],
              externalId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
              displayName: expect.stringMatching(/^scim-check-group-[0-9a-f-]{36}$/) as string,
              meta: { resourceType: 'Group' },
            },
          },
          {
            method: 'PATCH',
            path: groupPath,
            body: {
              schemas: [PATCH_OP],
              Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }],
            },
          },
          // Each membership change is read back, members included.
          { method: 'GET', path: groupPath, body: undefined },
          {
            method: 'PATCH',
            path: groupPath,
            body: { schemas: [PATCH_OP], Operations: [removeBody] },
          },
          { method: 'GET', path: groupPath, body: undefined },
          { method: 'DELETE', path: groupPath, body: undefined },
          { method: 'GET', path: groupPath, body: undefined },
        ]);
        expect(await remaining(server)).toEqual({ users: 0, groups: 0 });
      } finally {
        await server.close();
      }
    },
  );
});

interface Injection {
  step: string;
  tenantPath: string;
  matches: (request: Request) => boolean;
  how: 'refuse' | 'lose-answer';
  /** The line that reports the failure, its message and the fix the check gives for it. */
  label: string;
  message: RegExp;
  fix: RegExp;
  /** Lines that must not be there: the steps the failure made pointless. */
  absent: string[];
  /** Lines that must be there: how the cycle found its way back. */
  present?: string[];
}

const INJECTIONS: Injection[] = [
  {
    step: 'create group (refused)',
    tenantPath: FLAG,
    matches: (r) => r.method === 'POST' && r.path === '/Groups',
    how: 'refuse',
    label: 'create-group',
    message: /Creating an Entra-shaped group answered 500 \(“Injected failure”\)/,
    fix: /Make POST \/Groups accept Entra’s Create Group request/,
    absent: ['add-member', 'delete-group', 'clean-up-group'],
  },
  {
    step: 'create group (done, but the answer lost)',
    tenantPath: FLAG,
    matches: (r) => r.method === 'POST' && r.path === '/Groups',
    how: 'lose-answer',
    label: 'create-group',
    message: /Creating an Entra-shaped group could not be reached/,
    fix: /Make POST \/Groups accept Entra’s Create Group request/,
    absent: ['clean-up-group'],
    present: ['look-up-group', 'delete-group'],
  },
  {
    step: 'add member',
    tenantPath: FLAG,
    matches: isGroupPatch('add'),
    how: 'refuse',
    label: 'add-member',
    message: /Adding the test user to the group .* answered 500/,
    fix: /Make PATCH \/Groups\/\{id\} accept Entra’s add-member operation/,
    absent: ['remove-member-compliant', 'remove-member-legacy'],
  },
  {
    step: 'remove member, aadOptscim062020 form',
    tenantPath: FLAG,
    matches: isGroupPatch('remove'),
    how: 'refuse',
    label: 'remove-member-compliant',
    message: /Removing the member the aadOptscim062020 way .* answered 500/,
    fix: /accept a "remove" whose path filters members by value \(RFC 7644 §3\.5\.2\.2\)/,
    absent: ['clean-up-group'],
  },
  {
    step: 'remove member, legacy form',
    tenantPath: NO_FLAG,
    matches: isGroupPatch('remove'),
    how: 'refuse',
    label: 'remove-member-legacy',
    message: /Removing the member the legacy way .* answered 500/,
    fix: /Add “\?aadOptscim062020” to the Tenant URL/,
    absent: ['clean-up-group'],
  },
  {
    step: 'delete group',
    tenantPath: FLAG,
    matches: (r) => r.method === 'DELETE' && r.path.startsWith('/Groups/'),
    how: 'refuse',
    label: 'delete-group',
    message: /Deleting the test group answered 500/,
    fix: /Make DELETE \/Groups\/\{id\} delete the group and answer 204/,
    absent: ['read-deleted-group'],
  },
];

describe('write cycle, group part: a failure at any step leaves nothing behind', () => {
  it.each(INJECTIONS)(
    'at $step: reports that step and its fix, deletes the group, then the user',
    async (injection) => {
      const { server } = await startBreakingOnce(injection.matches, injection.how);
      try {
        const check = await writeCycle(server, injection.tenantPath);
        const failed = line(check, injection.label);
        const expected: ProbeStatus = 'warn';
        expect(failed.status).toBe(expected);
        expect(failed.message).toMatch(injection.message);
        expect(check.status).toBe(expected);
        expect(check.message).toMatch(injection.message);
        expect(check.fix).toMatch(injection.fix);
        expect(check.message).not.toMatch(/Left behind/);
        for (const label of injection.absent) expect(labels(check)).not.toContain(label);
        for (const label of injection.present ?? []) expect(labels(check)).toContain(label);
        // Whatever removes the group (when one was made) comes before the user's delete.
        const removals = labels(check).filter((l) =>
          ['delete-group', 'clean-up-group', 'delete'].includes(l),
        );
        expect(removals.at(-1)).toBe('delete');
        expect(await remaining(server)).toEqual({ users: 0, groups: 0 });
      } finally {
        await server.close();
      }
    },
  );

  it('deletes the group with the clean-up retry when the first delete fails', async () => {
    const { server } = await startBreakingOnce(
      (r) => r.method === 'DELETE' && r.path.startsWith('/Groups/'),
      'refuse',
    );
    try {
      const check = await writeCycle(server, FLAG);
      expect(line(check, 'clean-up-group').status).toBe('pass');
      expect(check.message).toMatch(/The test user was cleaned up, as was the test group\./);
    } finally {
      await server.close();
    }
  });

  it('says the server does not support groups when POST /Groups answers 405, and how to turn groups off', async () => {
    const noGroups: Override = (request, response, next) =>
      request.method === 'POST' && request.path === '/Groups'
        ? sendJson(response, 405, scimError(405, 'Groups cannot be created'))
        : next();
    const { app, directory } = faultyScimApp(noGroups);
    const server = await startHttp(app);
    try {
      const check = await writeCycle(server, FLAG);
      expect(check).toMatchObject({ status: 'warn' });
      expect(check.message).toMatch(/does not support groups: POST \/Groups answered 405/);
      expect(check.message).toMatch(/The test user was cleaned up\.$/);
      expect(check.fix).toMatch(/Provision Microsoft Entra ID Groups” → No/);
      expect(directory.users.size).toBe(0);
      expect(directory.groups.size).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('fails and names the group when it cannot be deleted at all, and still deletes the user', async () => {
    const { app, directory } = faultyScimApp((request, response, next) =>
      request.method === 'DELETE' && request.path.startsWith('/Groups/')
        ? sendJson(response, 405, scimError(405, 'DELETE not allowed'))
        : next(),
    );
    const server = await startHttp(app);
    try {
      const check = await writeCycle(server, FLAG);
      expect(check.status).toBe('fail');
      expect(check.message).toMatch(
        /Left behind: group id \S+ \(displayName scim-check-group-[0-9a-f-]{36}\)\.$/,
      );
      expect(check.fix).toMatch(/^Delete the test group by hand, then fix what failed above\./);
      expect(line(check, 'clean-up-group').status).toBe('fail');
      expect(line(check, 'delete').status).toBe('pass');
      expect(directory.users.size).toBe(0);
      expect(directory.groups.size).toBe(1);
    } finally {
      await server.close();
    }
  });
});
