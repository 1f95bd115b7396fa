import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ProbeCheck } from '../../../shared/probe/report';
import { installConnectedAt, okFor } from '../fake-assistant';
import { connectionView, probeCheck, probeReport } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

/*
 * The report the sandbox's faulty organization (Initech) gives: Entra's query answered 404, so
 * every deeper check is skipped. The same raw answer came back to the user and the group query.
 */
const RAW_404 = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404"}';
const users = {
  method: 'GET',
  url: 'https://test.stytch.com/v1/b2b/scim/c1/Users?filter=userName+eq+%22x%22',
  headers: { Authorization: 'Bearer [redacted]' },
};
const groups = { ...users, url: 'https://test.stytch.com/v1/b2b/scim/c1/Groups?filter=x' };
const answer = { status: 404, contentType: 'application/scim+json', bodyExcerpt: RAW_404 };
const QUERY_404 =
  'The server answered 404 Not Found to a query for a user that does not exist. Entra expects 200 with an empty list.';

const initech: ProbeCheck[] = [
  probeCheck({ id: 'url', title: 'Tenant URL and token', message: 'Well-formed.' }),
  probeCheck({
    id: 'tls',
    title: 'TLS certificate and protocol',
    status: 'skip',
    message: 'Plain http on this computer: there is no TLS to check.',
  }),
  probeCheck({
    title: 'Test Connection (as Entra sends it)',
    status: 'fail',
    message: QUERY_404,
    fix: 'Return an empty list, not 404.',
    entraWouldSay: `You appear to have entered invalid credentials. Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable Details: We received this unexpected response from your application: Response Status Code: NotFound Response Content: ${RAW_404}`,
    request: users,
    response: answer,
    exchanges: [
      {
        label: 'user query',
        status: 'fail',
        message: QUERY_404,
        request: users,
        response: answer,
        durationMs: 3,
      },
      {
        label: 'group query',
        status: 'fail',
        message: 'The server does not support groups: /Groups answered 404.',
        request: groups,
        response: answer,
        durationMs: 3,
      },
    ],
  }),
  ...(['auth-enforced', 'external-id-filter', 'groups'] as const).map((id) =>
    probeCheck({
      id,
      title: `Check ${id}`,
      status: 'skip',
      message: 'Skipped because “Test Connection (as Entra sends it)” failed; fix that first.',
    }),
  ),
];

async function runFailingReport() {
  installConnectedAt('configure-credentials', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    'probe:run': () => okFor('probe:run', probeReport(initech)),
  });
  const { user } = await renderApp();
  await user.click(await screen.findByRole('button', { name: 'Check the connection' }));
  return { user, results: await screen.findByRole('list', { name: 'Connection check results' }) };
}

describe('The connection check’s report', () => {
  it('opens with a verdict that says, in words, that Entra would fail', async () => {
    await runFailingReport();
    const verdict = screen.getByRole('group', {
      name: 'Fails, like Entra’s Test Connection would.',
    });
    expect(verdict.textContent).toContain('1 of 6 checks failed. Start with the first one below.');
    expect(verdict.className).toContain('notice-error');
  });

  it('lists the failure first with the admin’s own next step and folds the server fix beneath', async () => {
    const { results } = await runFailingReport();
    const [first] = within(results).getAllByRole('listitem');
    expect(first?.dataset['checkId']).toBe('test-connection');
    expect(first?.dataset['status']).toBe('fail');
    expect(first?.textContent).toContain('What to do: Check the Tenant URL in Entra');
    expect(first?.textContent).toContain('send this report to Stytch support');
    expect(first?.textContent).toContain(
      'Entra shows (approximately): You appear to have entered invalid credentials.',
    );
    const developer = within(first as HTMLElement)
      .getByText('For the SCIM server’s developer', { exact: false })
      .closest('details');
    expect(developer?.open).toBe(false);
    expect(developer?.textContent).toContain('Server-side fix: Return an empty list, not 404.');
  });

  it('shows each raw answer once', async () => {
    await runFailingReport();
    const shown = screen.getByRole('region', {
      name: 'The assistant’s connection check',
    }).textContent;
    expect(shown.split(RAW_404)).toHaveLength(2);
    expect(shown.split(QUERY_404)).toHaveLength(2);
    expect(shown.split(users.url)).toHaveLength(2);
  });

  it('collapses the skipped checks into one line and keeps each check’s id and status', async () => {
    const { results } = await runFailingReport();
    expect(
      within(results).getByText(
        '3 checks skipped because “Test Connection (as Entra sends it)” failed; fix that first.',
      ),
    ).toBeTruthy();
    const ids = [...results.querySelectorAll<HTMLElement>('[data-check-id]')].map(
      (item) => `${item.dataset['checkId']}:${item.dataset['status']}`,
    );
    expect(ids.sort()).toEqual(
      [
        'auth-enforced:skip',
        'external-id-filter:skip',
        'groups:skip',
        'test-connection:fail',
        'tls:skip',
        'url:pass',
      ].sort(),
    );
  });
});
