import type { Exchange } from '../scim-exchange';
import { ListResponseSchema, ScimResourceSchema } from '../scim-messages';
import { answerOf, userQuery } from './record';
import type { ProbeUser } from './write-cycle-bodies';
import type { Cycle, Verdict } from './write-cycle-recorder';

/**
 * Finding the new user the way Entra will. Before it creates a user, Entra looks it up by its
 * matching attribute (use-scim-to-provision-users-and-groups.md, "Get User by query"; userName
 * by default, externalId once the mapping says so, as Stytch asks: objectId → externalId). A
 * user it cannot find is a user it creates again on its next cycle.
 */

const DUPLICATE =
  'Entra will not find the users it creates: on its next cycle it will try to create each one again (a duplicate, or a 409 it cannot resolve).';

const FILTER_FIX =
  'Make GET /Users?filter=<attribute> eq "<value>" return the matching user in a ListResponse (RFC 7644 §3.4.2.2).';

/**
 * RFC 7643's User schema gives userName `"caseExact": false` (§8.7.1, the attribute defined in
 * §4.1.1), so a filter on it matches in any case; Entra's source may hold it in another case.
 */
const CASE_FIX =
  'Compare userName case-insensitively in filters: RFC 7643 defines it with "caseExact": false (§4.1.1, §8.7.1).';

/** Whether a list answer holds the resource with `id`. */
function holds(sent: Exchange, id: string): boolean {
  const list = ListResponseSchema.safeParse(sent.reply?.json);
  if (sent.reply?.status !== 200 || !list.success) return false;
  return (list.data.Resources ?? []).some((item) => {
    const resource = ScimResourceSchema.safeParse(item);
    return resource.success && resource.data.id === id;
  });
}

/** `value` in another case, so a filter that matches it can only be case-insensitive. */
const otherCase = (value: string): string =>
  value === value.toUpperCase() ? value.toLowerCase() : value.toUpperCase();

const notFound = (sent: Exchange, what: string): Verdict =>
  sent.reply?.status === 200
    ? ['fail', `Querying by ${what} did not return the user just created. ${DUPLICATE}`, FILTER_FIX]
    : ['fail', `Querying by ${what} ${answerOf(sent)}. ${DUPLICATE}`, FILTER_FIX];

/** By userName as sent, then in another case: the second proves the match is case-insensitive. */
async function findByUserName(cycle: Cycle, user: ProbeUser, id: string): Promise<void> {
  const exact = await cycle.send(
    'find-by-userName',
    userQuery('userName', user.userName),
    (sent) => (holds(sent, id) ? ['pass', 'Found by userName.'] : notFound(sent, 'userName')),
  );
  if (!holds(exact, id)) return;
  const other = otherCase(user.userName);
  await cycle.send('find-by-userName-any-case', userQuery('userName', other), (sent) =>
    holds(sent, id)
      ? ['pass', 'Found by userName queried in another case, as Entra may send it.']
      : [
          'warn',
          `The userName filter is case-sensitive: "${other}" did not find "${user.userName}". When the case in Entra differs from the case stored (a renamed user, a directory that changed case), Entra will not find the user and will try to create it again.`,
          CASE_FIX,
        ],
  );
}

/** After create: the user must be found by userName (in any case) and by externalId. */
export async function findAsEntra(cycle: Cycle, user: ProbeUser, id: string): Promise<void> {
  await findByUserName(cycle, user, id);
  await cycle.send('find-by-externalId', userQuery('externalId', user.externalId), (sent) =>
    holds(sent, id) ? ['pass', 'Found by externalId.'] : notFound(sent, 'externalId'),
  );
}

/** The most requests `findAsEntra` sends. */
export const FIND_MAX_REQUESTS = 3;
