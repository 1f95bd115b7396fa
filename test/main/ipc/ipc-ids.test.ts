import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { z } from 'zod';

import { GraphIdSchema, GraphJobIdSchema } from '../../../shared/entra/entra-views';
import { ipcContract } from '../../../shared/ipc';
import { SANDBOX_PROJECT_ID } from '../../../main/sandbox/sandbox';
import { DEFAULT_SEED, SEEDED_ORGANIZATIONS } from '../../../main/sandbox/seed';
import {
  answerCredentialCheck,
  ignoreEvents,
  startIpcHarness,
  type IpcHarness,
} from './ipc-harness';

const CONNECTION_CHANNELS = [
  'scim:rotateStart',
  'scim:rotateComplete',
  'scim:rotateCancel',
  'scim:deleteConnection',
] as const;

/** Ids that are not Stytch ids: path tricks, separators, a lone surrogate, and too long. */
const NOT_IDS = [
  '.',
  '..',
  '../..',
  'a/b',
  'a\\b',
  '%2e%2e',
  'org?x=1',
  'org#x',
  'org id',
  'organization-test-\uD800',
  'organisation-tést',
  'a'.repeat(129),
];

let harness: IpcHarness;

beforeEach(async () => {
  harness = await startIpcHarness(answerCredentialCheck);
  const connected = await harness.dispatch(
    'stytch:connect',
    { projectId: 'project-test-ids', secret: 'secret-test-ids-value' },
    ignoreEvents,
  );
  expect(connected).toMatchObject({ ok: true });
});

afterEach(async () => {
  await harness.close();
});

describe('organization and connection ids at the IPC contract', () => {
  it.each(NOT_IDS)(
    'refuses %j as an id, as an invalid request, before anything reaches Stytch',
    async (id) => {
      const before = harness.sent.length;
      const calls = [
        harness.dispatch('scim:getConnection', { organizationId: id }, ignoreEvents),
        harness.dispatch(
          'scim:createConnection',
          { organizationId: id, displayName: 'Entra' },
          ignoreEvents,
        ),
        ...CONNECTION_CHANNELS.flatMap((channel) => [
          harness.dispatch(
            channel,
            { organizationId: id, connectionId: 'scim-connection-test-1' },
            ignoreEvents,
          ),
          harness.dispatch(
            channel,
            { organizationId: 'organization-test-1', connectionId: id },
            ignoreEvents,
          ),
        ]),
      ];
      const results = await Promise.all(calls);
      expect(harness.sent.slice(before)).toEqual([]);
      for (const result of results)
        expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    },
  );

  it('refuses ids outside the alphabet in project ids and secret handles too', async () => {
    for (const id of NOT_IDS) {
      const results = await Promise.all([
        harness.dispatch('stytch:forgetProject', { projectId: id }, ignoreEvents),
        harness.dispatch(
          'secrets:reveal',
          { handle: { kind: 'scim-token', connectionId: id } },
          ignoreEvents,
        ),
        harness.dispatch(
          'clipboard:copy',
          { kind: 'secret', handle: { kind: 'scim-next-token', connectionId: id } },
          ignoreEvents,
        ),
      ]);
      for (const result of results)
        expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    }
  });

  it('accepts the ids Stytch and the sandbox use', () => {
    const organizationIds = [
      ...Object.values(SEEDED_ORGANIZATIONS),
      ...DEFAULT_SEED.flatMap((seed) => (seed.organization_id ? [seed.organization_id] : [])),
      `organization-test-${randomUUID()}`,
      'organization-live-07971b06-ac8b-4cdb-9c15-63b17e653931',
    ];
    const connectionId = `scim-connection-test-${randomUUID()}`;
    for (const organizationId of organizationIds) {
      expect(
        ipcContract['scim:deleteConnection'].request.safeParse({ organizationId, connectionId })
          .success,
      ).toBe(true);
    }
    for (const projectId of [SANDBOX_PROJECT_ID, `project-live-${randomUUID()}`]) {
      expect(ipcContract['stytch:forgetProject'].request.safeParse({ projectId }).success).toBe(
        true,
      );
    }
    expect(
      ipcContract['secrets:reveal'].request.safeParse({
        handle: { kind: 'scim-token', connectionId },
      }).success,
    ).toBe(true);
  });

  it('still trims the spaces a pasted project id brings along', () => {
    expect(
      ipcContract['stytch:forgetProject'].request.parse({ projectId: '  project-test-abc \n' }),
    ).toEqual({ projectId: 'project-test-abc' });
  });
});

describe('Graph ids at the IPC contract', () => {
  /** Ids from Graph's own examples (graph-provisioning.md §1, §2), and the stand-in's form. */
  const SP_ID = 'a8cac399-cde5-4516-a674-819503c61313';
  const TENANT = '5f0c3a9e2b7d4c1e9a0b6c2d8e4f1a3b';

  it('accepts GUIDs, in either case, as the object ids of users, groups and service principals', () => {
    for (const id of [SP_ID, SP_ID.toUpperCase(), randomUUID()]) {
      expect(GraphIdSchema.safeParse(id).success).toBe(true);
    }
    for (const id of ['..', `${SP_ID}/..`, SP_ID.replace(/-/g, ''), `${SP_ID}0`, 'sp-test-1']) {
      expect(GraphIdSchema.safeParse(id).success).toBe(false);
    }
  });

  it('accepts job ids in their documented form only, <template>.<tenant id>.<GUID>', () => {
    for (const template of ['scim', 'customappsso', 'aws']) {
      expect(GraphJobIdSchema.safeParse(`${template}.${TENANT}.${randomUUID()}`).success).toBe(
        true,
      );
    }
    for (const id of [
      '..',
      `scim.${TENANT}.${SP_ID}/..`,
      `scim.${TENANT}`,
      `scim..${SP_ID}`,
      `scim/x.${TENANT}.${SP_ID}`,
      'scim.abc.def',
    ]) {
      expect(GraphJobIdSchema.safeParse(id).success).toBe(false);
    }
  });

  it('lets no entra:* request but useApp name a service principal, application or job', () => {
    const named: string[] = [];
    const keysOf = (schema: unknown, path: string) => {
      if (!(schema instanceof z.ZodObject)) return;
      for (const [key, field] of Object.entries(schema.shape)) {
        named.push(`${path}.${key}`);
        const inner: unknown = field instanceof z.ZodArray ? field.element : field;
        keysOf(inner, `${path}.${key}`);
      }
    };
    for (const [channel, { request }] of Object.entries(ipcContract)) {
      if (channel.startsWith('entra:')) keysOf(request, channel);
    }
    expect(
      named.filter((key) => /servicePrincipal|jobId|appId|application|template/i.test(key)),
    ).toEqual(['entra:useApp.servicePrincipalId']);
  });
});
