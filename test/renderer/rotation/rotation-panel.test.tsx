import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { RotationOutcome, RotationStep } from '../../../shared/rotation/rotation';
import type { Req } from '../../../shared/ipc';
import {
  installConnectedAt,
  okFor,
  type FakeAssistant,
  type FakeHandlers,
} from '../fake-assistant';
import { connectionView } from '../fixtures';
import { seriousViolations } from '../a11y/serious-violations';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { CHECKED_AT as AT, handOverFakes } from './rotation-fakes';

cleanUpAfterEach();

const rotating = connectionView({
  rotating: true,
  nextToken: { storage: 'keychain', last4: 'N3wT' },
  nextBearerTokenExpiresAt: null,
});
const rotated = connectionView({ token: { storage: 'keychain', last4: 'N3wT' } });

const signedInWithApp: FakeHandlers = {
  'rotation:get': () =>
    okFor('rotation:get', {
      pendingCheck: { accepted: false, checkedAt: AT },
      across: { available: true, reason: null },
    }),
};

function install(handlers: FakeHandlers, connection = rotating): FakeAssistant {
  return installConnectedAt('create-scim-connection', {
    'scim:getConnection': () => okFor('scim:getConnection', { connection }),
    ...handlers,
  });
}

/** A rotation:run that tells each step as main does, then answers `outcome`. */
function runAnswering(
  fake: () => FakeAssistant,
  steps: readonly RotationStep[],
  outcome: (runId: string) => RotationOutcome,
  failedAt?: RotationStep,
) {
  return (request: Req<'rotation:run'>) => {
    const { runId, connectionId } = request;
    for (const step of steps) {
      const news = { runId, connectionId, step, at: AT };
      fake().emit('rotation:progress', { ...news, state: 'running', detail: null });
      fake().emit('rotation:progress', {
        ...news,
        state: step === failedAt ? 'failed' : 'done',
        detail: step === 'entra-save' ? 'Entra held a token Stytch refused for 2.4 s.' : null,
      });
    }
    return okFor('rotation:run', outcome(runId));
  };
}

/** Each kind of outcome without what the run fills in (its id and steps). */
type Answer = RotationOutcome extends infer O
  ? O extends RotationOutcome
    ? Omit<O, 'runId' | 'steps'>
    : never
  : never;

/** Signed in with the app linked; rotation:run tells `steps` and answers `answer`. */
function installRun(steps: readonly RotationStep[], answer: Answer, failedAt?: RotationStep) {
  const fake: FakeAssistant = install({
    ...signedInWithApp,
    'rotation:run': runAnswering(
      () => fake,
      steps,
      (runId) => ({ ...answer, runId, steps: [...steps] }),
      failedAt,
    ),
  });
  return fake;
}

describe('the rotation panel, signed in with the organization’s Entra app linked', () => {
  it('offers “Rotate in Stytch and Entra”, shows each step, and the measured gap', async () => {
    const steps = ['start', 'check-pending', 'complete', 'entra-save', 'entra-test'] as const;
    const fake = installRun(steps, {
      outcome: 'rotated',
      order: 'stytch-first',
      gap: { seconds: 2.437, open: false },
      connection: rotated,
    });
    const { user } = await renderApp();

    await user.click(await screen.findByRole('button', { name: 'Rotate in Stytch and Entra' }));

    expect(
      await screen.findByRole('heading', { name: 'Token rotated in Stytch and Entra' }),
    ).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Rotation steps' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Start the rotation in Stytch: done',
      'Ask Stytch whether it accepts the new token yet: done',
      'Finish the rotation in Stytch: done',
      'Save the new token in Entra: done — Entra held a token Stytch refused for 2.4 s.',
      'Run Entra’s Test Connection: done',
    ]);
    expect(screen.getByText(/^Gap:/).textContent).toContain(
      'Gap: 2.4 seconds in which Entra held a token Stytch refused',
    );
    expect(screen.getByText(/Entra held a token Stytch refused for 2\.4 seconds\./)).toBeTruthy();
    const [request] = fake.callsTo('rotation:run');
    expect(request).toMatchObject({
      organizationId: 'organization-test-1',
      connectionId: 'scim-connection-test-1',
    });
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('button', { name: 'Rotate the token' })).toBeTruthy();
  });

  it('says there was no gap when Stytch accepted the new token and Entra went first', async () => {
    const steps = ['start', 'check-pending', 'entra-save', 'entra-test', 'complete'] as const;
    installRun(steps, {
      outcome: 'rotated',
      order: 'entra-first',
      gap: { seconds: 0, open: false },
      connection: rotated,
    });
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Rotate in Stytch and Entra' }));

    expect((await screen.findByText(/^Gap:/)).textContent).toContain(
      'Gap: 0.0 seconds. Stytch already accepted the new token',
    );
  });

  it('a failed step is named, with what still works and the next action', async () => {
    const steps = ['start', 'check-pending', 'entra-save', 'entra-test', 'restore-entra'] as const;
    installRun(
      steps,
      {
        outcome: 'failed',
        failedStep: 'entra-test',
        error: {
          code: 'ROTATION_ENTRA_TEST_FAILED',
          message: 'Entra’s Test Connection failed with the new token.',
          hint: 'Entra may hold the new token and the old one could not be put back, so the rotation is left pending at Stytch.',
        },
        left: {
          rotationPending: true,
          completed: false,
          entraHasOldToken: false,
          summary: 'left pending',
        },
        gap: null,
        connection: rotating,
      },
      'restore-entra',
    );
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Rotate in Stytch and Entra' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The rotation stopped at “Run Entra’s Test Connection”.');
    expect(alert.textContent).toContain('the rotation is left pending at Stytch');
    expect(
      screen.getByText('Put the current token back in Entra', { exact: false }).closest('li')
        ?.dataset['state'],
    ).toBe('failed');
    // Still pending: the run can be tried again, or the rotation cancelled.
    expect(screen.getByRole('button', { name: 'Rotate in Stytch and Entra' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel rotation' })).toBeTruthy();
  });

  it('after a failure that cancelled the rotation, says so and offers to try again', async () => {
    installRun(
      ['start', 'check-pending', 'cancel'],
      {
        outcome: 'failed',
        failedStep: 'check-pending',
        error: {
          code: 'ROTATION_CHECK_FAILED',
          message: 'The app could not find out whether Stytch accepts the new token.',
          hint: 'Nothing changed for Entra: the rotation was cancelled.',
        },
        left: {
          rotationPending: false,
          completed: false,
          entraHasOldToken: true,
          summary: 'cancelled',
        },
        gap: null,
        connection: connectionView(),
      },
      'check-pending',
    );
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Rotate in Stytch and Entra' }));

    expect(
      await screen.findByRole('heading', { name: 'The token rotation did not finish' }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('the rotation was cancelled');
    expect(screen.getByRole('button', { name: 'Rotate in Stytch and Entra again' })).toBeTruthy();
  });
});

describe('the rotation panel without Graph: the hand-over by hand, in the order Stytch allows', () => {
  const notSignedIn = handOverFakes;

  it('pending token refused: finish here first, then paste into Entra at once', async () => {
    install(notSignedIn(false));
    const { user } = await renderApp();

    const handOver = await screen.findByRole('region', {
      name: 'Hand the new token to Entra yourself',
    });
    await within(handOver).findByText(/accepts the new token only once you finish/);
    const order = within(handOver)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(order[1]).toBe('Finish the rotation here.');
    expect(order[2]).toMatch(/^Straight away paste the new token into Entra’s Secret Token field/);
    expect(screen.queryByRole('button', { name: 'Rotate in Stytch and Entra' })).toBeNull();
    // A check with the new token would fail before finishing, so none is offered.
    expect(screen.queryByRole('button', { name: 'Check the connection' })).toBeNull();
    expect(handOver.textContent).toContain('sign in to Microsoft');
    const finish = screen.getByRole('button', { name: 'Finish rotation' });
    expect(finish.hasAttribute('disabled')).toBe(true);
    await user.click(
      screen.getByRole('checkbox', {
        name: 'I have copied the new token, and Entra’s Admin Credentials are open',
      }),
    );
    expect(finish.hasAttribute('disabled')).toBe(false);
    expect(document.body.textContent).not.toMatch(/both tokens work/i);
  });

  it('pending token accepted: Entra first, tested, then finish', async () => {
    install(notSignedIn(true));
    await renderApp();

    const handOver = await screen.findByRole('region', {
      name: 'Hand the new token to Entra yourself',
    });
    await within(handOver).findByText(/Stytch already accepts the new token/);
    const order = within(handOver)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(order[0]).toMatch(/^Paste the new token into Entra’s Secret Token field/);
    expect(order[2]).toMatch(/^Finish the rotation here/);
    expect(screen.getByRole('button', { name: 'Check the connection' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: "I've pasted both into Entra" })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
