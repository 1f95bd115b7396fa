import {
  OnDemandResultSchema,
  OnDemandSummarySchema,
  type SecretSetting,
  type ServicePrincipal,
} from './graph-schemas';

/**
 * The non-gallery ("Custom") application template, global cloud (reference §1, [G-inst]). US Gov
 * and China use other ids, so callers may pass theirs.
 */
export const NON_GALLERY_TEMPLATE_ID = '8adf8e6e-67b2-4cf2-a259-e3dc5476c621';

/** The provisioning template for new non-gallery SCIM apps (reference §2, [E-compat]). */
export const SCIM_JOB_TEMPLATE_ID = 'scim';

/** The tag the template puts on a custom-SSO app (reference §1, non-gallery instance). */
export const CUSTOM_SSO_TAG = 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication';

/** What restart resets by default: the portal's "Restart provisioning" (reference §2, Restart criteria). */
export const DEFAULT_RESET_SCOPE = 'Watermark, Escrows, QuarantineState';

/** Fields read from a service principal (reference §1, "Find an existing app / SP"). */
export const SP_SELECT = 'id,appId,displayName,applicationTemplateId,appRoles,tags';

/** An OData string literal: single quotes doubled (OData v4 ABNF, `SQUOTE-in-string`). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Display names are not unique (reference §1): put the candidates most likely to be ours first,
 * instances of the non-gallery template, then those with the custom-SSO tag.
 */
export function rankServicePrincipals(
  candidates: readonly ServicePrincipal[],
  templateId = NON_GALLERY_TEMPLATE_ID,
): ServicePrincipal[] {
  const score = (sp: ServicePrincipal) =>
    (sp.applicationTemplateId === templateId ? 2 : 0) + (sp.tags?.includes(CUSTOM_SSO_TAG) ? 1 : 0);
  return [...candidates].sort((a, b) => score(b) - score(a));
}

/** The "User" app role a non-gallery app is created with; read, not hard-coded (reference §3). */
export function userAppRoleId(sp: ServicePrincipal): string | null {
  const role = sp.appRoles?.find(
    (r) => r.displayName === 'User' && r.allowedMemberTypes.includes('User'),
  );
  return role?.id ?? null;
}

/** The picker filter: a prefix of the display name, or of the UPN/mail for users. */
export function pickerFilter(kind: 'users' | 'groups', text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const literal = odataString(value);
  const fields =
    kind === 'users' ? ['displayName', 'userPrincipalName', 'mail'] : ['displayName', 'mail'];
  return fields.map((field) => `startswith(${field},${literal})`).join(' or ');
}

/** The provisioning-log filter (reference §4: `jobId eq '<jobId>'`, plus an optional time floor). */
export function provisioningLogFilter(jobId: string, since?: string): string {
  const byJob = `jobId eq ${odataString(jobId)}`;
  return since === undefined ? byJob : `${byJob} and activityDateTime ge ${since}`;
}

/** Duplicate assignment: 400 "Permission being assigned already exists" (reference §3). */
export function isExistingAssignment(graphCode?: string, graphMessage?: string): boolean {
  return graphCode === 'Request_BadRequest' && /already exists/i.test(graphMessage ?? '');
}

/** The SCIM endpoint Entra provisions to: Tenant URL and Secret Token (reference §2). */
export interface ScimCredentials {
  baseAddress: string;
  secretToken: string;
}

/** BaseAddress and SecretToken, PascalCase as Graph's enum requires (reference §2). */
export function secretPairs(credentials: ScimCredentials) {
  return [
    { key: 'BaseAddress', value: credentials.baseAddress },
    { key: 'SecretToken', value: credentials.secretToken },
  ];
}

/** A provisioning setting to send back in `PUT …/secrets`, its value as read. */
export interface KeptSetting {
  key: string;
  value: string;
}

/** The keys the credentials save writes itself (reference §2); compared ignoring case. */
const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(['baseaddress', 'secrettoken']);

/**
 * A value Graph did not really give: missing or null, empty, or a mask (only asterisks or
 * bullets). Sent back, it would overwrite the real value with the mask.
 */
export function isWithheldValue(value: string | null): boolean {
  if (value === null) return true;
  const text = value.trim();
  return text === '' || /^[*•●]+$/u.test(text);
}

/**
 * The job's other provisioning settings to re-send with new credentials, because `PUT …/secrets`
 * replaces the whole set (reference §2, Secrets): every key read except BaseAddress and
 * SecretToken, exactly as read and in the order read. Null when any of them came back without its
 * real value (isWithheldValue): the list cannot then be sent back whole without overwriting a real
 * setting with its mask, and dropping that key from the PUT would delete it just the same while
 * reporting the others as kept. The caller then sends the two credentials alone and says the
 * other settings could not be kept. BaseAddress and SecretToken are replaced, so their values
 * (SecretToken's may well be withheld) do not matter.
 */
export function settingsToKeep(read: readonly SecretSetting[]): KeptSetting[] | null {
  const others = read.filter((setting) => !CREDENTIAL_KEYS.has(setting.key.toLowerCase()));
  const kept: KeptSetting[] = [];
  for (const { key, value } of others) {
    if (value === null || isWithheldValue(value)) return null;
    kept.push({ key, value });
  }
  return kept;
}

/** A JSON string's value, or null when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** What provisionOnDemand answered, its two strings decoded (reference §2, [G-pod]). */
export interface OnDemandOutcome {
  /** Success, Skipped or Failure as Entra sent it; "Unknown" when the answer does not say. */
  result: string;
  details: Record<string, unknown>;
  /**
   * The provisioningObjectSummary-like object, as Graph sent it (may be `{}` for a group); for
   * the array form, its first object with every object's steps, in order.
   */
  summary: unknown;
}

const stepStatus = (step: unknown): string | null => {
  const status = (step as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? status : null;
};

/**
 * The result when `key` is not the object form's JSON (the array form): the summary's
 * `statusInfo.status` as the object form has it; else "Failure" when a step failed; else the
 * last step's status. [unconfirmed] which of these the array form carries: Entra's cross-tenant
 * Graph guide shows its value cut after the first step ("..."), with no statusInfo in view.
 */
function resultOfSteps(summary: unknown): { result: string; details: Record<string, unknown> } {
  const parsed = OnDemandSummarySchema.safeParse(summary);
  if (!parsed.success) return { result: 'Unknown', details: {} };
  const info = parsed.data.statusInfo ?? null;
  const details = {
    ...(info?.errorCode ? { errorCode: info.errorCode } : {}),
    ...(info?.reason ? { errorMessage: info.reason } : {}),
  };
  if (info?.status) return { result: info.status, details };
  const statuses = (parsed.data.provisioningSteps ?? []).map(stepStatus);
  if (statuses.some((status) => status?.toLowerCase() === 'failure'))
    return { result: 'Failure', details };
  return { result: statuses.at(-1) ?? 'Unknown', details };
}

/** The array form's objects as one: the first object, carrying every object's steps. */
function mergedSummary(objects: readonly unknown[]): unknown {
  const first: unknown = objects[0] ?? {};
  if (objects.length < 2 || typeof first !== 'object' || first === null) return first;
  const steps = objects.flatMap((object) => {
    const parsed = OnDemandSummarySchema.safeParse(object);
    return parsed.success ? (parsed.data.provisioningSteps ?? []) : [];
  });
  return { ...first, provisioningSteps: steps };
}

/**
 * provisionOnDemand's answer in either documented form (graph-schemas.ts, OnDemandResponseSchema):
 * `key` a JSON `{result, details}` and `value` one object, or `key` the StatusInfo type name and
 * `value` an array of objects. A `value` that is not JSON leaves the summary null.
 */
export function readOnDemandAnswer(answer: { key: string; value: string }): OnDemandOutcome {
  const decoded = parseJson(answer.value);
  const summary = Array.isArray(decoded) ? mergedSummary(decoded) : decoded;
  const key = OnDemandResultSchema.safeParse(parseJson(answer.key));
  if (key.success) return { result: key.data.result, details: key.data.details ?? {}, summary };
  return { ...resultOfSteps(summary), summary };
}
