import { ENTRA_VERDICTS } from '../entra-verdicts';
import { findingOf, listQueryStep } from './list-query-step';
import { userQuery } from './record';

/**
 * `test-connection`: what Entra's Test Connection sends (reference B.1) — a query for a user
 * whose userName is a random GUID — judged the way Entra judges it (B.2), worded as Entra would.
 */
export const testConnectionStep = listQueryStep({
  id: 'test-connection',
  title: 'Test Connection (as Entra sends it)',
  needs: ['url'],
  call: (guid) => userQuery('userName', guid),
  subject: 'a query for a user that does not exist',
  word: (judged) => ({ ...findingOf(judged), entraWouldSay: ENTRA_VERDICTS[judged.verdict] }),
});
