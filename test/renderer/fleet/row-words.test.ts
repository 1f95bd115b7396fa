import { describe, expect, it } from 'vitest';

import type { FleetRow } from '../../../shared/fleet/fleet';
import { entraWords } from '../../../renderer/features/fleet/row-words';
import { internalWordsIn } from '../../support/internal-words';
import { fleetRow } from './fleet-fixtures';

/** The overview's Entra job cell: Entra's own words, or why the app cannot see the job. */
describe('the Entra job cell', () => {
  const contoso = { tenant: 'Contoso (sandbox)', jobRead: 'read' } as const;
  const cases: [Partial<FleetRow>, string, string?][] = [
    [{ entraJob: { state: 'Active' }, entraLink: contoso }, 'Active'],
    [{ entraJob: { state: 'Paused' }, entraLink: contoso }, 'Paused'],
    [
      {
        entraJob: { state: 'Quarantine', quarantineReason: 'TooManyDeletes' },
        entraLink: contoso,
      },
      'In quarantine',
      'Too many deletions',
    ],
    [
      {
        entraJob: { state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' },
        entraLink: contoso,
      },
      'In quarantine',
      'Credentials refused',
    ],
    [
      { entraJob: { state: 'Quarantine', quarantineReason: 'SomeNewReason' }, entraLink: contoso },
      'In quarantine',
      'Some new reason',
    ],
    [{ entraJob: { state: 'Quarantine' }, entraLink: contoso }, 'In quarantine'],
    [{ entraJob: { state: 'SomethingNew' }, entraLink: contoso }, 'Something new'],
    [{ entraLink: null }, 'No enterprise app linked'],
    [{ entraLink: { tenant: null, jobRead: 'signed-out' } }, 'Sign in to Microsoft to see'],
    [{ entraLink: { tenant: 'Fabrikam', jobRead: 'other-tenant' } }, 'Sign in to Fabrikam to see'],
    [{ entraLink: { tenant: null, jobRead: 'other-tenant' } }, 'Sign in to its tenant to see'],
    [{ entraLink: { tenant: 'Contoso', jobRead: 'no-job' } }, 'No provisioning job yet'],
    [{ entraLink: { tenant: 'Contoso', jobRead: 'failed' } }, 'Not known'],
  ];

  it.each(cases)('%j reads “%s” (%s), in plain words', (overrides, text, short) => {
    const words = entraWords(fleetRow(1, overrides));
    expect([words.text, words.detail?.short]).toEqual([text, short]);
    const said = [words.text, words.detail?.short ?? '', words.detail?.full ?? ''].join(' ');
    expect(internalWordsIn(said)).toEqual([]);
  });

  it('gives the whole reason on hover and on the connection’s page', () => {
    const words = entraWords(
      fleetRow(1, {
        entraJob: { state: 'Quarantine', quarantineReason: 'TooManyDeletes' },
        entraLink: contoso,
      }),
    );
    expect(words.detail?.full).toBe(
      'In quarantine: too many deletions at once (Entra’s accidental-deletion safeguard)',
    );
  });

  it('colours a quarantine as danger and an active job as good, the words saying so too', () => {
    const tone = (overrides: Partial<FleetRow>) => entraWords(fleetRow(1, overrides)).tone;
    expect(tone({ entraJob: { state: 'Quarantine' }, entraLink: contoso })).toBe('danger');
    expect(tone({ entraJob: { state: 'Active' }, entraLink: contoso })).toBe('good');
    expect(tone({ entraLink: { tenant: 'Fabrikam', jobRead: 'other-tenant' } })).toBe('plain');
  });
});
