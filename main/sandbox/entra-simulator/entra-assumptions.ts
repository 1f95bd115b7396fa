/**
 * Every point where the simulator has to guess what Entra's provisioning engine does, in one
 * place. Each is marked [Uncertain] with the nearest public source; flip or reword it here alone.
 * Sources are in MicrosoftDocs/entra-docs under docs/identity/ unless named otherwise.
 */

/**
 * [Uncertain] Whether Entra forwards `?aadOptscim062020` to the server or keeps it as a client
 * flag is not documented (app-provisioning/application-provisioning-config-problem-scim-
 * compatibility.md, "Flags to alter the SCIM behavior", shows it only in a screenshot). Like the
 * probe, the simulator strips it from every request and keeps any other query parameter.
 */
export const STRIP_FLAG_FROM_REQUESTS: boolean = true;

/**
 * [Uncertain] The random-group request of Test Connection. use-scim-to-provision-users-and-
 * groups.md ("General") says Entra fetches "a random user and group" during Test Connection but
 * shows no request; this is its "Get Group by displayName" request with a GUID for the name.
 */
export const RANDOM_GROUP_LOOKUP_EXCLUDES_MEMBERS: boolean = true;

/**
 * [Uncertain] Which random lookups open a cycle and an on-demand run. on-premises-ecma-
 * troubleshoot.md ("Understand incoming SCIM requests") documents the dummy *user* GET "at the
 * beginning of each provisioning cycle, before performing on-demand provisioning and when test
 * connection is selected"; the group lookup is documented for Test Connection only.
 */
export const RANDOM_GROUP_LOOKUP_AT_CYCLE_START: boolean = false;

/**
 * [Uncertain] How a failed dummy-user GET at the start of a cycle ends the cycle. The quarantine
 * article (application-provisioning-quarantine-status.md, "Why is my application in quarantine?")
 * lists invalid credentials and an HTTP/404 to a query as quarantine causes "regardless of
 * failure counts"; we treat every failure of that check (it exists to confirm the endpoint is
 * "available and returning SCIM-compliant responses") the same way.
 */
export const QUARANTINE_WHEN_CYCLE_PROBE_FAILS: boolean = true;

/**
 * [Uncertain] The `op` casing of requests the compatibility article shows no sample for (group
 * member adds, group renames). Its four flagged samples all lower-case `op`, so the flagged
 * dialect lower-cases every op; the legacy dialect keeps Add/Replace/Remove, as
 * use-scim-to-provision-users-and-groups.md ("General") says Entra emits them.
 */
export const FLAGGED_DIALECT_LOWERCASES_EVERY_OP: boolean = true;

/**
 * [Uncertain] When the flagged dialect uses one path-less `replace`. The article's sample is
 * titled "Requests to replace multiple attributes"; a single attribute stays a path op.
 */
export const PATHLESS_REPLACE_FROM_COUNT: number = 2;

/**
 * [Uncertain] Legacy member removal: the compatibility article's "Without feature flag" sample is
 * `{"value":"u1091"}`; the tutorial's "Update Group [Remove Members]" adds `"$ref": null`. We
 * follow the compatibility article, whose subject is exactly this difference.
 */
export const LEGACY_REMOVE_MEMBER_CARRIES_REF: boolean = false;

/**
 * [Uncertain] The legacy value for re-enabling a user. Only the disable sample is documented
 * (`"value":"False"`); "True" is its mirror, and provisioning logs show `active` as "True".
 */
export const LEGACY_ACTIVE_VALUES = { true: 'True', false: 'False' } as const;

/**
 * [Uncertain] Provisioning-log error codes by HTTP status, for statuses no Microsoft page ties to
 * a SCIM code. Observed: 400 → `…ServiceIncompatible` (getsentry/sentry#84941, an Entra log
 * quoted), 409 → `…ServiceIncompatibleFiltering` (Microsoft Q&A 1185756, a Microsoft employee's
 * answer). The rest are the names in monitoring-health/howto-analyze-provisioning-logs.md
 * ("Error codes"), which are .NET HttpStatusCode names.
 */
export const ERROR_CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
  401: 'Unauthorized',
  403: 'InsufficientRights',
  405: 'MethodNotAllowed',
  409: 'SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  501: 'NotImplemented',
};

/**
 * [Uncertain] The code of a 404 to a *query* (a filtered GET), which the quarantine article
 * ("Why is my application in quarantine?") calls a "SCIM Compliance issue" without naming a code;
 * a 404 to a linked id is the documented `InvalidAnchor` (error-codes.ts).
 */
export const QUERY_NOT_FOUND_ERROR_CODE =
  'SystemForCrossDomainIdentityManagementServiceIncompatible';

/**
 * [Uncertain] What Test Connection (and a cycle's opening check) says when no answer arrived at
 * all; on-premises-ecma-troubleshoot.md shows only the wording for an answer with a status.
 */
export const NO_ANSWER_STATUS_TEXT = 'no answer';

/**
 * [Uncertain] The code for any other 5xx and for answers that never arrived. The error-code list
 * names `InternalServerError`, `Timeout` and `WebExceptionProtocolError` without statuses.
 */
export const FALLBACK_ERROR_CODES = {
  serverError: 'InternalServerError',
  timeout: 'Timeout',
  noAnswer: 'WebExceptionProtocolError',
} as const;

/**
 * [Uncertain] When a failed object is retried. how-provisioning-works.md ("Errors and retries")
 * says "in the next sync cycle"; the error reason quotes a date, which here is one cycle interval
 * (40 minutes, use-scim-to-provision-users-and-groups.md, "Getting started") after the failure.
 */
export const RETRY_AFTER_MS = 40 * 60 * 1000;

/**
 * [Uncertain] When the escrow thresholds are checked and what they count. The quarantine article
 * ("Escrow thresholds") says the logic "works roughly" so; we count every cycle object outcome
 * since the job started (a cycle run in quarantine is judged on its own counts), the 5,000
 * minimum against non-reference failures, and check after each object, so the job stops
 * mid-cycle. The quarantine then carries the last failure's error code.
 */
export const ESCROW_CHECK_AFTER_EACH_OBJECT: boolean = true;

/**
 * [Uncertain] The synchronizationQuarantine reason for the absolute counts (more than 40,000
 * failures, or 60,000 with reference failures): the article names only
 * `EncounteredEscrowProportionThreshold` (the 40% rule) and `EncounteredQuarantineException`.
 */
export const TOTAL_COUNT_QUARANTINE_REASON = 'EncounteredTotalEscrowThreshold' as const;

/*
 * Choices made in code, with no constant to flip (each site says "[Uncertain] see
 * entra-assumptions.ts"):
 *
 * - [Uncertain] `active` in an update that also changes attributes is its own path op, last, as
 *   in the documented disable request, never inside a path-less replace (entra-requests.ts).
 * - [Uncertain] A linked user is read with GET /Users/{id} before an update (use-scim-to-
 *   provision-users-and-groups.md, "Example 3. Query the current state of a user"); a freshly
 *   matched user is compared with the resource the match query returned (user-export.ts).
 * - [Uncertain] A group that leaves scope gets no request and no log entry: the trigger for
 *   DELETE /Groups/{id} is not documented (group-export.ts).
 * - [Uncertain] Member adds and removes of one group go in one PATCH, adds first
 *   (entra-requests.ts); the tutorial's gallery checklist asks servers to accept "multiple group
 *   memberships with a single PATCH".
 * - [Uncertain] A group matched on displayName (not created) gets every provisioned member added:
 *   Entra reads groups with members excluded, so it cannot know the server's members
 *   (group-export.ts).
 * - [Uncertain] An on-demand run's outcome counts toward no quarantine threshold and moves no
 *   watermark, but a failure stays in escrow for the next cycle (engine-runs.ts).
 * - [Uncertain] The per-object code of a 401 is `Unauthorized` (ERROR_CODE_BY_STATUS); the job's
 *   quarantine then carries `…CredentialValidationFailure` (error-codes.ts, quarantineError).
 */
