import type { MicrosoftStatus } from '../../shared/entra/entra-views';
import { GRAPH_ACTIONS, type GraphActionName } from '../../shared/entra/graph-permissions';
import type { AppError } from '../../shared/errors';

type Account = MicrosoftStatus['account'];

function bullets(items: readonly string[]): string[] {
  return items.map((item) => `- ${item}`);
}

/**
 * What an admin without the Entra role can forward to one who has it: the roles and delegated
 * permissions the step needs (the one table, shared/entra/graph-permissions.ts), who is asking,
 * and Microsoft's refusal with its request ID. Built from ids and names only: never a token.
 */
export function buildAdminRequest(
  error: AppError,
  action: GraphActionName,
  account: Account,
): string {
  const { roles, permissions, purpose } = GRAPH_ACTIONS[action];
  const who = account ? ` (${account.username}, tenant ${account.tenantId})` : '';
  const purposeLine = `To ${purpose}, the account I sign in with${who}`;
  const roleLines =
    roles.length > 0
      ? [`${purposeLine} needs one of these Microsoft Entra roles:`, ...bullets(roles), '']
      : [];
  const permissionIntro =
    roles.length > 0
      ? 'and the assistant’s app registration needs these delegated Microsoft Graph permissions, with admin consent:'
      : `${purposeLine} needs the assistant’s app registration to have these delegated Microsoft Graph permissions, with admin consent:`;
  const ask =
    roles.length > 0
      ? 'Could you assign me one of the roles (Microsoft Entra admin center > Roles & admins; a Privileged Role Administrator can), or do this step for me?'
      : 'Could you grant admin consent for them (Microsoft Entra admin center > App registrations > API permissions), or do this step for me?';
  return [
    'Hello,',
    '',
    'I am connecting Microsoft Entra ID provisioning to Stytch with the SCIM Setup Assistant. Microsoft refused a step because my account is missing a role.',
    '',
    ...roleLines,
    permissionIntro,
    ...bullets(permissions),
    '',
    ask,
    '',
    `What Microsoft said: ${error.message}`,
    ...(error.requestId ? [`Client request ID: ${error.requestId}`] : []),
  ].join('\n');
}
