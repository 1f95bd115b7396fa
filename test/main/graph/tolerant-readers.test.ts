import { describe, expect, it } from 'vitest';

import { onDemandView } from '../../../main/entra-setup/on-demand-view';
import { docSampleText } from '../../support/graph-doc-samples';
import { JSON_HEADERS, jsonAnswer, scriptedGraph } from './scripted-graph';

/**
 * What a real tenant sends and the app failed to read (issue 18): each answer is Microsoft's
 * own documented example (test/fixtures/graph/README.md names the page).
 */

const scripted = scriptedGraph();

describe('Graph answers in the forms Microsoft documents', () => {
  // MicrosoftDocs/entra-docs: docs/identity/multi-tenant-organizations/cross-tenant-synchronization-configure-graph.md, Step 11.
  it("reads provisionOnDemand's StatusInfo form (value a JSON array of steps): its steps and result", async () => {
    const { client } = await scripted([
      jsonAnswer(docSampleText('provisionondemand-cross-tenant')),
    ]);
    const outcome = await client.provisionOnDemand('sp', 'job', 'rule', {
      objectId: 'u1',
      objectTypeName: 'User',
    });
    const view = onDemandView('u1', outcome);
    expect(view.result).toBe('Success');
    expect(view.steps.map((step) => [step.name, step.type, step.status])).toEqual([
      ['EntryImport', 'Import', 'Success'],
    ]);
    expect(view.steps[0]?.details['userPrincipalName']).toBe('user1@fabrikam.com');
  });

  // microsoft-graph-docs-contrib: api-reference/v1.0/api/provisioningobjectsummary-list.md, Example 1.
  it('reads a log page whose step types are "Import"/"Export", keeping them as sent', async () => {
    const { client } = await scripted([
      jsonAnswer(docSampleText('provisioningobjectsummary-list-success')),
    ]);
    const { entries, unreadable } = await client.listProvisioningLogs('job');
    expect(unreadable).toBe(0);
    expect(
      entries.map((entry) => entry.provisioningSteps?.map((s) => s.provisioningStepType)),
    ).toEqual([['Import', 'Export']]);
  });

  // microsoft-graph-docs-contrib: api-reference/v1.0/api/synchronization-synchronizationjob-get.md.
  it('reads a quarantined job whose quarantine.reason and times are ""', async () => {
    const { client } = await scripted([
      jsonAnswer(docSampleText('synchronizationjob-get-quarantine')),
    ]);
    const job = await client.getJob('sp', '{jobId}');
    expect(job.status?.code).toBe('Paused');
    expect(job.status?.quarantine?.reason).toBe('');
    expect(job.status?.quarantine?.error?.code).toBe('SalesforceInvalidCredentials');
  });
});

describe('Retry-After', () => {
  it('waits a fractional Retry-After ("2.128") before retrying, not the backoff', async () => {
    const { client, clock } = await scripted([
      {
        status: 429,
        headers: { ...JSON_HEADERS, 'retry-after': '2.128' },
        body: '{"error":{"code":"TooManyRequests","message":"Too many requests."}}',
      },
      jsonAnswer('{"value":[]}'),
    ]);
    expect(await client.directory.searchGroups('a')).toEqual([]);
    expect(clock.sleeps).toEqual([2_128]);
  });
});
