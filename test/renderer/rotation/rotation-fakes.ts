import { okFor, type FakeHandlers } from '../fake-assistant';

/** When the fakes say Stytch was asked. */
export const CHECKED_AT = '2026-12-07T10:00:00.000Z';

/**
 * Main's answers for a rotation panel without Graph (not signed in to Microsoft): the hand-over
 * by hand, with Stytch accepting the pending token (`accepted`) or not.
 */
export function handOverFakes(accepted: boolean): FakeHandlers {
  return {
    'rotation:get': () =>
      okFor('rotation:get', {
        pendingCheck: null,
        across: { available: false, reason: 'not-signed-in' },
      }),
    'rotation:checkPending': () =>
      okFor('rotation:checkPending', { accepted, checkedAt: CHECKED_AT }),
  };
}
