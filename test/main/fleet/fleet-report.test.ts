import { describe, expect, it } from 'vitest';

import { reportCsv, reportHtml } from '../../../main/fleet/fleet-report';
import { idleSweep, type FleetRow } from '../../../shared/fleet/fleet';
import { formatTimestamp } from '../../../shared/timestamp';
import { fleetRow } from '../../support/fleet-row';

const read = { tenant: 'Contoso (sandbox)', jobRead: 'read' } as const;

/**
 * Graph's job status codes and quarantine reasons, as Microsoft documents them: synchronizationStatus
 * `code` and synchronizationQuarantine `reason`
 * (https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationquarantine).
 * `SomeFutureReason` and `SomethingNew` stand for codes Graph may add later.
 */
const CASES: [string, Partial<FleetRow>, string][] = [
  ['an active job', { entraJob: { state: 'Active' }, entraLink: read }, 'Active'],
  ['a job never run', { entraJob: { state: 'NotRun' }, entraLink: read }, 'Not run yet'],
  [
    'a job stopped by the accidental-deletion safeguard',
    { entraJob: { state: 'Quarantine', quarantineReason: 'TooManyDeletes' }, entraLink: read },
    'In quarantine: too many deletions at once (Entra’s accidental-deletion safeguard)',
  ],
  [
    'a job whose credentials Entra cannot get past',
    {
      entraJob: { state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' },
      entraLink: read,
    },
    'In quarantine: Entra met an error it cannot get past (often the Tenant URL or the Secret Token)',
  ],
  [
    'a quarantine reason Graph adds later',
    { entraJob: { state: 'Quarantine', quarantineReason: 'SomeFutureReason' }, entraLink: read },
    'In quarantine: some future reason',
  ],
  [
    'a job state Graph adds later',
    { entraJob: { state: 'SomethingNew' }, entraLink: read },
    'Something new',
  ],
  ['an organization with no linked app', { entraLink: null }, 'No enterprise app linked'],
  [
    'a linked app while nobody is signed in',
    { entraLink: { tenant: null, jobRead: 'signed-out' } },
    'Sign in to Microsoft to see',
  ],
  [
    'a linked app in another tenant',
    { entraLink: { tenant: 'Fabrikam', jobRead: 'other-tenant' } },
    'Sign in to Fabrikam to see',
  ],
];

/** One column of the CSV, one value per row (the rows here hold no quoted comma). */
function column(csv: string, heading: string): string[] {
  const [head = '', ...lines] = csv.trimEnd().split('\r\n');
  const index = head.split(',').indexOf(heading);
  return lines.map((line) => line.split(',')[index] ?? '');
}
const entraColumn = (csv: string) => column(csv, 'Entra job');

describe('the saved report', () => {
  const rows = CASES.map(([, overrides], index) => fleetRow(index + 1, overrides));

  it.each(CASES.map(([name, , words], index) => [name, words, index] as const))(
    'says %s in the overview’s words in the CSV: “%s”',
    (_name, words, index) => {
      expect(entraColumn(reportCsv(rows))[index]).toBe(words);
    },
  );

  it('writes no Graph code for a job, in the CSV or the printable page', () => {
    const facts = { projectId: 'project-test-1', generatedAt: new Date(0), sweep: idleSweep() };
    for (const text of [reportCsv(rows), reportHtml(rows, facts)]) {
      expect(text).not.toMatch(
        /TooManyDeletes|EncounteredQuarantineException|SomeFutureReason|SomethingNew|NotRun/,
      );
    }
  });

  it('puts the same words in the printable page’s Entra job cells', () => {
    const html = reportHtml(rows, {
      projectId: 'project-test-1',
      generatedAt: new Date(0),
      sweep: idleSweep(),
    });
    for (const [, , words] of CASES) expect(html).toContain(`<td>${words}</td>`);
  });

  it('shows times in the page as the app does, the zone named; the CSV keeps them as ISO for spreadsheets', () => {
    const row = fleetRow(1, {
      tokenExpiresAt: '2027-12-01T00:00:00Z',
      lastHealth: { verdict: 'passed', at: '2026-12-07T10:00:00Z' },
    });
    const html = reportHtml([row], {
      projectId: 'project-test-1',
      generatedAt: new Date('2026-12-08T04:17:05Z'),
      sweep: {
        ...idleSweep(),
        state: 'finished',
        done: 1,
        total: 1,
        finishedAt: '2026-12-07T10:00:03Z',
      },
      timeZone: 'UTC',
    });
    for (const iso of ['2026-12-08T04:17:05', '2027-12-01T00:00:00Z', '2026-12-07T10:00']) {
      expect(html).not.toContain(iso);
    }
    for (const moment of [
      '2026-12-08T04:17:05Z',
      '2027-12-01T00:00:00Z',
      '2026-12-07T10:00:00Z',
      '2026-12-07T10:00:03Z',
    ]) {
      expect(html).toContain(formatTimestamp(moment, { timeZone: 'UTC', named: true }));
    }
    const csv = reportCsv([row]);
    expect(column(csv, 'Token expires')).toEqual(['2027-12-01T00:00:00Z']);
    expect(column(csv, 'Checked at')).toEqual(['2026-12-07T10:00:00Z']);
  });

  it('names the identity provider as the overview does, keeping a value Stytch adds later', () => {
    const providers = [fleetRow(1), fleetRow(2, { identityProvider: 'some-new-idp' })];
    expect(column(reportCsv(providers), 'Identity provider')).toEqual([
      'Microsoft Entra ID',
      'some-new-idp',
    ]);
  });
});
