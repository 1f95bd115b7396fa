import { describe, expect, it } from 'vitest';

import { SettingsPatchSchema, WIZARD_STEP_IDS } from '../../../shared/settings/settings';
import { checklistKey, STEP_CONTENT } from '../../../shared/wizard/content';

const HUGE = 'x'.repeat(10 * 1024 * 1024);

/** Every checklist the wizard shows, all ticked, plus the "token pasted" tick the credentials step keeps. */
const FULL_CHECKLIST: Record<string, boolean> = Object.fromEntries([
  ...WIZARD_STEP_IDS.flatMap((step) =>
    STEP_CONTENT[step].checklist.map((item) => [checklistKey(step, item.id), true] as const),
  ),
  [checklistKey('configure-credentials', 'pasted'), false],
]);

function wizard(overrides: Record<string, unknown>): Record<string, unknown> {
  return { currentStep: 'webhooks', completedSteps: [], checklist: {}, ...overrides };
}

function manyKeys(count: number): Record<string, boolean> {
  return Object.fromEntries(Array.from({ length: count }, (_, n) => [`webhooks.item-${n}`, true]));
}

describe('SettingsPatchSchema (what settings:update accepts)', () => {
  it('accepts the whole wizard done: every step completed once, every checklist item ticked', () => {
    const patch = {
      organizationId: 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931',
      wizard: wizard({ completedSteps: [...WIZARD_STEP_IDS], checklist: FULL_CHECKLIST }),
      clipboardClearMs: 60_000,
    };
    expect(SettingsPatchSchema.parse(patch)).toEqual(patch);
  });

  it.each([
    ['a 10 MB organization id', { organizationId: HUGE }],
    ['an organization id outside Stytch’s alphabet', { organizationId: '..' }],
    ['1e6 completed steps', { wizard: wizard({ completedSteps: Array(1e6).fill('webhooks') }) }],
    [
      'a step completed twice',
      { wizard: wizard({ completedSteps: ['connect-stytch', 'connect-stytch'] }) },
    ],
    ['200k checklist keys', { wizard: wizard({ checklist: manyKeys(200_000) }) }],
    ['101 checklist keys', { wizard: wizard({ checklist: manyKeys(101) }) }],
    ['a 10 MB checklist key', { wizard: wizard({ checklist: { [HUGE]: true } }) }],
    [
      'a checklist key not shaped step.item',
      { wizard: wizard({ checklist: { constructor: true } }) },
    ],
    ['an unknown wizard field', { wizard: wizard({ notes: HUGE }) }],
  ])('refuses %s', (_what, patch) => {
    expect(SettingsPatchSchema.safeParse(patch).success).toBe(false);
  });

  it('refuses an oversized checklist with one issue, not one per key', () => {
    const parsed = SettingsPatchSchema.safeParse({
      wizard: wizard({ checklist: manyKeys(200_000) }),
    });
    expect(parsed.error?.issues).toHaveLength(1);
    expect(parsed.error?.issues[0]?.message).toMatch(/at most 100/);
  });
});
