import { describe, expect, it } from 'vitest';

import { attentionReason } from '../../../shared/fleet/attention';
import type { EntraAppLink } from '../../../shared/settings/settings';
import type { CachedRow } from '../../../main/fleet/fleet-cache';
import {
  ENTRA_JOB_READS_AT_ONCE,
  refreshEntraJobs,
  type FleetEntra,
} from '../../../main/fleet/fleet-entra';
import { shownRow } from '../../../main/fleet/fleet-rows';
import { SynchronizationJobSchema } from '../../../main/graph/graph-schemas';
import { notSignedIn } from '../../../main/microsoft-sign-in/sign-in-errors';
import { captureLogger } from '../../support/capture-logger';
import { docSample, docSampleText } from '../../support/graph-doc-samples';
import { jsonAnswer, scriptedGraph } from '../graph/scripted-graph';

/**
 * The overview's Entra job column: which rows main reads the job for (a linked app in the
 * signed-in tenant), how it reads them (the Entra steps' Graph client, a few at once, one failure
 * per row) and what the row then says, on Microsoft's documented job answers
 * (microsoft-graph-docs-contrib: api-reference/v1.0/api/synchronization-synchronizationjob-get.md,
 * synchronization-synchronization-post-jobs.md; the reason values from
 * api-reference/v1.0/resources/synchronization-synchronizationquarantine.md).
 */

const CONTOSO = { sandbox: false, tenantId: 'tenant-contoso', tenant: 'contoso.com' };
const FABRIKAM = 'tenant-fabrikam';

function cachedRow(n: number): CachedRow {
  return {
    row: {
      organizationId: `org-${String(n)}`,
      organizationName: `Org ${String(n)}`,
      connectionId: `conn-${String(n)}`,
      connectionStatus: 'active',
      identityProvider: 'microsoft-entra',
      tokenExpiresAt: '2027-12-01T00:00:00Z',
      rotationPending: false,
      tokenHeld: false,
      lastHealth: null,
      entraJob: null,
      entraLink: null,
    },
    readAt: '2026-12-07T10:00:00Z',
    seen: `conn-${String(n)}|`,
  };
}

function linkOf(n: number, overrides: Partial<EntraAppLink> = {}): EntraAppLink {
  return {
    organizationId: `org-${String(n)}`,
    sandbox: false,
    tenantId: CONTOSO.tenantId,
    tenantName: CONTOSO.tenant,
    servicePrincipalId: `sp-${String(n)}`,
    jobId: `job-${String(n)}`,
    confirmedBy: null,
    ...overrides,
  };
}

/** The documented job (synchronizationjob-get.md) with another status code and quarantine reason. */
function jobWith(code: string, reason?: string): unknown {
  const sample = docSample('synchronizationjob-get-quarantine') as {
    status: { code: string; quarantine: { reason: string } };
  };
  sample.status.code = code;
  sample.status.quarantine.reason = reason ?? '';
  return sample;
}

/**
 * Entra whose Graph answers each service principal's job with `answers[spId]`, read through the
 * app's own job schema (an answer that does not parse fails as the client's read would), and
 * counts the reads in flight.
 */
function fakeEntra(
  links: EntraAppLink[],
  answers: Record<string, unknown>,
  target: Awaited<ReturnType<FleetEntra['target']>> = CONTOSO,
) {
  const seen = { reads: 0, inFlight: 0, mostInFlight: 0 };
  const entra: FleetEntra = {
    target: () => Promise.resolve(target),
    links: () => Promise.resolve(links),
    graph: () =>
      Promise.resolve({
        getJob: async (spId: string) => {
          seen.reads += 1;
          seen.inFlight += 1;
          seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          seen.inFlight -= 1;
          if (!(spId in answers)) throw new Error(`no answer for ${spId}`);
          if (answers[spId] instanceof Error) throw answers[spId];
          return SynchronizationJobSchema.parse(answers[spId]);
        },
      }),
  };
  return { entra, seen };
}

const run = (entra: FleetEntra, rows: CachedRow[]) =>
  refreshEntraJobs({
    entra,
    sandbox: false,
    rows,
    logger: captureLogger().logger,
    cancelled: () => false,
  });

describe('the Entra job column of the connections overview', () => {
  const scripted = scriptedGraph();

  it('reads Microsoft’s documented job answer through the Graph client: Paused, its empty quarantine reason left out', async () => {
    // synchronization-synchronizationjob-get.md: code "Paused", quarantine.reason "".
    const graph = await scripted([jsonAnswer(docSampleText('synchronizationjob-get-quarantine'))]);
    const rows = [cachedRow(1)];
    const { entra } = fakeEntra([linkOf(1)], {});
    const changed = await run({ ...entra, graph: () => Promise.resolve(graph.client) }, rows);
    expect(changed).toHaveLength(1);
    expect(rows[0]?.row.entraJob).toEqual({ state: 'Paused' });
    expect(rows[0]?.row.entraLink).toEqual({ tenant: 'contoso.com', jobRead: 'read' });
  });

  it('shows a new job as Entra documents it (NotConfigured), a quarantine with its documented reason, and an unknown code as sent', async () => {
    const rows = [1, 2, 3, 4].map(cachedRow);
    const { entra } = fakeEntra(
      [1, 2, 3, 4].map((n) => linkOf(n)),
      {
        // synchronization-synchronization-post-jobs.md: a new job.
        'sp-1': docSample('synchronization-post-jobs'),
        'sp-2': jobWith('Quarantine', 'EncounteredQuarantineException'),
        'sp-3': jobWith('SomethingEntraAddsLater'),
        // Graph's enums arrive in other cases too: kept in the documented spelling.
        'sp-4': jobWith('active'),
      },
    );
    await run(entra, rows);
    expect(rows.map((cached) => cached.row.entraJob)).toEqual([
      { state: 'NotConfigured' },
      { state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' },
      { state: 'SomethingEntraAddsLater' },
      { state: 'Active' },
    ]);
    const shown = rows.map((cached) => shownRow(cached, new Date('2026-12-07T12:00:00Z')));
    // "Needs attention" catches the quarantine, and only it.
    expect(shown.map((row) => attentionReason(row))).toEqual([
      null,
      'Entra job in quarantine',
      null,
      null,
    ]);
  });

  it(`reads at most ${String(ENTRA_JOB_READS_AT_ONCE)} jobs at once, every linked one once`, async () => {
    const count = 25;
    const numbers = Array.from({ length: count }, (_, n) => n);
    const answers = Object.fromEntries(numbers.map((n) => [`sp-${String(n)}`, jobWith('Active')]));
    const { entra, seen } = fakeEntra(
      numbers.map((n) => linkOf(n)),
      answers,
    );
    const rows = numbers.map(cachedRow);
    await run(entra, rows);
    expect(seen.reads).toBe(count);
    expect(seen.mostInFlight).toBe(ENTRA_JOB_READS_AT_ONCE);
    expect(rows.every((cached) => cached.row.entraJob?.state === 'Active')).toBe(true);
  });

  it('leaves a row whose job answer is odd or refused "not known", and still shows every other row', async () => {
    const rows = [1, 2, 3, 4].map(cachedRow);
    const { entra } = fakeEntra(
      [1, 2, 3, 4].map((n) => linkOf(n)),
      {
        'sp-1': jobWith('Active'),
        // No id: not a job the app can read.
        'sp-2': { status: { code: 'Active' } },
        // 'sp-3' has no answer: the read throws, as a 404 or a 503 would.
        'sp-4': jobWith('Quarantine', 'TooManyDeletes'),
      },
    );
    const { logger, records } = captureLogger();
    await refreshEntraJobs({ entra, sandbox: false, rows, logger, cancelled: () => false });
    expect(
      rows.map((cached) => [cached.row.entraJob?.state, cached.row.entraLink?.jobRead]),
    ).toEqual([
      ['Active', 'read'],
      [undefined, 'failed'],
      [undefined, 'failed'],
      ['Quarantine', 'read'],
    ]);
    expect(records.map((record) => record.event)).toContain('fleet.entra-job-unread');
  });

  it('says to sign in again where the sign-in on record can no longer be renewed, not "not known"', async () => {
    const rows = [1, 2].map(cachedRow);
    // What MicrosoftSignIn throws when MSAL's silent renewal needs the admin back (revoked or
    // expired refresh token): the job reads fail before they reach Graph.
    const renewal = notSignedIn('AADSTS700082: The refresh token has expired due to inactivity.');
    const { entra } = fakeEntra(
      [1, 2].map((n) => linkOf(n)),
      {
        'sp-1': renewal,
        'sp-2': renewal,
      },
    );
    const { logger, records } = captureLogger();
    await refreshEntraJobs({ entra, sandbox: false, rows, logger, cancelled: () => false });
    expect(rows.map((cached) => [cached.row.entraJob, cached.row.entraLink])).toEqual([
      [null, { tenant: 'contoso.com', jobRead: 'signed-out' }],
      [null, { tenant: 'contoso.com', jobRead: 'signed-out' }],
    ]);
    expect(records.map((record) => record.event)).not.toContain('fleet.entra-job-unread');
  });

  it('reads no job of another tenant, nor while nobody is signed in, and says which', async () => {
    const rows = [1, 2, 3, 4].map(cachedRow);
    const links = [
      linkOf(1),
      linkOf(2, { tenantId: FABRIKAM, tenantName: 'fabrikam.com' }),
      linkOf(3, { jobId: null }),
      // Linked in the sandbox's world: another world than this (real) project's.
      linkOf(4, { sandbox: true }),
    ];
    const { entra, seen } = fakeEntra(links, { 'sp-1': jobWith('Active') });
    await run(entra, rows);
    expect(seen.reads).toBe(1);
    expect(rows.map((cached) => [cached.row.entraJob, cached.row.entraLink])).toEqual([
      [{ state: 'Active' }, { tenant: 'contoso.com', jobRead: 'read' }],
      [null, { tenant: 'fabrikam.com', jobRead: 'other-tenant' }],
      [null, { tenant: 'contoso.com', jobRead: 'no-job' }],
      [null, null],
    ]);

    const signedOut = fakeEntra(links, { 'sp-1': jobWith('Active') }, null);
    const changed = await run(signedOut.entra, rows);
    expect(signedOut.seen.reads).toBe(0);
    expect(changed.map((cached) => cached.row.organizationId)).toEqual(['org-1', 'org-2', 'org-3']);
    expect(rows.map((cached) => [cached.row.entraJob, cached.row.entraLink?.jobRead])).toEqual([
      [null, 'signed-out'],
      [null, 'signed-out'],
      [null, 'signed-out'],
      [null, undefined],
    ]);
  });

  it('shows the signed-in tenant’s job where an organization is linked in two tenants', async () => {
    const rows = [cachedRow(1)];
    const links = [
      linkOf(1, { tenantId: FABRIKAM, tenantName: 'fabrikam.com', servicePrincipalId: 'sp-f' }),
      linkOf(1),
    ];
    const { entra } = fakeEntra(links, { 'sp-1': jobWith('Paused') });
    await run(entra, rows);
    expect(rows[0]?.row.entraJob).toEqual({ state: 'Paused' });
  });

  it('changes no row when the refresh is cut short while reading', async () => {
    const rows = [1, 2].map(cachedRow);
    const { entra } = fakeEntra(
      [1, 2].map((n) => linkOf(n)),
      {
        'sp-1': jobWith('Active'),
        'sp-2': jobWith('Active'),
      },
    );
    let cut = false;
    const graph = await entra.graph();
    const cutting: FleetEntra = {
      ...entra,
      graph: () =>
        Promise.resolve({
          getJob: async (spId: string, jobId: string) => {
            cut = true;
            return graph.getJob(spId, jobId);
          },
        }),
    };
    const changed = await refreshEntraJobs({
      entra: cutting,
      sandbox: false,
      rows,
      logger: captureLogger().logger,
      cancelled: () => cut,
    });
    expect(changed).toEqual([]);
    expect(rows.map((cached) => cached.row.entraLink)).toEqual([null, null]);
  });
});
