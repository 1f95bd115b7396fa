import { MICROSOFT_SAYS } from '../microsoft-requirements';
import { findingOf, listQueryStep } from './list-query-step';
import { userQuery } from './record';

/*
 * Why this query matters, said as far as it is documented: Microsoft documents that Entra
 * queries users by externalId (`MICROSOFT_SAYS.queried`), and Stytch's Entra guide requires
 * mapping objectId to externalId ("ensure you are mapping objectId to externalId",
 * https://stytch.com/docs/b2b/guides/scim/entra). [Inference] That Stytch then matches members
 * on externalId is not documented, so the message says it is our reading.
 */
const WHY = `Microsoft: “${MICROSOFT_SAYS.queried}” Stytch’s Entra guide requires mapping Entra’s objectId to externalId; that Stytch then matches members on externalId is our inference, not documented.`;

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
