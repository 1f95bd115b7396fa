import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { okFor } from '../fake-assistant';
import { connectionView } from '../fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import {
  correctMapping,
  entraApp,
  entraView,
  jobView,
  passedTest,
  savedCredentials,
} from '../entra-setup/entra-fixtures';
import { installEntraAt } from '../entra-setup/install';

cleanUpAfterEach();

const CONNECTION_ID = connectionView().connectionId;
const withJob = entraView({ app: entraApp(), job: jobView() });
const testedAndSaved: EntraSetupView = {
  ...withJob,
  lastTest: passedTest(CONNECTION_ID),
  credentialsSaved: savedCredentials(CONNECTION_ID),
};

const reasonOfNext = () => {
  const next = screen.getByRole('button', { name: 'Next' });
  const id = next.getAttribute('aria-describedby');
  return id === null ? null : (document.getElementById(id)?.textContent ?? null);
};

const checkbox = (name: RegExp) => screen.getByRole<HTMLInputElement>('checkbox', { name });
/** The "checked by the assistant" / "you confirmed" beside a box (its description). */
const whoChecked = (name: RegExp) => {
  const id = checkbox(name).getAttribute('aria-describedby');
  return id === null ? null : (document.getElementById(id)?.textContent ?? null);
};

describe('Next says what it waits for in the mode the admin chose', () => {
  it('asks to paste both values when the Entra steps are done by hand', async () => {
    installEntraAt('configure-credentials', {}, 'by-hand');
    await renderApp();
    await screen.findByRole('checkbox', { name: "I've pasted both into Entra" });
    expect(reasonOfNext()).toBe('Paste both values into Entra and tick every item to continue.');
  });

  it('names the outcome still open, and nothing to paste, when the assistant does them', async () => {
    installEntraAt('configure-credentials', { 'entra:get': () => okFor('entra:get', withJob) });
    await renderApp();
    await screen.findByRole('heading', { name: 'Entra’s own Test Connection' });
    const reason = reasonOfNext();
    expect(reason).toBe(
      'Not yet checked: “Entra’s Test Connection passes and the configuration is created ' +
        '(older screen: saved)” (part 1: Give Entra the credentials). The assistant ticks it ' +
        'once it sees it in Entra; you can also tick it yourself.',
    );
    expect(reason).not.toMatch(/Paste/);
  });

  it('opens Next once the assistant has seen every outcome, without the paste box', async () => {
    installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', { ...testedAndSaved, mapping: correctMapping() }),
    });
    const { user } = await renderApp();
    await screen.findByText(/Done by the assistant: Entra’s Test Connection passed/);
    // The mapping's evidence is read in its own part.
    await user.click(screen.getByRole('button', { name: /^Check the user mapping/ }));
    await screen.findByText(/Done by the assistant: the user mapping sends objectId/);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(false),
    );
    expect(reasonOfNext()).toBeNull();
  });
});

describe('The checklist says who checked each outcome', () => {
  it('labels the assistant’s ticks and the admin’s own, beside each box', async () => {
    installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', testedAndSaved),
    });
    const { user } = await renderApp();
    const tested = /^Entra’s Test Connection passes/;
    const mapping = /^The user mapping sends objectId/;
    await waitFor(() => expect(checkbox(tested).checked).toBe(true));
    expect(whoChecked(tested)).toBe('checked by the assistant');
    expect(checkbox(mapping).checked).toBe(false);
    expect(whoChecked(mapping)).toBeNull();

    await user.click(checkbox(mapping));
    expect(whoChecked(mapping)).toBe('you confirmed');
    // Unticked and ticked again by the admin: the tick is theirs now.
    await user.click(checkbox(tested));
    await user.click(checkbox(tested));
    expect(whoChecked(tested)).toBe('you confirmed');
  });

  it('words every item as an outcome, not as something the admin did', async () => {
    installEntraAt('create-entra-app', {}, 'by-hand');
    await renderApp();
    const checklist = await screen.findByRole('group', { name: 'Checklist' });
    const labels = within(checklist)
      .getAllByRole('checkbox')
      .map((box) => box.closest('.check')?.querySelector('label')?.textContent ?? '');
    expect(labels).toEqual([
      'The enterprise app exists, made with + Create your own application',
      'It is a non-gallery app (“Integrate any other application you don’t find in the gallery”)',
    ]);
  });
});

describe('The by-hand guide sits behind a disclosure when the assistant does a step', () => {
  const instruction = /^Paste each value below into the Entra field of the same name/;

  it('folds step 6’s instructions below the assistant’s controls', async () => {
    installEntraAt('configure-credentials', { 'entra:get': () => okFor('entra:get', withJob) });
    await renderApp();
    const controls = await screen.findByRole('heading', { name: 'Entra’s own Test Connection' });
    const byHand = screen.getByText('How to do this by hand in the Entra admin center');
    const details = byHand.closest('details');
    expect(details?.open).toBe(false);
    expect(within(details as HTMLElement).getByText(instruction)).toBeTruthy();
    // The assistant's controls come first.
    expect(
      controls.compareDocumentPosition(byHand) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // The values to paste are folded too: the assistant saves them in Entra itself.
    const paste = screen.getByText('How to do this by hand: the values to paste into Entra');
    expect(paste.closest('details')?.open).toBe(false);
  });

  it('folds step 7’s instructions too', async () => {
    installEntraAt('provision-users', { 'entra:get': () => okFor('entra:get', withJob) });
    await renderApp();
    const byHand = await screen.findByText('How to do this by hand in the Entra admin center');
    expect(
      within(byHand.closest('details') as HTMLElement).getByText(/^Use Provision on demand/),
    ).toBeTruthy();
  });

  it('shows the instructions open, and the values to paste, when done by hand', async () => {
    installEntraAt('configure-credentials', {}, 'by-hand');
    await renderApp();
    const step = await screen.findByText(instruction);
    expect(step.closest('details')).toBeNull();
    expect(screen.queryByText('How to do this by hand in the Entra admin center')).toBeNull();
    expect(screen.getByRole('checkbox', { name: "I've pasted both into Entra" })).toBeTruthy();
    expect(screen.queryByText(/^Part \d of \d/)).toBeNull();
  });
});

describe('Step 6 in assistant mode, one part at a time', () => {
  it('shows its progress and moves on part by part, marking the parts done', async () => {
    installEntraAt('configure-credentials', {
      'entra:get': () => okFor('entra:get', testedAndSaved),
    });
    const { user } = await renderApp();
    expect(await screen.findByText('Part 1 of 3: Give Entra the credentials')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'The user mapping' })).toBeNull();
    const parts = screen.getByRole('navigation', { name: 'Parts of this step' });
    await waitFor(() =>
      expect(within(parts).getByRole('button', { current: 'step' }).textContent).toBe(
        '✓Give Entra the credentials (done)',
      ),
    );

    await user.click(
      screen.getByRole('button', { name: 'Continue to part 2: Check the user mapping' }),
    );
    const progress = screen.getByText('Part 2 of 3: Check the user mapping');
    expect(document.activeElement).toBe(progress);
    expect(screen.getByRole('heading', { name: 'The user mapping' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Entra’s own Test Connection' })).toBeNull();

    await user.click(
      screen.getByRole('button', {
        name: 'Continue to part 3: Check the connection in depth (optional)',
      }),
    );
    expect(screen.getByRole('heading', { name: 'The assistant’s connection check' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Continue to part/ })).toBeNull();
  });
});

describe('Step 7 in assistant mode, one part at a time', () => {
  const PARTS = [
    'Assign users and groups',
    'Provision one user now',
    'Turn provisioning on',
    'Watch members arrive',
    'See deprovisioning with a test user (optional)',
  ];
  const ARRIVED = /^A member of this connection appeared in Stytch/;
  const DEACTIVATED = /^Optional: a test user unassigned in Entra/;
  const partList = () => screen.getByRole('navigation', { name: 'Parts of this step' });
  /** A part's entry in the list as shown: its number, or ✓ and "(done)" once done. */
  const partButton = (title: string) =>
    within(partList()).getByRole('button', {
      name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`),
    });
  /** A part's entry in the list as shown: its number, or ✓ and "(done)" once done. */
  const entry = (title: string) => partButton(title).textContent;
  const openPart = (user: { click: (e: Element) => Promise<void> }, title: string) =>
    user.click(partButton(title));
  const member = (status: 'active' | 'deactivated') => ({
    memberId: 'member-test-alice',
    email: 'alice@contoso.com',
    name: 'Alice',
    status,
    externalId: 'object-alice',
    groups: [],
    groupIds: [],
    roles: [],
    firstSeenAt: '2026-12-01T12:04:00.000Z',
    lastChangedAt: '2026-12-01T12:04:00.000Z',
  });
  const watched = (status: 'active' | 'deactivated') => ({
    organizationId: connectionView().organizationId,
    connectionId: CONNECTION_ID,
    state: 'watching' as const,
    members: [member(status)],
    counts:
      status === 'active'
        ? { active: 1, deactivated: 0, total: 1 }
        : { active: 0, deactivated: 1, total: 1 },
    timeline: [],
    lastPolledAt: '2026-12-01T12:05:00.000Z',
    nextPollInMs: 3_000,
    failure: null,
  });

  it('shows one thing per part: assign, provision one user, turn on, watch, the optional proof', async () => {
    installEntraAt('provision-users', { 'entra:get': () => okFor('entra:get', withJob) });
    const { user } = await renderApp();
    expect(await screen.findByText('Part 1 of 5: Assign users and groups')).toBeTruthy();
    expect(
      within(partList())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(PARTS.map((title, i) => `${i + 1}${title}`));
    /** No other part's panel is on screen beside `heading`'s. */
    const only = (heading: string) => {
      const headings = ['Assign users and groups', 'Provision on demand', 'Start provisioning'];
      for (const other of headings.filter((h) => h !== heading))
        expect(screen.queryByRole('heading', { name: other, level: 3 })).toBeNull();
    };
    expect(screen.getByRole('heading', { name: 'Assign users and groups', level: 3 })).toBeTruthy();
    only('Assign users and groups');
    expect(screen.queryByRole('heading', { name: 'Members in Stytch' })).toBeNull();

    await user.click(screen.getByRole('button', { name: `Continue to part 2: ${PARTS[1]}` }));
    expect(document.activeElement).toBe(screen.getByText(`Part 2 of 5: ${PARTS[1]}`));
    expect(screen.getByRole('heading', { name: 'Provision on demand', level: 3 })).toBeTruthy();
    only('Provision on demand');

    await user.click(screen.getByRole('button', { name: `Continue to part 3: ${PARTS[2]}` }));
    expect(screen.getByRole('heading', { name: 'Start provisioning', level: 3 })).toBeTruthy();
    only('Start provisioning');

    await user.click(screen.getByRole('button', { name: `Continue to part 4: ${PARTS[3]}` }));
    expect(await screen.findByRole('heading', { name: 'Members in Stytch' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Provisioning job health' })).toBeTruthy();
    only('');

    await user.click(screen.getByRole('button', { name: `Continue to part 5: ${PARTS[4]}` }));
    expect(
      screen.getByRole('heading', { name: 'Optional: see deprovisioning with a test user' }),
    ).toBeTruthy();
    // The proof is read in the members table, beside it.
    expect(screen.getByRole('heading', { name: 'Members in Stytch' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Provisioning job health' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Continue to part/ })).toBeNull();
  });

  it('keeps watching Stytch whichever part is open, so the checklist and the parts stay true', async () => {
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob),
    });
    const { user } = await renderApp();
    await screen.findByText('Part 1 of 5: Assign users and groups');
    act(() => fake.emit('watch:update', watched('active')));
    await waitFor(() => expect(checkbox(ARRIVED).checked).toBe(true));
    expect(entry('Watch members arrive')).toBe('✓Watch members arrive (done)');

    await openPart(user, PARTS[4] ?? '');
    await openPart(user, PARTS[1] ?? '');
    // Moving between parts never stops the watch: the deactivation is seen on any part.
    expect(fake.callsTo('watch:stop')).toEqual([]);
    act(() => fake.emit('watch:update', watched('deactivated')));
    await waitFor(() => expect(checkbox(DEACTIVATED).checked).toBe(true));
    expect(entry(PARTS[4] ?? '')).toBe(`✓${PARTS[4] ?? ''} (done)`);
  });

  it('names, in Next’s reason, the first outcome still open and the part that reaches it', async () => {
    const fake = installEntraAt('provision-users', {
      'entra:get': () => okFor('entra:get', withJob),
    });
    const { user } = await renderApp();
    await screen.findByText('Part 1 of 5: Assign users and groups');
    expect(reasonOfNext()).toBe(
      'Not yet checked: “Users or groups are assigned to the app” (part 1: Assign users and ' +
        'groups). The assistant ticks it once it sees it in Entra; you can also tick it yourself.',
    );
    // The scope is read when the step opens, whichever part shows, and ticked by the assistant.
    await waitFor(() => expect(whoChecked(/^Scope is/)).toBe('checked by the assistant'));
    for (const label of [/^Users or groups are assigned/, /^Provision on demand/])
      await user.click(checkbox(label));
    expect(reasonOfNext()).toMatch(/^Not yet checked: “Provisioning is on .*\(part 3: Turn/);
    await user.click(checkbox(/^Provisioning is on/));
    expect(reasonOfNext()).toBe(
      'Waiting for “A member of this connection appeared in Stytch” (part 4: Watch members ' +
        'arrive): the app ticks it when it sees the member in Stytch.',
    );
    act(() => fake.emit('watch:update', watched('active')));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(false),
    );
  });
});
