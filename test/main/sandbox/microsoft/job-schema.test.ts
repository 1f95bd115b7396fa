import { describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../../../main/sandbox/contoso';
import type { SynchronizationSchemaDocument } from '../../../../main/graph/graph-schemas';
import { userAppRoleId } from '../../../../main/graph/graph-queries';
import {
  externalIdSourceOf,
  scheduleInterval,
  USER_RULE_ID,
} from '../../../../main/sandbox/graph-stand-in/job-schema';
import { SANDBOX_CYCLE_INTERVAL_MS } from '../../../../main/sandbox/sandbox-microsoft';
import { startSandbox } from '../../../../main/sandbox/sandbox';
import { sandboxTarget } from '../entra-simulator/sandbox-target';
import { sandboxWithGraphHarness } from '../../../support/graph-harness';

const world = sandboxWithGraphHarness();

interface Mapping {
  sourceObjectName: string;
  attributeMappings: {
    targetAttributeName: string;
    matchingPriority: number;
    source: { expression: string; name: string };
  }[];
}

function mappingsOf(schema: SynchronizationSchemaDocument): Mapping[] {
  return (schema.synchronizationRules[0]?.['objectMappings'] ?? []) as Mapping[];
}

function attributeOf(schema: SynchronizationSchemaDocument, object: string, target: string) {
  const mapping = mappingsOf(schema).find((candidate) => candidate.sourceObjectName === object);
  return mapping?.attributeMappings.find((entry) => entry.targetAttributeName === target);
}

describe('the stand-in job’s schema', () => {
  it('has the default non-gallery mappings, with mailNickname → externalId for users', async () => {
    const harness = await world.harness();
    const { client } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    const schema = await client.getSchema(servicePrincipal.id, job.id);

    expect(schema.synchronizationRules[0]?.id).toBe(USER_RULE_ID);
    expect(attributeOf(schema, 'User', 'externalId')).toMatchObject({
      source: { expression: '[mailNickname]', name: 'mailNickname', type: 'Attribute' },
      matchingPriority: 0,
      flowType: 'Always',
      flowBehavior: 'FlowWhenChanged',
    });
    expect(attributeOf(schema, 'User', 'userName')).toMatchObject({
      source: { expression: '[userPrincipalName]' },
      matchingPriority: 1,
    });
    expect(attributeOf(schema, 'User', 'active')?.source.expression).toMatch(
      /^Switch\(\[IsSoftDeleted\]/,
    );
    expect(attributeOf(schema, 'Group', 'externalId')?.source.expression).toBe('[objectId]');
  });

  it('makes the simulator send mailNickname as externalId, and objectId once the mapping is fixed', async () => {
    const harness = await world.harness();
    const { client } = harness;
    const target = sandboxTarget(world.sandbox(), 'generic');
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const spId = servicePrincipal.id;
    const job = await client.createJob(spId);
    await client.directory.assign(spId, DEMO_IDS.alex, userAppRoleId(servicePrincipal) ?? '');
    await client.saveSecrets(spId, { baseAddress: target.tenantUrl, secretToken: target.token });
    const subject = { objectId: DEMO_IDS.alex, objectTypeName: 'User' as const };

    await client.provisionOnDemand(spId, job.id, USER_RULE_ID, subject);
    expect((await target.list('Users'))[0]?.['externalId']).toBe('alex.wilber');

    const schema = await client.getSchema(spId, job.id);
    const fixed = structuredClone(schema);
    const externalId = attributeOf(fixed, 'User', 'externalId');
    if (externalId === undefined) throw new Error('no externalId mapping');
    externalId.source = { expression: '[objectId]', name: 'objectId' };
    await client.putSchema(spId, job.id, fixed);

    expect(attributeOf(await client.getSchema(spId, job.id), 'User', 'externalId')?.source).toEqual(
      {
        expression: '[objectId]',
        name: 'objectId',
      },
    );
    await client.provisionOnDemand(spId, job.id, USER_RULE_ID, subject);
    expect((await target.list('Users'))[0]?.['externalId']).toBe(DEMO_IDS.alex);
  });

  it('reads the externalId source defensively from whatever schema was PUT', () => {
    expect(externalIdSourceOf(null)).toBe('objectId');
    expect(externalIdSourceOf({ synchronizationRules: [null, { objectMappings: 'x' }] })).toBe(
      'objectId',
    );
  });
});

describe('the stand-in job’s schedule', () => {
  it('shows the sandbox’s short interval in place of Entra’s PT40M', () => {
    expect(scheduleInterval(SANDBOX_CYCLE_INTERVAL_MS)).toBe('PT20S');
    expect(scheduleInterval(40 * 60_000)).toBe('PT40M');
    expect(scheduleInterval(2 * 3_600_000)).toBe('PT2H');
  });
});

describe('startSandbox()', () => {
  it('starts the Microsoft stand-ins with the sandbox and stops them with it', async () => {
    const running = await startSandbox({ seed: [] });
    const { microsoft } = running;
    expect(microsoft.graphBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{22}\/v1\.0$/);
    const identityOrigin = microsoft.identity.origin;
    expect(identityOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await running.stop();
    await expect(fetch(`${identityOrigin}/`)).rejects.toThrow();
    await expect(fetch(microsoft.graphBaseUrl)).rejects.toThrow();
  });
});
