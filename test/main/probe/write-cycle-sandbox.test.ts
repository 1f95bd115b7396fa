import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FetchLike } from '../../../main/http/create-http-client';
import { SandboxScimServer } from '../../../main/sandbox/scim-server/scim-server';
import { checkOf, probe } from './support/probe-harness';

const TOKEN = 'sandbox-write-cycle-token-0123456789';

let server: SandboxScimServer;

beforeAll(async () => {
  server = await SandboxScimServer.start();
});

afterAll(async () => {
  await server.stop();
});

/** The members of every group in the connection's store, as each group PATCH left them. */
function watchingMembers(connectionId: string): { fetch: FetchLike; afterPatch: string[][] } {
  const afterPatch: string[][] = [];
  const watched: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method === 'PATCH' && typeof input === 'string' && input.includes('/Groups/')) {
      const groups = server.storeOf(connectionId)?.list('Group') ?? [];
      afterPatch.push(
        groups.flatMap((g) =>
          Array.isArray(g.members)
            ? g.members.map((m) => String((m as { value: unknown }).value))
            : [],
        ),
      );
    }
    return response;
  };
  return { fetch: watched, afterPatch };
}

describe('write cycle against the sandbox’s SCIM server (scimmy, as Stytch stands in)', () => {
  it.each([
    { query: '?aadOptscim062020', removal: 'remove-member-compliant' },
    { query: '', removal: 'remove-member-legacy' },
  ])(
    'with Tenant URL query "$query": every line passes in that dialect (reads back included), the group part with $removal, membership really changes, nothing is left',
    async ({ query, removal }) => {
      const connectionId = `scim-connection-test-write-cycle-${removal}`;
      server.open(connectionId, [TOKEN], 'none', { entraCompat: true });
      const watch = watchingMembers(connectionId);
      const report = await probe(`${server.baseUrlFor(connectionId)}${query}`, TOKEN, {
        writeCycle: true,
        localSandbox: true,
        fetch: watch.fetch,
      });
      const check = checkOf(report, 'write-cycle');
      const lines = check.exchanges ?? [];
      const group = ['create-group', 'add-member', removal, 'delete-group', 'read-deleted-group'];
      expect(lines.filter((l) => group.includes(l.label)).map((l) => [l.label, l.status])).toEqual(
        group.map((label) => [label, 'pass']),
      );
      // The sandbox takes Entra's legacy "active":"False" as Stytch does, and every write reads back.
      expect(lines.filter((l) => l.status !== 'pass')).toEqual([]);
      expect(check.status).toBe('pass');
      const userId = lines.find((l) => l.label === 'delete')?.request.url.split('/Users/')[1];
      expect(watch.afterPatch).toEqual([[userId], []]);
      expect(check.message).not.toMatch(/Left behind/);
      const store = server.storeOf(connectionId);
      expect(store?.list('User')).toEqual([]);
      expect(store?.list('Group')).toEqual([]);
      expect(JSON.stringify(report)).not.toContain(TOKEN);
    },
  );
});
