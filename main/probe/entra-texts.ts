import { dotnetStatusName } from './http-status-names';
import type { Exchange } from './scim-exchange';

/*
 * What Entra's Test Connection shows: the one place for its texts and for every guess about how
 * Entra fills them in, so a live capture can correct them in one edit.
 *
 * Microsoft's words, kept word for word:
 * - The failure headline and the "Error code: …" / "Details: …" lines: MicrosoftDocs/entra-docs
 *   docs/identity/multi-tenant-organizations/cross-tenant-synchronization-configure.md,
 *   "Troubleshoot common cross-tenant synchronization scenarios" (Test connection failures of
 *   the same provisioning service).
 * - The Details template for an answer, and …CredentialValidationUnavailable for a 500:
 *   MicrosoftDocs/entra-docs docs/identity/app-provisioning/on-premises-ecma-troubleshoot.md,
 *   "Troubleshoot test connection issues":
 *     Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable
 *     Details: We received this unexpected response from your application: Received response
 *     from Web resource. Resource: https://localhost/Users?filter=PLACEHOLDER+eq+"8646d011-…"
 *     Operation: GET Response Status Code: InternalServerError Response Headers: Response
 *     Content: An error occurred while sending the request. Please check the service and try
 *     again.
 * - Success: the cross-tenant article above, step "Test connection": "You should see a message
 *   that the supplied credentials are authorized to enable provisioning."
 *
 * [Inference] Each of these is a choice made here and nowhere else:
 * 1. The code: …CredentialValidationFailure for a 4xx refusal other than 404 (400, 401, 403,
 *    405, 429 …); …CredentialValidationUnavailable for anything else (no answer, 404, 5xx, a
 *    2xx or 3xx that is not the expected empty list). Failure is quoted with "Response Status
 *    Code: BadRequest" in a Microsoft support-wiki page ("Credential Validation -
 *    Troubleshooting", dev.azure.com/Supportability/AzureAD wiki, seen only in a public copy)
 *    and for invalid tokens on Microsoft Q&A (shared reference, B.3); Unavailable for a 500
 *    above and for unreachable endpoints (palantir.com/docs/foundry/authentication/
 *    scim-common-issues/). Unavailable for 404 is a guess.
 * 2. Every status is named as .NET's HttpStatusCode prints it, as "InternalServerError" is.
 * 3. "Response Headers:" stays empty, as in the only example.
 * 4. Response Content is the start of the body, whitespace folded, cut at 300 characters
 *    (whether Entra cuts it is not documented).
 * 5. The Resource is written as Entra requests it: the filter's quotes literal and spaces as
 *    "+", as in the example, whatever percent-encoding the probe's transport needed.
 * 6. No answer at all (refused, DNS, TLS, timeout, reset) gives the Details "An error occurred
 *    while sending the request.": .NET's HttpRequestException message (dotnet/runtime
 *    src/libraries/System.Net.Http/src/Resources/Strings.resx, net_http_client_execution_error),
 *    which Palantir quotes for Test Connection with …CredentialValidationUnavailable. Microsoft
 *    documents no text for a timeout or a TLS failure.
 * 7. The headline and the two lines are joined by spaces, so the text is one line of a report.
 * 8. The success message is written as a sentence, capitalised, without a full stop.
 */

const FAILURE_HEADLINE =
  'You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.';

/** What Test Connection shows when it passes. */
export const ENTRA_SUCCESS = 'The supplied credentials are authorized to enable provisioning';

const UNAVAILABLE = 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable';
const REFUSED = 'SystemForCrossDomainIdentityManagementCredentialValidationFailure';
const NO_ANSWER = 'An error occurred while sending the request.';
const CONTENT_CHARS = 300;

/** An answer Entra would have received: the request, the status and the body. */
export interface EntraSeenAnswer {
  method: string;
  url: string;
  status: number;
  content: string;
}

function codeFor(answer: EntraSeenAnswer | null): string {
  const status = answer?.status ?? 0;
  return status >= 400 && status < 500 && status !== 404 ? REFUSED : UNAVAILABLE;
}

function resourceAsEntraSendsIt(url: string): string {
  return url.replace(/%22/gi, '"');
}

function contentOf(body: string): string {
  const folded = body.replace(/\s+/g, ' ').trim();
  return folded.length > CONTENT_CHARS ? `${folded.slice(0, CONTENT_CHARS)}…` : folded;
}

function detailsOf(answer: EntraSeenAnswer | null): string {
  if (answer === null) return NO_ANSWER;
  return `We received this unexpected response from your application: Received response from Web resource. Resource: ${resourceAsEntraSendsIt(answer.url)} Operation: ${answer.method} Response Status Code: ${dotnetStatusName(answer.status)} Response Headers: Response Content: ${contentOf(answer.content)}`.trimEnd();
}

/** What a failed Test Connection shows for this answer, or for none (`null`). */
export function entraFailureText(answer: EntraSeenAnswer | null): string {
  return `${FAILURE_HEADLINE} Error code: ${codeFor(answer)} Details: ${detailsOf(answer)}`;
}

/** What a failed Test Connection shows for one of its requests, as the probe saw it answered. */
export function entraFailureTextOf(exchange: Exchange): string {
  const { request, reply } = exchange;
  return entraFailureText(
    reply === null
      ? null
      : {
          method: request.method,
          url: request.url,
          status: reply.status,
          content: reply.bodyExcerpt,
        },
  );
}
