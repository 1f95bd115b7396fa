import { findingOf, listQueryStep } from './list-query-step';
import { userQuery } from './record';

const WHY =
  'Stytch matches Entra users by externalId (Entra’s objectId must be mapped to externalId), so this query has to work.';

/** `external-id-filter`: a query on externalId for a random GUID must return an empty list. */
export const externalIdFilterStep = listQueryStep({
  id: 'external-id-filter',
  title: 'Filter on externalId',
  needs: ['test-connection'],
  call: (guid) => userQuery('externalId', guid),
  subject: 'a query on externalId',
  word: (judged) => ({
    ...findingOf(judged),
    message: judged.status === 'pass' ? judged.message : `${judged.message} ${WHY}`,
  }),
});
