/**
 * What Entra shows for a failed Test Connection, as patterns built from Microsoft's words. The
 * words are copied here from the docs, not imported from main/probe/entra-texts.ts, so a change
 * there that drifts from Microsoft fails the tests:
 * - headline: MicrosoftDocs/entra-docs docs/identity/multi-tenant-organizations/
 *   cross-tenant-synchronization-configure.md, "Troubleshoot common cross-tenant synchronization
 *   scenarios";
 * - code and Details template: MicrosoftDocs/entra-docs docs/identity/app-provisioning/
 *   on-premises-ecma-troubleshoot.md, "Troubleshoot test connection issues".
 */
const HEADLINE =
  'You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.';

const CODE = 'SystemForCrossDomainIdentityManagementCredentialValidation';

/** `text` as a pattern that matches it literally. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The loopback origin of any catalogue server, as a pattern. */
export const ANY_LOOPBACK = 'http://127\\.0\\.0\\.1:\\d+';

/** Entra's query for a random user, as Entra writes its URL: quotes literal, spaces as "+". */
export function userQueryUrl(path = '/scim', origin = ANY_LOOPBACK): string {
  return `${origin}${literally(`${path}/Users?filter=userName+eq+"`)}[0-9a-f-]{36}"`;
}

/** Entra's query for a random group, written the same way. */
export function groupQueryUrl(path = '/scim', origin = ANY_LOOPBACK): string {
  return `${origin}${literally(`${path}/Groups?excludedAttributes=members&filter=displayName+eq+"`)}[0-9a-f-]{36}"`;
}

/**
 * The whole text for an answer: `resource` and `content` are patterns (`content` left out: any,
 * none included), `code` and `status` the words Entra prints.
 */
export function entraShowsAnswer(answer: {
  code: 'Unavailable' | 'Failure';
  resource: string;
  status: string;
  content?: string;
}): RegExp {
  const content = answer.content === undefined ? '(?: .*)?' : ` ${answer.content}`;
  return new RegExp(
    `^${literally(`${HEADLINE} Error code: ${CODE}${answer.code} Details: We received this unexpected response from your application: Received response from Web resource. Resource: `)}${answer.resource}${literally(` Operation: GET Response Status Code: ${answer.status} Response Headers: Response Content:`)}${content}$`,
  );
}

/** The whole text when no answer came (refused, reset, timeout, TLS). */
export const ENTRA_SHOWS_NO_ANSWER = new RegExp(
  `^${literally(`${HEADLINE} Error code: ${CODE}Unavailable Details: An error occurred while sending the request.`)}$`,
);

/** What a passing Test Connection shows. */
export const ENTRA_SHOWS_SUCCESS =
  /^The supplied credentials are authorized to enable provisioning$/;
