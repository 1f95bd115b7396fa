import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ScimConnectionView } from '../../../shared/stytch/views';
import {
  installConnectedAt,
  installFakeAssistant,
  okFor,
  type FakeHandlers,
} from '../fake-assistant';
import { appError, connectionView, probeCheck, probeReport } from '../fixtures';
import { useConnectionStore } from '../../../renderer/state/connection-store';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { handOverFakes } from '../rotation/rotation-fakes';

cleanUpAfterEach();

function installAtConnectionStep(existing: ScimConnectionView | null, handlers: FakeHandlers = {}) {
  return installConnectedAt('create-scim-connection', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: existing }),
    ...handlers,
  });
}

const rotating = connectionView({
  rotating: true,
  nextToken: { storage: 'keychain', last4: 'N3wT' },
  nextBearerTokenExpiresAt: null,
});

/** Not signed in to Microsoft, and Stytch already accepts the pending token: Entra goes first. */
const handOverEntraFirst = handOverFakes(true);

describe('Create the SCIM connection step', () => {
  it('creates a connection for the chosen organization and shows a keychain warning prominently', async () => {
    const fake = installAtConnectionStep(null, {
      'scim:createConnection': () =>
        okFor('scim:createConnection', {
          connection: connectionView({ token: { storage: 'memory', last4: 'k9Zq' } }),
          keychainWarning: 'The keychain is locked, so the token is only in memory.',
        }),
    });
    const { user } = await renderApp();
    const name = await screen.findByRole('textbox', { name: 'Connection display name' });
    await user.clear(name);
    await user.type(name, 'Contoso Entra');
    await user.click(screen.getByRole('button', { name: 'Create SCIM connection' }));

    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain(
      'The keychain is locked, so the token is only in memory.',
    );
    expect(within(warning).getByRole('button', { name: 'Copy the token now' })).toBeTruthy();
    expect(fake.callsTo('scim:createConnection')).toEqual([
      { organizationId: 'organization-test-1', displayName: 'Contoso Entra' },
    ]);
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows a failed create with its hint, and Retry sends the same create again', async () => {
    let attempts = 0;
    const fake = installAtConnectionStep(null, {
      'scim:createConnection': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: appError({
                message: 'Stytch did not answer in time.',
                hint: 'Try again in a moment.',
              }),
            }
          : okFor('scim:createConnection', { connection: connectionView(), keychainWarning: null });
      },
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Create SCIM connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Stytch did not answer in time.');
    expect(alert.textContent).toContain('Try again in a moment.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    await screen.findByText(/Its token is saved in your system keychain/);
    expect(fake.callsTo('scim:createConnection')).toHaveLength(2);
    expect(fake.callsTo('scim:createConnection')[1]).toEqual(
      fake.callsTo('scim:createConnection')[0],
    );
  });

  it('reads the connection back when Stytch says one already exists', async () => {
    let reads = 0;
    installAtConnectionStep(null, {
      'scim:getConnection': () => {
        reads += 1;
        return okFor('scim:getConnection', { connection: reads === 1 ? null : connectionView() });
      },
      'scim:createConnection': () => ({
        ok: false,
        error: appError({
          code: 'STYTCH_SCIM_CONNECTION_EXISTS',
          message: 'It already has one.',
          hint: 'Reuse it.',
        }),
      }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Create SCIM connection' }));
    expect(await screen.findByRole('button', { name: 'Use the saved token' })).toBeTruthy();
    expect(screen.getByText(/Stytch already holds a connection/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the explanation and offers rotation when Stytch created the connection but its token was lost', async () => {
    let reads = 0;
    installAtConnectionStep(null, {
      'scim:getConnection': () => {
        reads += 1;
        return okFor('scim:getConnection', {
          connection:
            reads === 1 ? null : connectionView({ token: { storage: 'none', last4: null } }),
        });
      },
      'scim:createConnection': () => ({
        ok: false,
        error: appError({
          code: 'STYTCH_CREATED_TOKEN_UNKNOWN',
          message: 'Stytch created the SCIM connection, but its answer was lost.',
          hint: 'Rotate the token to get a new one.',
          retryable: false,
        }),
      }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Create SCIM connection' }));
    expect(await screen.findByRole('button', { name: 'Rotate the token' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('its answer was lost');
    expect(screen.queryByRole('button', { name: 'Use the saved token' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create SCIM connection' })).toBeNull();
  });

  it('offers only Cancel when a rotation started but its new token never arrived', async () => {
    const fake = installAtConnectionStep(
      connectionView({
        rotating: true,
        nextToken: { storage: 'none', last4: 'N3wT' },
        nextBearerTokenExpiresAt: null,
      }),
      { 'scim:rotateCancel': () => okFor('scim:rotateCancel', { connection: connectionView() }) },
    );
    const { user } = await renderApp();
    expect(await screen.findByText(/does not have its new token/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Finish rotation' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel rotation' }));
    expect(
      await screen.findByText('Rotation cancelled: the original token still works.'),
    ).toBeTruthy();
    expect(fake.callsTo('scim:rotateCancel')).toHaveLength(1);
  });

  it("shows another organization's connection as existing even after this run created one", async () => {
    installFakeAssistant({
      'scim:createConnection': () =>
        okFor('scim:createConnection', { connection: connectionView(), keychainWarning: null }),
      'scim:getConnection': (request) =>
        okFor('scim:getConnection', {
          connection: connectionView({
            organizationId: request.organizationId,
            connectionId: 'scim-connection-test-2',
          }),
        }),
    });
    const store = useConnectionStore.getState();
    await store.create('organization-test-1', 'Entra provisioning');
    expect(useConnectionStore.getState().createdThisRun).toBe(true);
    await store.load('organization-test-2');
    expect(useConnectionStore.getState()).toMatchObject({
      organizationId: 'organization-test-2',
      createdThisRun: false,
    });
  });

  it('offers the saved token when the organization already has a connection', async () => {
    installAtConnectionStep(connectionView());
    const { user } = await renderApp();
    expect(await screen.findByText(/already has a SCIM connection/)).toBeTruthy();
    expect(
      screen.getByText('Its token ends in k9Zq and is saved in the system keychain.', {
        exact: false,
      }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create SCIM connection' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Use the saved token' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Paste the credentials into Entra',
    );
  });

  it('offers only rotation when the token is not saved on this computer', async () => {
    installAtConnectionStep(connectionView({ token: { storage: 'none', last4: 'k9Zq' } }));
    await renderApp();
    expect(await screen.findByRole('button', { name: 'Rotate the token' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use the saved token' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
  });

  it('rotates: shows the new token, tests it, and completes once it is pasted', async () => {
    const fake = installAtConnectionStep(connectionView(), {
      ...handOverEntraFirst,
      'scim:rotateStart': () =>
        okFor('scim:rotateStart', { connection: rotating, keychainWarning: null }),
      'scim:rotateComplete': () =>
        okFor('scim:rotateComplete', {
          connection: connectionView({ token: { storage: 'keychain', last4: 'N3wT' } }),
        }),
      'clipboard:copy': () => okFor('clipboard:copy', { clearsInMs: 60_000 }),
      'probe:run': () => okFor('probe:run', probeReport([probeCheck()])),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Rotate the token' }));

    expect(await screen.findByRole('heading', { name: 'Rotating the token' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('New Secret Token').value).toBe(
      '••••••••••••N3wT',
    );
    await user.click(screen.getByRole('button', { name: 'Copy New Secret Token' }));
    expect(fake.callsTo('clipboard:copy')).toEqual([
      {
        kind: 'secret',
        handle: { kind: 'scim-next-token', connectionId: 'scim-connection-test-1' },
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Check the connection' }));
    await screen.findByText('All checks passed.');
    expect(fake.callsTo('probe:run')[0]?.token).toEqual({
      kind: 'scim-next-token',
      connectionId: 'scim-connection-test-1',
    });

    const finish = screen.getByRole('button', { name: 'Finish rotation' });
    expect(finish.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: "I've pasted both into Entra" }));
    expect(screen.queryByText(/has not passed the assistant’s connection check yet/)).toBeNull();
    await user.click(finish);

    expect(
      await screen.findByText('Rotation finished: only the new token works now.'),
    ).toBeTruthy();
    expect(fake.callsTo('scim:rotateComplete')).toEqual([
      { organizationId: 'organization-test-1', connectionId: 'scim-connection-test-1' },
    ]);
    expect(screen.getByText(/ends in N3wT/)).toBeTruthy();
  });

  it('warns before finishing a rotation whose new token has not passed the connection check', async () => {
    installAtConnectionStep(rotating, {
      ...handOverEntraFirst,
      'probe:run': () =>
        okFor('probe:run', probeReport([probeCheck({ status: 'fail', message: 'HTTP 401' })])),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('checkbox', { name: "I've pasted both into Entra" }));
    expect(screen.getByText(/has not passed the assistant’s connection check yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check the connection' }));
    await screen.findByText('1 of 1 checks failed.');
    expect(screen.getByText(/has not passed the assistant’s connection check yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Finish rotation' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('cancels a rotation that is already in progress', async () => {
    const fake = installAtConnectionStep(rotating, {
      ...handOverEntraFirst,
      'scim:rotateCancel': () => okFor('scim:rotateCancel', { connection: connectionView() }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Cancel rotation' }));
    expect(
      await screen.findByText('Rotation cancelled: the original token still works.'),
    ).toBeTruthy();
    expect(fake.callsTo('scim:rotateCancel')).toHaveLength(1);
  });

  it('deletes only after a confirmation that says what deletion removes', async () => {
    const fake = installAtConnectionStep(connectionView(), {
      'scim:deleteConnection': () =>
        okFor('scim:deleteConnection', { deleted: true, connectionId: 'scim-connection-test-1' }),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Delete this connection…' }));
    const confirm = screen.getByRole('group', { name: 'Delete the SCIM connection?' });
    // The question replaces the button that had focus, so focus moves to it.
    expect(document.activeElement).toBe(within(confirm).getByText('Delete the SCIM connection?'));
    expect(confirm.textContent).toContain('Entra provisioning for this organization stops working');
    expect(confirm.textContent).toContain('removed from this computer’s keychain');
    expect(confirm.textContent).toContain('Members already provisioned stay');
    expect(fake.callsTo('scim:deleteConnection')).toHaveLength(0);

    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete the connection' }));

    expect(await screen.findByRole('button', { name: 'Create SCIM connection' })).toBeTruthy();
    expect(screen.getByText('The SCIM connection was deleted.')).toBeTruthy();
    expect(fake.callsTo('scim:deleteConnection')).toHaveLength(1);
  });

  it('shows the connection details on request', async () => {
    installAtConnectionStep(connectionView());
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Show connection details' }));
    expect(screen.getByText('scim-connection-test-1')).toBeTruthy();
    // Stytch's identity provider in words, not its raw value.
    const provider = screen.getByText('Identity provider', { selector: 'dt' });
    expect(provider.nextElementSibling?.textContent).toBe('Microsoft Entra ID');
    await waitFor(() =>
      expect(
        screen
          .getByRole('button', { name: 'Hide connection details' })
          .getAttribute('aria-expanded'),
      ).toBe('true'),
    );
  });
});
