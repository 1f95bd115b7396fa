import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Req, Res, Result } from '../../../shared/ipc';
import type { ProbeCheck } from '../../../shared/probe/report';
import { installConnectedAt, okFor, type FakeHandlers } from '../fake-assistant';
import { appError, connectionView, probeCheck, probeReport } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const failingAuth: ProbeCheck = probeCheck({
  id: 'auth-enforced',
  title: 'Requests without the token are refused',
  status: 'fail',
  message: 'The endpoint answered 200 to a request with no token.',
  entraWouldSay: 'You appear to have entered invalid credentials.',
  fix: 'Check that the Tenant URL points at Stytch and not at a proxy that strips authentication.',
  request: {
    method: 'GET',
    url: 'https://test.stytch.com/v1/b2b/scim/x/Users',
    headers: { Authorization: 'Bearer [redacted]' },
  },
  response: {
    status: 200,
    contentType: 'application/scim+json',
    bodyExcerpt: '{"Resources":[{"userName":"someone"}]}',
  },
});

/** A probe:run whose answer the test releases, so progress can be observed while it runs. */
function controlledProbe() {
  const runs: Req<'probe:run'>[] = [];
  let release: (result: Result<Res<'probe:run'>>) => void = () => undefined;
  const handler: NonNullable<FakeHandlers['probe:run']> = (request) => {
    runs.push(request);
    return new Promise((resolve) => {
      release = resolve;
    });
  };
  return { runs, handler, finish: (result: Result<Res<'probe:run'>>) => release(result) };
}

function installAtCredentialsStep(handlers: FakeHandlers) {
  return installConnectedAt('configure-credentials', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection: connectionView() }),
    'clipboard:copy': () => okFor('clipboard:copy', { clearsInMs: null }),
    ...handlers,
  });
}

describe('Probe panel', () => {
  it('renders each check live as progress events arrive for its run', async () => {
    const probe = controlledProbe();
    const fake = installAtCredentialsStep({ 'probe:run': probe.handler });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Check the connection' }));
    await waitFor(() => expect(probe.runs).toHaveLength(1));
    const run = probe.runs[0];
    if (!run) throw new Error('probe:run was not called');
    expect(run.token).toEqual({ kind: 'scim-token', connectionId: 'scim-connection-test-1' });
    expect(run.organizationId).toBe(connectionView().organizationId);
    expect(run).not.toHaveProperty('tenantUrl');
    expect(run.writeCycle).toBe(false);
    expect(
      screen
        .getByRole('button', { name: 'Check the connection' })
        .closest('section')
        ?.getAttribute('aria-busy'),
    ).toBe('true');

    fake.emit('probe:progress', {
      runId: run.runId,
      check: probeCheck({ id: 'url', title: 'Tenant URL' }),
      done: 1,
      total: 3,
    });
    expect(await screen.findByText('Checked 1 of 3')).toBeTruthy();
    fake.emit('probe:progress', {
      runId: 'another-run',
      check: probeCheck({ id: 'tls', title: 'Stale' }),
      done: 2,
      total: 3,
    });
    fake.emit('probe:progress', { runId: run.runId, check: probeCheck(), done: 2, total: 3 });

    const results = await screen.findByRole('list', { name: 'Connection check results' });
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getByText('Checked 2 of 3')).toBeTruthy();
    expect(screen.queryByText('Stale')).toBeNull();

    probe.finish(
      okFor(
        'probe:run',
        probeReport([probeCheck({ id: 'url', title: 'Tenant URL' }), probeCheck()]),
      ),
    );
    expect(await screen.findByText('All checks passed.')).toBeTruthy();
  });

  it('shows a failed check with what Entra shows, and folds the server fix for its developer', async () => {
    installAtCredentialsStep({
      'probe:run': () => okFor('probe:run', probeReport([probeCheck(), failingAuth])),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Check the connection' }));

    expect(await screen.findByText('1 of 2 checks failed.')).toBeTruthy();
    const item = screen.getByText('Requests without the token are refused').closest('li');
    expect(item?.textContent).toContain(
      'Entra shows (approximately): You appear to have entered invalid credentials.',
    );
    expect(item?.textContent).toContain('What to do: Send this report to Stytch support');
    const developer = item?.querySelector('details');
    expect(developer?.open).toBe(false);
    expect(developer?.textContent).toContain(
      'Server-side fix: Check that the Tenant URL points at Stytch',
    );
  });

  it('copies a plain-text report without headers or response bodies', async () => {
    const fake = installAtCredentialsStep({
      'probe:run': () => okFor('probe:run', probeReport([probeCheck(), failingAuth])),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Check the connection' }));
    await user.click(await screen.findByRole('button', { name: 'Copy report' }));

    const copied = fake.callsTo('clipboard:copy')[0];
    if (copied?.kind !== 'text') throw new Error('expected a text copy');
    expect(copied.text).toContain('[FAIL] auth-enforced · Requests without the token are refused');
    expect(copied.text).toContain(
      'Entra shows (approximately): You appear to have entered invalid credentials.',
    );
    expect(copied.text).toContain('Sent: GET https://test.stytch.com/v1/b2b/scim/x/Users');
    expect(copied.text).not.toContain('Bearer');
    expect(copied.text).not.toContain('someone');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('shows a run that could not start with its hint, and Retry runs the check again', async () => {
    let attempts = 0;
    const fake = installAtCredentialsStep({
      'probe:run': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: appError({
                code: 'PROBE_INVALID_INPUT',
                message: 'The URL is not valid.',
                hint: 'Read it back from Stytch.',
              }),
            }
          : okFor('probe:run', probeReport([probeCheck()]));
      },
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Check the connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The URL is not valid.');
    expect(alert.textContent).toContain('Read it back from Stytch.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('All checks passed.')).toBeTruthy();
    expect(fake.callsTo('probe:run')).toHaveLength(2);
  });

  it('sends the write test only when asked, and stops listening when the step closes', async () => {
    const fake = installAtCredentialsStep({
      'probe:run': () => okFor('probe:run', probeReport([probeCheck()])),
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('checkbox', { name: /Also run the write test/ }));
    await user.click(screen.getByRole('button', { name: 'Check the connection' }));
    await screen.findByText('All checks passed.');
    expect(fake.callsTo('probe:run')[0]?.writeCycle).toBe(true);
    expect(fake.listenerCount('probe:progress')).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Back' }));

    expect(fake.listenerCount('probe:progress')).toBe(0);
  });
});
