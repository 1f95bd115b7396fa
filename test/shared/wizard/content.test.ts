import { describe, expect, it } from 'vitest';

import { STEP_CONTENT, allNotes } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';

/** A control of Entra's current provisioning screen and its counterpart on the older one. */
const SCREEN_PAIRS: readonly (readonly [current: string, older: string])[] = [
  ['+ New configuration', 'Get started'],
  ['Create', 'Save'],
  ['Attribute mapping', 'Mappings'],
  ['Start provisioning', 'Provisioning Status'],
];

const ENTRA_STEPS: readonly WizardStepId[] = [
  'enable-provisioning',
  'configure-credentials',
  'provision-users',
];

function texts(step: WizardStepId): string[] {
  const content = STEP_CONTENT[step];
  return [...content.instructions, ...content.checklist.map((item) => item.label)];
}

describe('the Entra provisioning steps', () => {
  it.each(ENTRA_STEPS.flatMap((step) => texts(step).map((text) => [step, text] as const)))(
    '%s: "%s" names both screens wherever it names a screen’s control',
    (_step, text) => {
      const names = (label: string) => new RegExp(`(^|[\\s(])${label.replace(/[+]/g, '\\+')}\\b`);
      // The pairs whose current control the text names are exactly those whose older one it names.
      const namingCurrent = SCREEN_PAIRS.filter(([current]) => names(current).test(text));
      const namingOlder = SCREEN_PAIRS.filter(([, older]) => names(older).test(text));
      expect(namingCurrent).toEqual(namingOlder);
    },
  );

  it('says where the scope is chosen, and what assigning groups needs', () => {
    const provision = texts('provision-users').join('\n');
    expect(provision).toContain('Scope to Sync only assigned users and groups');
    expect(provision).toContain('Microsoft Entra ID P1 or P2');
    const notes = allNotes(STEP_CONTENT['provision-users']).join('\n');
    expect(notes).toMatch(/nested/);
    expect(notes).toMatch(/unique display name/);
  });

  it('presents externalId matching as inference, and the mapping as what Stytch requires', () => {
    const step = STEP_CONTENT['configure-credentials'];
    expect(step.instructions.join('\n')).not.toMatch(/Stytch matches/);
    expect(allNotes(step).join('\n')).toMatch(/requires the objectId to externalId mapping/);
    expect(allNotes(step).join('\n')).toMatch(/our inference/);
  });
});

describe('the webhooks step', () => {
  it('lists every SCIM member and group event, each once', () => {
    const events = STEP_CONTENT.webhooks.facts.map((fact) => fact.term);
    expect(new Set(events).size).toBe(events.length);
    expect(events).toEqual(
      expect.arrayContaining([
        'scim.member.create',
        'scim.member.update',
        'scim.member.delete',
        'scim.idp_group.create',
        'scim.idp_group.update',
        'scim.idp_group.delete',
        'scim.idp_group.member_add',
        'scim.idp_group.member_delete',
      ]),
    );
    expect(events.filter((event) => /scim_group|scim_member_group/.test(event))).toEqual([]);
  });
});
