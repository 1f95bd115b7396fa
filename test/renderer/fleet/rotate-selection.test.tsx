import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { FleetRow } from '../../../shared/fleet/fleet';
import type { RotationOutcome, SelectionPlan } from '../../../shared/rotation/rotation';
import { okFor } from '../fake-assistant';
import { connectionView } from '../fixtures';
import { seriousViolations } from '../a11y/serious-violations';
import { visibleText } from '../visible-text';
import { internalWordsIn } from '../../support/internal-words';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { SIGNED_IN } from '../entra-setup/entra-fixtures';
import { fleetOverview, fleetRow, installFleet } from './fleet-fixtures';

cleanUpAfterEach();

/** Two tokens expiring within 30 days, one expired, one fine: three to rotate. */
const ROWS: readonly FleetRow[] = [
  fleetRow(1, { organizationName: 'Linked Alpha', tokenDaysLeft: 12 }),
  fleetRow(2, { organizationName: 'Unlinked Bravo', tokenDaysLeft: 20 }),
  fleetRow(3, { organizationName: 'Linked Charlie', tokenDaysLeft: -2 }),
  fleetRow(4, { organizationName: 'Fine Delta', tokenDaysLeft: 200 }),
];
const id = (n: number) => fleetRow(n).organizationId;

/** Main's plan: Bravo has no Entra app linked here; the others run, the expired one first. */
const PLAN: SelectionPlan = {
  rows: [3, 1, 2].map((n) => ({
    organizationId: id(n),
    organizationName: ROWS.find((row) => row.organizationId === id(n))?.organizationName ?? '',
    connectionId: fleetRow(n).connectionId,
    across: n === 2 ? { available: false, reason: 'no-app' } : { available: true, reason: null },
  })),
};

const rotated = (runId: string): RotationOutcome => ({
  outcome: 'rotated',
  runId,
  order: 'stytch-first',
  gap: { seconds: 1.4, open: false },
  connection: connectionView(),
  steps: ['start', 'check-pending', 'complete', 'entra-save', 'entra-test'],
});

const failed = (runId: string): RotationOutcome => ({
  outcome: 'failed',
  runId,
  failedStep: 'complete',
  error: {
    code: 'STYTCH_SERVER_ERROR',
    message: 'Stytch had a problem finishing the rotation.',
    hint: 'Try again in a few minutes.',
  },
  left: {
    rotationPending: false,
    completed: false,
    entraHasOldToken: true,
    summary:
      'Nothing changed for Entra: the rotation was cancelled, and the current token works in Stytch and Entra as before.',
  },
  gap: null,
  connection: null,
  steps: ['start', 'check-pending', 'complete', 'cancel'],
});

/** The overview, signed in to Microsoft or not, main planning {@link PLAN}. */
async function openOverview(signedIn: boolean) {
  const fake = installFleet(ROWS, {
    'microsoft:status': () =>
      okFor('microsoft:status', signedIn ? SIGNED_IN : { ...SIGNED_IN, account: null }),
    'rotation:planSelection': () => okFor('rotation:planSelection', PLAN),
    'fleet:refresh': () => okFor('fleet:refresh', fleetOverview(ROWS)),
  });
  const rendered = await renderApp();
  await screen.findByText('Linked Alpha');
  return { fake, ...rendered };
}

const expiringButton = () =>
  screen.getByRole('button', { name: /^Rotate tokens expiring within 30 days/ });

describe('Rotating several tokens from the overview', () => {
  it('counts the tokens expiring within 30 days, expired ones included, and asks to sign in first', async () => {
    await openOverview(false);

    expect(expiringButton().textContent).toBe('Rotate tokens expiring within 30 days (3)');
    expect(expiringButton()).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Rotate selected (0)' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(expiringButton().getAttribute('aria-describedby')).toBeTruthy();
    const reason = document.getElementById(expiringButton().getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/^Sign in to Microsoft first/);
    expect(screen.getByRole('button', { name: 'Sign in to Microsoft' })).toBeTruthy();
  });

  it('is disabled with its reason when no token expires within 30 days', async () => {
    installFleet([fleetRow(4, { tokenDaysLeft: 200 })], {
      'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
    });
    await renderApp();
    await screen.findByText('Org 00004');

    expect(expiringButton().textContent).toBe('Rotate tokens expiring within 30 days (0)');
    expect(expiringButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('No token expires within 30 days.')).toBeTruthy();
  });

  it('names what will happen, which rotate across both and which are skipped and why, before starting', async () => {
    const { fake, user } = await openOverview(true);

    await user.click(expiringButton());

    // Soonest first: the expired one, then those expiring.
    expect(fake.callsTo('rotation:planSelection')).toEqual([
      { organizationIds: [id(3), id(1), id(2)] },
    ]);
    const panel = await screen.findByRole('group', {
      name: 'Rotate 2 tokens in Stytch and Entra?',
    });
    expect(document.activeElement?.textContent).toBe('Rotate 2 tokens in Stytch and Entra?');
    expect(within(panel).getByText(/saves the new token in Entra/).textContent).toMatch(
      /never shown/,
    );
    const ready = within(panel).getByRole('list', {
      name: 'Connections to rotate in Stytch and Entra',
    });
    expect(
      within(ready)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Linked Charlie', 'Linked Alpha']);
    const skipped = within(panel).getByRole('list', { name: /^Skipped: No Entra enterprise app/ });
    expect(
      within(skipped)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Unlinked Bravo']);
    expect(await seriousViolations()).toEqual([]);
    expect(internalWordsIn(visibleText())).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(expiringButton()).toBeTruthy();
    expect(fake.callsTo('rotation:runSelection')).toEqual([]);
  });

  it('rotates the ticked rows on their own too', async () => {
    const { fake, user } = await openOverview(true);
    await user.click(screen.getByRole('checkbox', { name: 'Select Linked Alpha' }));

    await user.click(screen.getByRole('button', { name: 'Rotate selected (1)' }));

    expect(fake.callsTo('rotation:planSelection')).toEqual([{ organizationIds: [id(1)] }]);
  });

  it('shows “2 of 2” while it runs, then each result with its gap and what is left working, and reads the rows again', async () => {
    const { fake, user } = await openOverview(true);
    let finish: (value: unknown) => void = () => undefined;
    fake.handle('rotation:runSelection', async (request) => {
      await new Promise((resolve) => (finish = resolve));
      return okFor('rotation:runSelection', {
        runId: request.runId,
        stopped: false,
        items: [
          { state: 'ran', ...planRow(0), outcome: failed(request.runId) },
          { state: 'ran', ...planRow(1), outcome: rotated(request.runId) },
          { state: 'skipped', ...planRow(2), reason: 'no-app' },
        ],
      });
    });
    await user.click(expiringButton());
    await user.click(await screen.findByRole('button', { name: 'Rotate 2 tokens' }));
    const [run] = fake.callsTo('rotation:runSelection');
    expect(run?.organizationIds).toEqual([id(3), id(1), id(2)]);

    act(() =>
      fake.emit('rotation:progress', {
        runId: run?.runId ?? '',
        connectionId: fleetRow(1).connectionId,
        step: 'entra-save',
        state: 'running',
        detail: null,
        at: '2026-12-07T10:00:00Z',
        selection: { organizationId: id(1), position: 2, total: 2, rotated: 0, failed: 1 },
      }),
    );
    expect(
      await screen.findByText(
        'Rotating 2 of 2: Linked Alpha — Save the new token in Entra (working…) · 0 rotated, 1 failed so far',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Rotation progress' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop after this connection' })).toBeTruthy();

    act(() => finish(null));

    expect(
      await screen.findByText('Rotation finished: 1 rotated, 1 failed, 1 skipped.'),
    ).toBeTruthy();
    const results = screen.getByRole('table', { name: 'Each connection’s result' });
    const lines = within(results)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(lines).toEqual([
      [
        'Linked Charlie',
        'Failed at “Finish the rotation in Stytch”: Stytch had a problem finishing the rotation.',
        '—',
        'Nothing changed for Entra: the rotation was cancelled, and the current token works in Stytch and Entra as before.',
      ],
      [
        'Linked Alpha',
        'Rotated in Stytch and Entra',
        '1.4 seconds',
        'Only the new token works now, and Entra holds it; Entra’s Test Connection passed.',
      ],
      ['Unlinked Bravo', 'Skipped', '—', expect.stringMatching(/^No Entra enterprise app/)],
    ]);
    expect(fake.callsTo('fleet:refresh')).toHaveLength(1);
    expect(await seriousViolations()).toEqual([]);
    expect(internalWordsIn(visibleText())).toEqual([]);
  });
});

function planRow(index: number) {
  const row = PLAN.rows[index];
  if (row === undefined) throw new Error(`no plan row ${String(index)}`);
  const { organizationId, organizationName, connectionId } = row;
  return { organizationId, organizationName, connectionId };
}
