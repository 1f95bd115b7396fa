import { describe, expect, it } from 'vitest';

import { onDemandView } from '../../../main/entra-setup/on-demand-view';
import type { GraphClient } from '../../../main/graph/graph-client';
import { GRAPH_OPERATION_NAMES, type GraphOperation } from '../../../main/graph/graph-operations';
import { docSampleText, type DocSampleName } from '../../support/graph-doc-samples';
import { jsonAnswer, scriptedGraph, type Answer } from './scripted-graph';

/**
 * Every Graph operation the app calls, fed Microsoft's own documented example answer(s) (copied
 * into test/fixtures/graph/, whose README.md is this table in prose), each cited by repository
 * path. `microsoft-graph-docs-contrib:` is microsoftgraph/microsoft-graph-docs-contrib,
 * `entra-docs:` is MicrosoftDocs/entra-docs.
 */

const GRAPH_DOCS = 'microsoft-graph-docs-contrib:api-reference/v1.0/api/';
const ENTRA_DOCS = 'entra-docs:docs/identity/';

interface Case {
  /**
   * What the page documents: a sample file, a body-less status (204 No Content), or a short
   * plain-text body quoted in the page itself (`$count`'s number).
   */
  answer: DocSampleName | { status: number } | { status: number; plainText: string };
  source: string;
  read: (client: GraphClient) => Promise<void>;
}

/** An operation the docs give no example answer for, and why the app calls it anyway. */
interface Undocumented {
  undocumented: string;
}

const NO_CONTENT = { status: 204 };
const CREDENTIALS = { baseAddress: 'https://scim.example/v2', secretToken: 'token' };
const USER = { objectId: 'u1', objectTypeName: 'User' } as const;

/** Keyed by operation, so the compiler asks for a row when an operation is added. */
const CONTRACTS: Record<GraphOperation, readonly Case[] | Undocumented> = {
  'servicePrincipals.list': [
    {
      answer: 'serviceprincipal-list',
      source: `${GRAPH_DOCS}serviceprincipal-list.md`,
      read: async (client) => {
        const found = await client.findServicePrincipals('foo');
        expect(found.map((sp) => [sp.id, sp.displayName])).toEqual([
          ['59e617e5-e447-4adc-8b88-00af644d7c92', 'foo'],
        ]);
      },
    },
  ],
  'servicePrincipals.get': [
    {
      answer: 'serviceprincipal-get',
      source: `${GRAPH_DOCS}serviceprincipal-get.md (Example 2, $select)`,
      read: async (client) => {
        const sp = await client.getServicePrincipal('7408235b-7540-4850-82fe-a5f15ed019e2');
        expect(sp.appRoles?.map((role) => role.id)).toEqual([
          '6e0a958b-b7fc-4348-b7c4-a6ab9fd3dd0e',
        ]);
      },
    },
  ],
  'applicationTemplates.instantiate': [
    {
      answer: 'applicationtemplate-instantiate',
      source: `${GRAPH_DOCS}applicationtemplate-instantiate.md`,
      read: async (client) => {
        const created = await client.instantiateNonGalleryApp('Display name');
        expect(created.servicePrincipal.id).toBe('id-value');
        expect(created.application.appId).toBe('appId-value');
      },
    },
  ],
  'jobs.list': [
    {
      answer: 'synchronization-list-jobs',
      source: `${GRAPH_DOCS}synchronization-synchronization-list-jobs.md (quarantine null)`,
      read: async (client) => {
        const [job, ...rest] = await client.listJobs('sp');
        expect(rest).toEqual([]);
        expect([job?.id, job?.status?.code, job?.status?.quarantine]).toEqual([
          '{jobId}',
          'Paused',
          null,
        ]);
      },
    },
  ],
  'templates.list': [
    {
      answer: 'synchronization-list-templates',
      source: `${GRAPH_DOCS}synchronization-synchronization-list-templates.md`,
      read: async (client) => {
        expect(await client.listTemplates('sp')).toEqual([
          { id: 'Slack', factoryTag: 'CustomSCIM' },
        ]);
      },
    },
  ],
  'jobs.create': [
    {
      answer: 'synchronization-post-jobs',
      source: `${GRAPH_DOCS}synchronization-synchronization-post-jobs.md`,
      read: async (client) => {
        const job = await client.createJob('sp');
        expect([job.status?.code, job.schedule?.state]).toEqual(['NotConfigured', 'Disabled']);
      },
    },
    {
      answer: 'cross-tenant-post-jobs',
      source: `${ENTRA_DOCS}multi-tenant-organizations/cross-tenant-synchronization-configure-graph.md (Step 8)`,
      read: async (client) => {
        const job = await client.createJob('sp');
        expect([job.status?.code, job.schedule?.interval]).toEqual(['Paused', 'PT40M']);
      },
    },
  ],
  'jobs.get': [
    {
      answer: 'synchronizationjob-get-quarantine',
      source: `${GRAPH_DOCS}synchronization-synchronizationjob-get.md (with quarantine)`,
      read: async (client) => {
        const quarantine = (await client.getJob('sp', '{jobId}')).status?.quarantine;
        expect(quarantine?.reason).toBe('');
        expect(quarantine?.seriesCount).toBe(2);
        expect(quarantine?.error?.code).toBe('SalesforceInvalidCredentials');
      },
    },
    {
      answer: 'synchronization-post-jobs',
      source: `${GRAPH_DOCS}synchronization-synchronization-post-jobs.md (the job without quarantine, as GET returns it)`,
      read: async (client) => {
        expect((await client.getJob('sp', '{jobId}')).status?.quarantine).toBeNull();
      },
    },
  ],
  'jobs.validateCredentials': [
    {
      answer: NO_CONTENT,
      source: `${GRAPH_DOCS}synchronization-synchronizationjob-validatecredentials.md (204 No Content)`,
      read: async (client) => {
        expect(await client.validateCredentials('sp', 'job', CREDENTIALS)).toEqual({ ok: true });
      },
    },
  ],
  'secrets.list': {
    undocumented:
      'beta GET …/synchronization/secrets has no example answer in Graph reference; the shape is read from Entra’s skip-out-of-scope-deletions how-to (reference §2, Secrets)',
  },
  'secrets.put': [
    {
      answer: NO_CONTENT,
      source: `${GRAPH_DOCS}synchronization-serviceprincipal-put-synchronization.md (204 No Content)`,
      read: (client) => client.saveSecrets('sp', CREDENTIALS),
    },
  ],
  'jobs.start': [
    {
      answer: NO_CONTENT,
      source: `${GRAPH_DOCS}synchronization-synchronizationjob-start.md (204 No Content)`,
      read: (client) => client.startJob('sp', 'job'),
    },
  ],
  'jobs.restart': [
    {
      answer: NO_CONTENT,
      source: `${GRAPH_DOCS}synchronization-synchronizationjob-restart.md (204 No Content)`,
      read: (client) => client.restartJob('sp', 'job'),
    },
  ],
  'jobs.schema.get': [
    {
      answer: 'synchronizationschema-get',
      source: `${GRAPH_DOCS}synchronization-synchronizationschema-get.md (rules without id, kept whole)`,
      read: async (client) => {
        const schema = await client.getSchema('sp', 'job');
        expect(schema.synchronizationRules.map((rule) => rule.name ?? null)).toEqual([
          'USER_TO_USER',
          null,
        ]);
        expect(schema).toEqual(JSON.parse(docSampleText('synchronizationschema-get')));
      },
    },
  ],
  'jobs.schema.put': [
    {
      answer: NO_CONTENT,
      source: `${GRAPH_DOCS}synchronization-synchronizationschema-update.md (204 No Content)`,
      read: (client) => client.putSchema('sp', 'job', { synchronizationRules: [] }),
    },
  ],
  'jobs.provisionOnDemand': [
    {
      answer: 'provisionondemand-user',
      source: `${GRAPH_DOCS}synchronization-synchronizationjob-provisionondemand.md (Example 1: key and value JSON strings)`,
      read: async (client) => {
        const view = onDemandView('u1', await client.provisionOnDemand('sp', 'job', 'r', USER));
        expect([view.result, view.errorCode, view.targetId]).toEqual([
          'Skipped',
          'RedundantExport',
          '52507a19-96ec-4e73-9250-3e65ffd2d926',
        ]);
        expect(view.steps.map((step) => step.type)).toEqual([
          'Import',
          'Matching',
          'Scoping',
          'Export',
        ]);
      },
    },
    {
      answer: 'provisionondemand-group',
      source: `${GRAPH_DOCS}synchronization-synchronizationjob-provisionondemand.md (Example 3: a group, value "{}")`,
      read: async (client) => {
        const view = onDemandView('g1', await client.provisionOnDemand('sp', 'job', 'r', USER));
        expect([view.result, view.steps]).toEqual(['Success', []]);
      },
    },
    {
      answer: 'provisionondemand-cross-tenant',
      source: `${ENTRA_DOCS}multi-tenant-organizations/cross-tenant-synchronization-configure-graph.md (Step 11: StatusInfo key, value an array)`,
      read: async (client) => {
        const view = onDemandView('u1', await client.provisionOnDemand('sp', 'job', 'r', USER));
        expect([view.result, view.steps.map((step) => step.type)]).toEqual(['Success', ['Import']]);
      },
    },
  ],
  'appRoleAssignedTo.list': [
    {
      answer: 'approleassignedto-list',
      source: `${GRAPH_DOCS}serviceprincipal-list-approleassignedto.md`,
      read: async (client) => {
        const [assignment] = await client.directory.listAssignments('sp');
        expect([assignment?.principalType, assignment?.principalDisplayName]).toEqual([
          'User',
          'MOD Administrator',
        ]);
      },
    },
  ],
  'appRoleAssignedTo.create': [
    {
      answer: 'approleassignedto-post',
      source: `${GRAPH_DOCS}serviceprincipal-post-approleassignedto.md`,
      read: async (client) => {
        const outcome = await client.directory.assign('sp', 'p', 'r');
        expect(outcome.alreadyAssigned ? null : outcome.assignment.principalType).toBe('Group');
      },
    },
  ],
  'appRoleAssignedTo.delete': [
    {
      answer: NO_CONTENT,
      source: `${GRAPH_DOCS}serviceprincipal-delete-approleassignedto.md (204 No Content)`,
      read: async (client) => {
        expect(await client.directory.unassign('sp', 'a')).toEqual({ alreadyGone: false });
      },
    },
  ],
  'auditLogs.provisioning': [
    {
      answer: 'provisioningobjectsummary-list-success',
      source: `${GRAPH_DOCS}provisioningobjectsummary-list.md (Example 1: "Import"/"Export")`,
      read: async (client) => {
        const { entries, unreadable } = await client.listProvisioningLogs('job');
        expect(unreadable).toBe(0);
        expect(entries[0]?.provisioningSteps?.map((step) => step.provisioningStepType)).toEqual([
          'Import',
          'Export',
        ]);
      },
    },
    {
      answer: 'provisioningobjectsummary-list-error',
      source: `${GRAPH_DOCS}provisioningobjectsummary-list.md (Example 2: "import"/"matching"/"export", a failure)`,
      read: async (client) => {
        const { entries } = await client.listProvisioningLogs('job');
        const info = entries[0]?.provisioningStatusInfo;
        expect([info?.status, info?.errorInformation?.errorCode]).toEqual([
          'failure',
          'ContosoEntryConflict',
        ]);
      },
    },
  ],
  'users.list': [
    {
      answer: 'user-list',
      source: `${GRAPH_DOCS}user-list.md (Example 1)`,
      read: async (client) => {
        const users = await client.directory.searchUsers('a');
        expect(users.map((user) => user.userPrincipalName)).toEqual([
          'Adams@contoso.com',
          'admin@contoso.com',
        ]);
      },
    },
    {
      answer: 'user-list-without-id',
      source: `${GRAPH_DOCS}user-list.md (Example 4: a user without id, left out and counted)`,
      read: async (client) => {
        expect(await client.directory.searchUsers('a')).toEqual([]);
      },
    },
  ],
  'users.count': [
    {
      answer: { status: 200, plainText: '893' },
      source: `${GRAPH_DOCS}user-list.md (Example 3: Get only a count of users, Content-type text/plain)`,
      read: async (client) => {
        expect(await client.directory.countUsers()).toBe(893);
      },
    },
  ],
  'groups.list': [
    {
      answer: 'group-list-select',
      source: `${GRAPH_DOCS}group-list.md (Example 2, $select=id,displayName)`,
      read: async (client) => {
        const groups = await client.directory.searchGroups('Contoso');
        expect(groups.map((group) => group.displayName)).toEqual([
          'Contoso Group 1',
          'Contoso Group 2',
        ]);
      },
    },
  ],
};

const scripted = scriptedGraph();

function answerOf(answer: Case['answer']): Answer {
  if (typeof answer === 'string') return jsonAnswer(docSampleText(answer));
  if ('plainText' in answer) {
    return {
      status: answer.status,
      headers: { 'content-type': 'text/plain' },
      body: answer.plainText,
    };
  }
  return answer;
}

const documented = GRAPH_OPERATION_NAMES.flatMap((operation) => {
  const contract = CONTRACTS[operation];
  return 'undocumented' in contract
    ? []
    : contract.map((entry) => ({ operation, ...entry, name: `${operation} ← ${entry.source}` }));
});

describe('every Graph operation reads Microsoft’s documented example answers', () => {
  it.each(documented)('$name', async ({ answer, read }) => {
    const { client, records } = await scripted([answerOf(answer)]);
    await read(client);
    // One request answered as documented: nothing retried, nothing refused.
    expect(records.filter((record) => record.event === 'graph.retry')).toEqual([]);
  });

  it('names an example for every operation, or says why there is none', () => {
    const unexplained = GRAPH_OPERATION_NAMES.filter((operation) => {
      const contract = CONTRACTS[operation];
      return 'undocumented' in contract ? contract.undocumented === '' : contract.length === 0;
    });
    expect(unexplained).toEqual([]);
  });

  it('counts the documented user without an id as one unreadable row, in the log', async () => {
    const { client, records } = await scripted([jsonAnswer(docSampleText('user-list-without-id'))]);
    await client.directory.searchUsers('a');
    expect(records.filter((record) => record.event === 'graph.unreadable-rows')).toEqual([
      expect.objectContaining({ fields: { operation: 'users.list', count: 1 } }),
    ]);
  });
});
