import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { okFor } from '../fake-assistant';
import { seriousViolations } from '../a11y/serious-violations';
import { groupRolesView } from '../group-roles/group-roles-fixtures';
import { cleanUpAfterEach, renderApp } from '../render-app';
import { internalWordsIn } from '../../support/internal-words';
import { visibleText } from '../visible-text';
import { connectionOf, fleetRow, installFleet } from './fleet-fixtures';

cleanUpAfterEach();

const ROWS = [fleetRow(1, { organizationName: 'Alpha Health' }), fleetRow(2)];
const REF = {
  organizationId: 'organization-test-00001',
  connectionId: 'scim-connection-test-00001',
};

/** The overview, then Alpha Health's page. */
async function openAlpha(handlers: Parameters<typeof installFleet>[1] = {}) {
  const fake = installFleet(ROWS, { 'scim:getConnection': connectionOf, ...handlers });
  const { user } = await renderApp();
  await user.click(await screen.findByRole('button', { name: 'Alpha Health' }));
  const section = await screen.findByRole('region', { name: 'Groups and their roles' });
  return { fake, user, section };
}

describe('A connection’s page: groups and their Stytch roles', () => {
  it('reads the groups of this organization’s connection and says none is mapped yet', async () => {
    const { fake, section } = await openAlpha();

    expect(
      await within(section).findByText(
        'No group mapped yet: pick a Stytch role for a group, then save.',
      ),
    ).toBeTruthy();
    expect(fake.callsTo('scim:getGroupRoles')).toEqual([REF]);
    expect(
      within(section).getByRole('combobox', { name: 'Stytch role for Engineering' }),
    ).toBeTruthy();
  });

  it('saves a changed role for this connection and confirms it', async () => {
    const { fake, user, section } = await openAlpha();
    const engineering = await within(section).findByRole('combobox', {
      name: 'Stytch role for Engineering',
    });

    await user.selectOptions(engineering, 'support-agent');
    await user.click(within(section).getByRole('button', { name: 'Save roles in Stytch' }));

    expect(await within(section).findByText('Saved in Stytch: 1 group changed.')).toBeTruthy();
    expect(
      within(section).getByText('1 of 2 groups give their members a Stytch role.'),
    ).toBeTruthy();
    expect(fake.callsTo('scim:setGroupRoles')).toEqual([
      { ...REF, changes: [{ groupId: 'scim-group-engineering', roleId: 'support-agent' }] },
    ]);
  });

  it('says what makes Entra send a group when it has sent none', async () => {
    const { section } = await openAlpha({
      'scim:getGroupRoles': () => okFor('scim:getGroupRoles', groupRolesView({ groups: [] })),
    });

    expect(
      await within(section).findByText('Entra hasn’t sent any groups to this connection yet.'),
    ).toBeTruthy();
  });

  it('has no serious accessibility finding and no internal word', async () => {
    const { section } = await openAlpha();
    await within(section).findByRole('combobox', { name: 'Stytch role for Engineering' });

    expect(await seriousViolations()).toEqual([]);
    expect(internalWordsIn(visibleText())).toEqual([]);
  });
});
