import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { FleetRow } from '../../../shared/fleet/fleet';
import { installFakeAssistant, okFor } from '../fake-assistant';
import { progressAt, settings } from '../fixtures';
import { seriousViolations } from '../a11y/serious-violations';
import { visibleText } from '../visible-text';
import { internalWordsIn } from '../../support/internal-words';
import { cleanUpAfterEach, renderApp } from '../render-app';
import {
  connectedStatus,
  connectionOf,
  fleetOverview,
  fleetRow,
  fleetRows,
  idleSweep,
  installFleet,
} from './fleet-fixtures';

cleanUpAfterEach();

const grid = () => screen.getByRole('grid', { name: 'SCIM connections' });
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');
const shownNames = () =>
  bodyRows().map((row) => within(row).getAllByRole('gridcell')[1]!.textContent);

/** One row in each state that needs the admin, and two healthy ones. */
const MIXED: readonly FleetRow[] = [
  fleetRow(1, { organizationName: 'Healthy Alpha' }),
  fleetRow(2, { organizationName: 'Expiring Bravo', tokenDaysLeft: 12 }),
  fleetRow(3, { organizationName: 'Expired Charlie', tokenDaysLeft: -3 }),
  fleetRow(4, { organizationName: 'Rotating Delta', rotationPending: true }),
  fleetRow(5, {
    organizationName: 'Failing Echo',
    lastHealth: { verdict: 'failed', failingCheck: 'Test Connection', at: '2026-12-07T10:00:00Z' },
  }),
  fleetRow(6, {
    organizationName: 'Quarantined Foxtrot',
    entraJob: { state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' },
  }),
  fleetRow(7, { organizationName: 'Healthy Golf', entraJob: { state: 'Active' } }),
];

describe('Connections overview', () => {
  it('is the home screen once a project is connected, and the wizard is one click away', async () => {
    installFleet(MIXED, {
      'stytch:searchOrganizations': () =>
        okFor('stytch:searchOrganizations', { organizations: [], nextCursor: null, total: 0 }),
    });
    const { user } = await renderApp();

    expect(await screen.findByRole('heading', { level: 2, name: 'SCIM connections' })).toBeTruthy();
    expect(await screen.findByText('Healthy Alpha')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Set up a new connection' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Choose the organization' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '← All connections' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'SCIM connections' })).toBeTruthy();
  });

  it('opens the wizard where a half-done set-up was left, not the overview', async () => {
    installFakeAssistant(
      { 'stytch:status': connectedStatus },
      settings({
        projectId: 'project-test-123',
        organizationId: 'organization-test-1',
        wizard: progressAt('create-entra-app', ['connect-stytch', 'choose-organization']),
      }),
    );
    await renderApp();
    expect(screen.getByRole('navigation', { name: 'Setup steps' })).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('shows each state in words, with the token expiry in days and the quarantine reason', async () => {
    installFleet(MIXED);
    await renderApp();
    await screen.findByText('Healthy Alpha');

    expect(screen.getByText('12 days, soon').className).toBe('cell-warning');
    expect(screen.getByText('Expired 3 days ago').className).toBe('cell-danger');
    expect(screen.getByText('Failed: Test Connection')).toBeTruthy();
    // The reason in a few words under Entra's state, the whole of it on hover.
    expect(screen.getByText('In quarantine').className).toBe('cell-danger');
    expect(screen.getByText('Credentials refused').parentElement?.title).toBe(
      'In quarantine: Entra met an error it cannot get past (often the Tenant URL or the Secret Token)',
    );
    expect(screen.getByText('Pending')).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
  });

  it('names the identity provider in words, and keeps a value it does not know as Stytch sent it', async () => {
    installFleet([
      fleetRow(1, { organizationName: 'Entra Alpha', identityProvider: 'microsoft-entra' }),
      fleetRow(2, { organizationName: 'Okta Bravo', identityProvider: 'okta' }),
      fleetRow(3, { organizationName: 'New Charlie', identityProvider: 'some-new-idp' }),
    ]);
    await renderApp();
    await screen.findByText('Entra Alpha');

    const providerOf = (name: string) => {
      const row = bodyRows().find((candidate) => candidate.textContent.includes(name));
      return within(row!).getAllByRole('gridcell')[3]!.textContent;
    };
    expect(providerOf('Entra Alpha')).toBe('Microsoft Entra ID');
    expect(providerOf('Okta Bravo')).toBe('Okta');
    expect(providerOf('New Charlie')).toBe('some-new-idp');
  });

  it('says each state whole in its cell, not cut short for the column', async () => {
    installFleet([
      fleetRow(1, { organizationName: 'Expired Alpha', tokenDaysLeft: -15, entraLink: null }),
      fleetRow(2, {
        organizationName: 'Elsewhere Bravo',
        tokenDaysLeft: null,
        entraLink: { tenant: 'Contoso (sandbox)', jobRead: 'other-tenant' },
      }),
    ]);
    await renderApp();
    await screen.findByText('Expired Alpha');

    // Token expiry and Entra job, whole (the fleet e2e test checks that no cell is clipped).
    const expiryAndEntra = (name: string) => {
      const row = bodyRows().find((candidate) => candidate.textContent.includes(name));
      const cells = within(row!).getAllByRole('gridcell');
      return [cells[4]!.textContent, cells[7]!.textContent];
    };
    expect(expiryAndEntra('Expired Alpha')).toEqual([
      'Expired 15 days ago',
      'No enterprise app linked',
    ]);
    expect(expiryAndEntra('Elsewhere Bravo')).toEqual([
      'No date from Stytch',
      'Sign in to Contoso (sandbox) to see',
    ]);
  });

  it('keeps the search and every action in one compact toolbar, with what they do one click away', async () => {
    installFleet(MIXED);
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');

    for (const name of ['Check all', 'Save as CSV…', 'Save as a printable page…'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /^Rotate tokens expiring within 30 days/ }),
    ).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search organizations' })).toBeTruthy();
    // The explanations are folded away until asked for.
    const help = screen.getByText('What do these actions do?').closest('details')!;
    expect(help.open).toBe(false);
    expect(within(help).getByText(/sends Entra’s Test Connection query/)).toBeTruthy();
    await user.click(within(help).getByText('What do these actions do?'));
    expect(help.open).toBe(true);
    expect(within(help).getByText(/did not link are rotated on their own page/)).toBeTruthy();
  });

  it('lists the organizations Stytch’s search found while their connections are read, then fills them in', async () => {
    const fake = installFleet([], {
      'fleet:overview': () =>
        okFor('fleet:overview', fleetOverview([], { refreshedAt: null, refreshing: true })),
    });
    await renderApp();
    await screen.findByText('Showing 0 of 0 connections');
    // A first reading has no row yet: that is not "no connection".
    expect(screen.queryByText(/No organization of this project has a SCIM connection/)).toBeNull();

    const listed = (n: number, name: string) =>
      fleetRow(n, {
        organizationName: name,
        connectionStatus: '',
        identityProvider: '',
        lastHealth: null,
        provisional: true,
      });
    fake.emit('fleet:progress', {
      kind: 'refresh',
      state: 'running',
      done: 0,
      total: 2_013,
      etaSeconds: null,
      updated: [listed(1, 'Listed Alpha'), listed(2, 'Listed Bravo')],
      error: null,
    });
    expect(await screen.findByText('Listed Alpha')).toBeTruthy();
    expect(screen.getAllByText('Reading connection…')).toHaveLength(2);
    expect(screen.getByText('Read 0 of 2,013 organizations…')).toBeTruthy();
    // Not read yet is not a reason for attention.
    expect(screen.getByRole('checkbox', { name: 'Needs attention (0)' })).toBeTruthy();

    fake.emit('fleet:progress', {
      kind: 'refresh',
      state: 'running',
      done: 400,
      total: 2_013,
      etaSeconds: 40,
      updated: [fleetRow(1, { organizationName: 'Listed Alpha' })],
      error: null,
    });
    expect(await screen.findByText('Read 400 of 2,013 organizations…')).toBeTruthy();
    expect(screen.getAllByText('Reading connection…')).toHaveLength(1);
    const alpha = bodyRows().find((row) => row.textContent.includes('Listed Alpha'));
    expect(within(alpha!).getByText('active')).toBeTruthy();
  });

  it('follows a Microsoft sign-in: the Entra job cells change as main reads them again, without a click', async () => {
    const signedOut = fleetRow(1, {
      organizationName: 'Linked Alpha',
      entraLink: { tenant: 'Contoso', jobRead: 'signed-out' },
    });
    const read = fleetRow(1, {
      organizationName: 'Linked Alpha',
      entraJob: { state: 'Active' },
      entraLink: { tenant: 'Contoso', jobRead: 'read' },
    });
    let rows = [signedOut];
    const fake = installFleet([], {
      'fleet:overview': () => okFor('fleet:overview', fleetOverview(rows)),
    });
    await renderApp();
    expect(await screen.findByText('Sign in to Microsoft to see')).toBeTruthy();
    const readAgain = screen.getByRole('button', { name: 'Read again' });
    expect(readAgain.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(readAgain.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('From Stytch and the linked Entra jobs.');

    const progress = { done: 0, total: 0, etaSeconds: null, error: null } as const;
    fake.emit('fleet:progress', { ...progress, kind: 'entra', state: 'running', updated: [] });
    expect(await screen.findByText('Reading the Entra jobs…')).toBeTruthy();
    rows = [read];
    fake.emit('fleet:progress', { ...progress, kind: 'entra', state: 'finished', updated: [read] });
    await waitFor(() => expect(screen.queryByText('Reading the Entra jobs…')).toBeNull());
    expect(within(grid()).getByText('Active')).toBeTruthy();
    expect(screen.queryByText('Sign in to Microsoft to see')).toBeNull();
    // A reading of the Entra jobs is neither a refresh nor a health check.
    expect(screen.getByRole('button', { name: 'Read again' }).hasAttribute('disabled')).toBe(false);
  });

  it('reads the Microsoft sign-in again once main has read the Entra jobs again, so the context bar follows', async () => {
    const fake = installFleet([fleetRow(1)]);
    await renderApp();
    await screen.findByText('Org 00001');
    const reads = fake.callsTo('microsoft:status').length;
    const progress = { done: 0, total: 0, etaSeconds: null, error: null } as const;
    fake.emit('fleet:progress', { ...progress, kind: 'entra', state: 'running', updated: [] });
    expect(fake.callsTo('microsoft:status')).toHaveLength(reads);
    fake.emit('fleet:progress', { ...progress, kind: 'entra', state: 'finished', updated: [] });
    await waitFor(() => expect(fake.callsTo('microsoft:status')).toHaveLength(reads + 1));
  });

  it('says the Entra jobs are being read when it opens in the middle of that reading', async () => {
    let reading = true;
    const fake = installFleet([], {
      'fleet:overview': () =>
        okFor('fleet:overview', fleetOverview([fleetRow(1)], { entraReading: reading })),
    });
    await renderApp();
    expect(await screen.findByText('Reading the Entra jobs…')).toBeTruthy();

    reading = false;
    const progress = { done: 0, total: 0, etaSeconds: null, error: null } as const;
    fake.emit('fleet:progress', { ...progress, kind: 'entra', state: 'finished', updated: [] });
    await waitFor(() => expect(screen.queryByText('Reading the Entra jobs…')).toBeNull());
  });

  it('finds organizations by name as the admin types, and says how many are shown', async () => {
    installFleet(MIXED);
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');

    await user.type(screen.getByRole('searchbox', { name: 'Search organizations' }), 'healthy');

    expect(shownNames()).toEqual(['Healthy Alpha', 'Healthy Golf']);
    expect(screen.getByText('Showing 2 of 7 connections')).toBeTruthy();
  });

  it('filters to what needs attention: expiring, expired, rotation pending, failed, quarantined', async () => {
    installFleet(MIXED);
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');

    await user.click(screen.getByRole('checkbox', { name: 'Needs attention (5)' }));

    expect([...shownNames()].sort()).toEqual([
      'Expired Charlie',
      'Expiring Bravo',
      'Failing Echo',
      'Quarantined Foxtrot',
      'Rotating Delta',
    ]);
  });

  it('sorts by a column’s header and says the order on it', async () => {
    installFleet(MIXED);
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');
    // Opens with the next token to expire first.
    expect(shownNames().slice(0, 2)).toEqual(['Expired Charlie', 'Expiring Bravo']);

    const organization = screen.getByRole('columnheader', { name: /Organization/ });
    await user.click(within(organization).getByRole('button'));
    expect(organization.getAttribute('aria-sort')).toBe('ascending');
    expect(shownNames()[0]).toBe('Expired Charlie');
    expect(shownNames()[6]).toBe('Rotating Delta');

    await user.click(within(organization).getByRole('button'));
    expect(organization.getAttribute('aria-sort')).toBe('descending');
    expect(shownNames()[0]).toBe('Rotating Delta');
    expect(
      screen.getByRole('columnheader', { name: /Token expiry/ }).getAttribute('aria-sort'),
    ).toBe('none');
  });

  it('draws only the rows in view of 5,000 and reaches the last with the keyboard', async () => {
    installFleet(fleetRows(5_000));
    const { user } = await renderApp();
    await screen.findByText('Showing 5,000 of 5,000 connections');

    expect(grid().getAttribute('aria-rowcount')).toBe('5001');
    expect(bodyRows().length).toBeLessThan(30);

    within(grid()).getAllByRole('row')[1]!.focus();
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('5001');
    expect(bodyRows().length).toBeLessThan(30);
  });

  it('opens a connection’s page with Enter on its row', async () => {
    installFleet(MIXED, { 'scim:getConnection': connectionOf });
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');

    bodyRows()[0]!.focus();
    await user.keyboard('{ArrowDown}{Enter}');

    expect(await screen.findByRole('heading', { level: 2, name: 'Expiring Bravo' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Details' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Members in Stytch' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rotate the token' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Danger zone' })).toBeTruthy();
    expect(
      screen.getByText(/Not known here: this app has not linked an enterprise app/),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '← All connections' }));
    expect(await screen.findByRole('grid', { name: 'SCIM connections' })).toBeTruthy();
  });

  it('checks the selected connections, shows the count and time left, and lands results in the rows', async () => {
    const fake = installFleet(MIXED, {
      'fleet:sweepStart': () =>
        okFor('fleet:sweepStart', idleSweep({ state: 'running', total: 2, startedAt: 'x' })),
    });
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');

    bodyRows()[0]!.focus();
    await user.keyboard(' {ArrowDown} ');
    await user.click(screen.getByRole('button', { name: 'Check selected (2)' }));
    expect(fake.callsTo('fleet:sweepStart')).toEqual([
      { organizationIds: ['organization-test-00003', 'organization-test-00002'] },
    ]);

    fake.emit('fleet:progress', {
      kind: 'sweep',
      state: 'running',
      done: 1,
      total: 2,
      etaSeconds: 90,
      updated: [
        fleetRow(3, {
          organizationName: 'Expired Charlie',
          tokenDaysLeft: -3,
          lastHealth: { verdict: 'failed', failingCheck: 'Token', at: '2026-12-07T11:00:00Z' },
        }),
      ],
      error: null,
    });
    expect(await screen.findByText('1 of 2 checked · about 2 minutes left')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Health check progress' })).toBeTruthy();
    expect(screen.getByText('Failed: Token')).toBeTruthy();

    const finished = idleSweep({
      state: 'finished',
      done: 2,
      total: 2,
      finishedAt: '2026-12-07T11:00:05Z',
      counts: { passed: 1, failed: 1, warnings: 0, metadataOnly: 0 },
    });
    fake.handle('fleet:overview', () =>
      okFor('fleet:overview', fleetOverview(MIXED, { sweep: finished })),
    );
    fake.emit('fleet:progress', {
      kind: 'sweep',
      state: 'finished',
      done: 2,
      total: 2,
      etaSeconds: null,
      updated: [],
      error: null,
    });
    expect(await screen.findByText(/Checked 2 connections at .*: 1 passed, 1 failed/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancels a running check', async () => {
    const running = idleSweep({ state: 'running', done: 10, total: 7_000, etaSeconds: 600 });
    const fake = installFleet(MIXED, {
      'fleet:overview': () => okFor('fleet:overview', fleetOverview(MIXED, { sweep: running })),
      'fleet:sweepCancel': () =>
        okFor('fleet:sweepCancel', { ...running, state: 'cancelled', etaSeconds: null }),
    });
    const { user } = await renderApp();
    expect(await screen.findByText('10 of 7,000 checked · about 10 minutes left')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check all' }).hasAttribute('disabled')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(fake.callsTo('fleet:sweepCancel')).toHaveLength(1);
    expect(await screen.findByText(/Check cancelled after 10 of 7,000/)).toBeTruthy();
  });

  it('saves the report through main and says the file’s name', async () => {
    const fake = installFleet(MIXED, {
      'fleet:saveReport': ({ format }) =>
        okFor('fleet:saveReport', { saved: true, fileName: `scim-connections.${format}` }),
    });
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');

    await user.click(screen.getByRole('button', { name: 'Save as a printable page…' }));

    expect(fake.callsTo('fleet:saveReport')).toEqual([{ format: 'html' }]);
    await waitFor(() => expect(screen.getByText(/Saved as scim-connections\.html\./)).toBeTruthy());
  });

  it('has no serious accessibility finding and no internal word, on the overview and a connection’s page', async () => {
    installFleet(MIXED, { 'scim:getConnection': connectionOf });
    const { user } = await renderApp();
    await screen.findByText('Healthy Alpha');
    expect(await seriousViolations()).toEqual([]);
    expect(internalWordsIn(visibleText())).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Expired Charlie' }));
    await screen.findByRole('heading', { name: 'Details' });
    expect(await seriousViolations()).toEqual([]);
    expect(internalWordsIn(visibleText())).toEqual([]);
  });
});
