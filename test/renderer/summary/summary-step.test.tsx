import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { WatchSnapshot } from '../../../shared/provisioning/watch';
import { okFor } from '../fake-assistant';
import { connectionView, expiresInDays } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import {
  correctMapping,
  entraApp,
  entraView,
  jobScope,
  jobView,
} from '../entra-setup/entra-fixtures';
import { installEntraAt } from '../entra-setup/install';

cleanUpAfterEach();

const CONNECTION = connectionView({ bearerTokenExpiresAt: expiresInDays(45.5) });
const snapshot: WatchSnapshot = {
  organizationId: CONNECTION.organizationId,
  connectionId: CONNECTION.connectionId,
  state: 'watching',
  members: [],
  counts: { active: 3, deactivated: 1, total: 4 },
  timeline: [],
  lastPolledAt: '2026-12-01T12:00:00.000Z',
  nextPollInMs: 3_000,
  failure: null,
};
const view = entraView({
  app: entraApp({ displayName: 'Stytch SCIM (Acme)' }),
  job: jobView({ status: 'Active' }),
  scope: jobScope({ scope: 'assigned', syncAll: 'false', unknownBecause: null }),
  mapping: correctMapping(),
});

function install() {
  return installEntraAt('summary', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: CONNECTION }),
    'entra:get': () => okFor('entra:get', view),
    'watch:start': () => okFor('watch:start', snapshot),
    'watch:stop': () => okFor('watch:stop', { ...snapshot, state: 'stopped' }),
    'clipboard:copy': () => okFor('clipboard:copy', { clearsInMs: null }),
  });
}

const row = (section: HTMLElement, term: string) =>
  within(section).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Summary: the last step', () => {
  it('shows what was set up and what to watch for, with the token’s expiry date and days left', async () => {
    install();
    await renderApp();
    const setUp = await screen.findByRole('region', { name: 'What was set up' });
    await waitFor(() =>
      expect(row(setUp, 'People provisioned')).toBe('3 active, 1 deactivated (4 in all)'),
    );
    expect(row(setUp, 'Tenant URL')).toBe(CONNECTION.tenantUrl);
    expect(row(setUp, 'Entra enterprise app')).toBe('Stytch SCIM (Acme)');
    expect(row(setUp, 'Scope')).toBe('Sync only assigned users and groups');
    expect(row(setUp, 'Attribute mapping')).toBe('externalId from objectId, as Stytch expects');
    expect(row(setUp, 'SCIM connection')).toContain(CONNECTION.connectionId);
    const watch = screen.getByRole('region', { name: 'What to watch for' });
    const date = (CONNECTION.bearerTokenExpiresAt ?? '').slice(0, 10);
    expect(row(watch, 'Secret Token expires')).toBe(`${date} (45 days left)`);
  });

  it('copies the summary as plain text through main, without the token’s last characters', async () => {
    const fake = install();
    const { user } = await renderApp();
    const setUp = await screen.findByRole('region', { name: 'What was set up' });
    await waitFor(() => expect(row(setUp, 'People provisioned')).toContain('3 active'));
    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    const [request] = fake.callsTo('clipboard:copy');
    if (request?.kind !== 'text') throw new Error('the summary was not copied as text');
    expect(request.text).toContain(`- Tenant URL: ${CONNECTION.tenantUrl}`);
    expect(request.text).toContain('- People provisioned: 3 active, 1 deactivated (4 in all)');
    expect(request.text).toContain('(45 days left)');
    expect(request.text).not.toContain(CONNECTION.token.last4 ?? 'last4');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });
});
