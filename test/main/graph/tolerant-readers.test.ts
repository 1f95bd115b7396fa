import { describe, expect, it } from 'vitest';

import { jobView } from '../../../main/entra-setup/graph-views';
import { healthLog } from '../../../main/entra-setup/log-rows';
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
    // Shown as not given, not as an empty reason or a time of "".
    expect(jobView(job).quarantine).toEqual({
      reason: null,
      since: null,
      nextAttempt: null,
      error: { code: 'SalesforceInvalidCredentials', message: expect.any(String) as string },
    });
  });
});

/** The documented success entry, changed by `edit` (a JSON round trip of the sample). */
function logPage(...edits: ((entry: Record<string, unknown>) => unknown)[]): string {
  const page = JSON.parse(docSampleText('provisioningobjectsummary-list-success')) as {
    value: Record<string, unknown>[];
  };
  const [entry] = page.value;
  return JSON.stringify({ value: edits.map((edit) => edit(structuredClone(entry ?? {}))) });
}

describe('one row Graph sends in a shape the app does not know', () => {
  it('leaves out and counts a log entry without an id, and keeps the rest of the page', async () => {
    const { client, records } = await scripted([
      jsonAnswer(
        logPage(
          (entry) => entry,
          (entry) => ({ ...entry, id: 42 }),
        ),
      ),
    ]);
    const { entries, unreadable } = await client.listProvisioningLogs('job');
    expect([entries.length, unreadable]).toEqual([1, 1]);
    expect(records.map((record) => record.event)).toContain('graph.unreadable-rows');
  });

  it('keeps a step type and status Graph adds later, shown in the row as sent', async () => {
    const { client } = await scripted([
      jsonAnswer(
        logPage((entry) => ({
          ...entry,
          provisioningSteps: [
            { name: 'EntryTransform', provisioningStepType: 'Transformation', status: 'Deferred' },
          ],
        })),
      ),
    ]);
    const [row] = healthLog((await client.listProvisioningLogs('job')).entries);
    expect(row?.steps[0]?.details).toEqual({
      'Step type': 'Transformation',
      'Step status': 'Deferred',
    });
  });

  it('reads a documented step type in another case as that step ("Import" is the Import step)', async () => {
    const { client } = await scripted([
      jsonAnswer(docSampleText('provisioningobjectsummary-list-success')),
    ]);
    const [row] = healthLog((await client.listProvisioningLogs('job')).entries);
    expect(row?.steps.map((step) => [step.name, step.details['Step type']])).toEqual([
      ['Import', undefined],
      ['Action', undefined],
    ]);
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
