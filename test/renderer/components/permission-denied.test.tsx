import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { buildAdminRequest } from '../../../renderer/components/admin-request';
import { SIGNED_IN, entraApp, entraView, jobView } from '../entra-setup/entra-fixtures';
import { installEntraAt } from '../entra-setup/install';
import { okFor } from '../fake-assistant';
import { appError } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const withJob = entraView({ app: entraApp(), job: jobView() });

/**
 * Graph's refusal as main words it (main/graph/graph-errors.ts), for saving the credentials: it
 * names the Graph action the step needs, which the ways out sign in for and quote.
 */
const denied = appError({
  code: 'GRAPH_PERMISSION_DENIED',
  action: 'configure-provisioning',
  message: 'Microsoft Graph refused saving the credentials: insufficient privileges.',
  hint: 'The signed-in account needs the Application Administrator role.',
  requestId: 'crid-123',
  retryable: false,
});

function installDenied() {
  let signedInAgain = false;
  const fake = installEntraAt('configure-credentials', {
    'microsoft:status': () => okFor('microsoft:status', SIGNED_IN),
    'entra:get': () => okFor('entra:get', withJob),
    'clipboard:copy': () => okFor('clipboard:copy', { clearsInMs: null }),
    'microsoft:signIn': () => {
      signedInAgain = true;
      return okFor('microsoft:signIn', SIGNED_IN);
    },
    'entra:saveCredentials': () =>
      signedInAgain ? okFor('entra:saveCredentials', withJob) : { ok: false, error: denied },
  });
  return fake;
}

describe('A missing Entra role', () => {
  it('offers to sign in with another account, then runs the step again', async () => {
    const fake = installDenied();
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Save credentials in Entra' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Sign in with another account' }));
    expect(fake.callsTo('microsoft:signIn')).toEqual([{ action: 'configure-provisioning' }]);
    await waitFor(() => expect(fake.callsTo('entra:saveCredentials')).toHaveLength(2));
  });

  it('copies a request the admin can forward, naming the roles and permissions in words', async () => {
    const fake = installDenied();
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Save credentials in Entra' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Copy a request for your admin' }));
    const [copied] = fake.callsTo('clipboard:copy');
    if (copied?.kind !== 'text') throw new Error('expected a text copy');
    expect(copied.text).toBe(
      buildAdminRequest(denied, 'configure-provisioning', SIGNED_IN.account),
    );
    expect(copied.text).toContain('Application Administrator');
    expect(copied.text).toContain('Cloud Application Administrator');
    expect(copied.text).toContain('Synchronization.ReadWrite.All');
    expect(copied.text).toContain('admin@contoso.test');
    expect(copied.text).toContain('crid-123');
  });
});

describe('buildAdminRequest()', () => {
  it('asks for one of the roles, the delegated permissions with consent, and gives the IDs', () => {
    expect(buildAdminRequest(denied, 'assign-users', null)).toBe(
      [
        'Hello,',
        '',
        'I am connecting Microsoft Entra ID provisioning to Stytch with the SCIM Setup Assistant. Microsoft refused a step because my account is missing a role.',
        '',
        'To assign users and groups to the app, and unassign them, the account I sign in with needs one of these Microsoft Entra roles:',
        '- Application Administrator',
        '- Cloud Application Administrator',
        '',
        'and the assistant’s app registration needs these delegated Microsoft Graph permissions, with admin consent:',
        '- AppRoleAssignment.ReadWrite.All',
        '- Application.Read.All',
        '',
        'Could you assign me one of the roles (Microsoft Entra admin center > Roles & admins; a Privileged Role Administrator can), or do this step for me?',
        '',
        'What Microsoft said: Microsoft Graph refused saving the credentials: insufficient privileges.',
        'Client request ID: crid-123',
      ].join('\n'),
    );
  });
});
