import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  CREDENTIAL_PARTS,
  PROVISION_PARTS,
} from '../../../renderer/features/wizard/assisted-parts';
import { STEP_CONTENT, allNotes } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { entraApp, entraView, jobView } from '../entra-setup/entra-fixtures';
import { installEntraAt } from '../entra-setup/install';
import { okFor } from '../fake-assistant';
import { cleanUpAfterEach, renderApp } from '../render-app';

cleanUpAfterEach();

const NESTED = /^Only direct members of an assigned group are provisioned/;
const ON_DEMAND_FLAG = /^Provision on demand ignores the aadOptscim062020 flag/;
const QUARANTINE = /^If most requests fail, Entra quarantines the job/;
const withJob = entraView({ app: entraApp(), job: jobView() });

/** The notes on screen (each a paragraph of class "note"), by their text. */
const notesShown = () => [...document.querySelectorAll('.step .note')].map((n) => n.textContent);

describe('A step’s notes in parts', () => {
  it('says each note of step 7 once, under the part it is about, not under every part', async () => {
    installEntraAt('provision-users', { 'entra:get': () => okFor('entra:get', withJob) });
    const { user } = await renderApp();
    await screen.findByText('Part 1 of 5: Assign users and groups');
    const parts = screen.getByRole('navigation', { name: 'Parts of this step' });
    const open = (title: RegExp) => user.click(within(parts).getByRole('button', { name: title }));

    expect(notesShown().filter((text) => NESTED.test(text))).toHaveLength(1);
    expect(screen.queryByText(ON_DEMAND_FLAG)).toBeNull();
    expect(screen.queryByText(QUARANTINE)).toBeNull();

    await open(/^Provision one user now/);
    expect(screen.getByText(ON_DEMAND_FLAG)).toBeTruthy();
    expect(screen.queryByText(NESTED)).toBeNull();

    await open(/^Turn provisioning on/);
    expect(notesShown()).toEqual([]);

    await open(/^Watch members arrive/);
    expect(screen.getByText(QUARANTINE)).toBeTruthy();
    expect(screen.queryByText(NESTED)).toBeNull();
  });

  it('says every note once on the one page of step 7 done by hand', async () => {
    installEntraAt('provision-users', {}, 'by-hand');
    await renderApp();
    await screen.findByRole('heading', { name: 'Provision users', level: 2 });
    expect(notesShown()).toEqual(allNotes(STEP_CONTENT['provision-users']));
  });

  it('names only parts the step has for its part notes, and keeps no note for every part', () => {
    const plans: readonly [WizardStepId, readonly { id: string }[]][] = [
      ['configure-credentials', CREDENTIAL_PARTS],
      ['provision-users', PROVISION_PARTS],
    ];
    for (const [step, plan] of plans) {
      const ids = plan.map((part) => part.id);
      expect(ids).toEqual(expect.arrayContaining(Object.keys(STEP_CONTENT[step].partNotes ?? {})));
      // A note on the whole of a step in parts would show below whichever part is open.
      expect(STEP_CONTENT[step].notes).toEqual([]);
    }
  });
});
