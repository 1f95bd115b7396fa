import type { EntraSetupView, EntraTestResult } from '../../shared/entra/entra-views';
import { AppFailure } from '../../shared/errors';
import { GraphCallError } from '../graph/graph-errors';
import { settingsToKeep, type KeptSetting, type ScimCredentials } from '../graph/graph-queries';
import type { SecretHandle } from '../../shared/stytch/views';
import { redactAndCut } from '../logging/redact';
import { connectionTenantUrl } from '../stytch/connection-tenant-url';
import type { AppContext, EntraStepDeps } from './entra-context';
import { schemaChanged } from './entra-errors';
import {
  readExternalIdMapping,
  schemaFingerprint,
  withObjectIdExternalId,
} from './external-id-mapping';
import { readJobSettings } from './job-settings';
import { rememberUserRule } from './known-ids';

/** The job's settings: the connection's credentials (tested, then saved) and its externalId mapping. */

/** Which of the connection's tokens a step hands Entra: the current one, or a rotation's next one. */
export type TokenKind = SecretHandle['kind'];

/**
 * Entra's own Test Connection against the connection's endpoint. A refusal is evidence (its
 * SCIM code and Entra's words, masked), not a failed call; Graph's own failures still throw.
 * `token`: the rotation tests its next token (main/rotation/).
 */
export async function testConnection(
  deps: EntraStepDeps,
  organizationId: string,
  connectionId: string,
  token: TokenKind = 'scim-token',
): Promise<EntraSetupView> {
  const context = await deps.contexts.withJob(organizationId, 'configure-provisioning');
  const credentials = await scimCredentials(deps, organizationId, connectionId, 'test', token);
  const check = await context.graph.validateCredentials(context.spId, context.jobId, credentials);
  const testedAt = deps.now().toISOString();
  const mask = [credentials.secretToken];
  let result: EntraTestResult;
  if (check.ok) result = { connectionId, testedAt, passed: true, scimCode: null, error: null };
  else {
    const said = check.graphMessage === null ? '' : ` Entra said: ${check.graphMessage}`;
    const error = {
      ...check.error,
      message: redactAndCut(`${check.error.message}${said}`, 1_000, mask),
      hint: redactAndCut(check.error.hint, 1_000, mask),
    };
    result = { connectionId, testedAt, passed: false, scimCode: check.scimCode, error };
  }
  context.evidence.lastTest = result;
  return deps.contexts.view(context);
}

/**
 * Saves Tenant URL and Secret Token into the job. `PUT …/secrets` replaces the whole set
 * (reference §2, Secrets), so the job's other settings (SyncNotificationSettings, SyncAll,
 * SkipOutOfScopeDeletions… set in the Entra admin center) are read first and sent back
 * unchanged; the view names them, never their values. When they cannot be read, or came back
 * masked (settingsToKeep), only the two credentials are sent and the view says so
 * (`keptSettings: null`). `changes` are settings to send with new values (matched by key, any
 * letter case), e.g. SyncAll when the admin switches the scope; they are not named as kept.
 * `token`: which of the connection's tokens goes in (a rotation saves its next one, and puts the
 * current one back after a failure).
 */
export async function saveCredentials(
  deps: EntraStepDeps,
  organizationId: string,
  connectionId: string,
  changes: readonly KeptSetting[] = [],
  token: TokenKind = 'scim-token',
): Promise<EntraSetupView> {
  const context = await deps.contexts.withApp(organizationId, 'configure-provisioning');
  const credentials = await scimCredentials(deps, organizationId, connectionId, 'save', token);
  const kept = await settingsKept(deps, context);
  const sent = withChanges(kept ?? [], changes);
  try {
    await context.graph.saveSecrets(context.spId, credentials, sent);
  } catch (error) {
    throw withoutValues(error, kept ?? []);
  }
  context.evidence.credentialsSaved = {
    connectionId,
    at: deps.now().toISOString(),
    keptSettings:
      kept === null
        ? null
        : kept.filter((setting) => changeOf(changes, setting.key) === undefined).map((s) => s.key),
  };
  return deps.contexts.view(context);
}

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const changeOf = (changes: readonly KeptSetting[], key: string) =>
  changes.find((change) => sameKey(change.key, key));

/** `kept` with `changes` applied: a changed key keeps its place and spelling; a new one goes last. */
function withChanges(kept: readonly KeptSetting[], changes: readonly KeptSetting[]): KeptSetting[] {
  const updated = kept.map((setting) => {
    const change = changeOf(changes, setting.key);
    return change === undefined ? setting : { key: setting.key, value: change.value };
  });
  const added = changes.filter((change) => !kept.some((s) => sameKey(s.key, change.key)));
  return [...updated, ...added];
}

/** The job's other settings to send back, or null when they cannot be (logged by name only). */
async function settingsKept(
  deps: EntraStepDeps,
  context: AppContext,
): Promise<KeptSetting[] | null> {
  const read = await readJobSettings(deps.options.logger, context.graph, context.spId);
  if (read === null) return null;
  const kept = settingsToKeep(read);
  if (kept === null) {
    // Names only: a value may be sensitive (a notification e-mail address).
    deps.options.logger.warn('entra.settings-withheld', {
      keys: read.map((setting) => setting.key),
    });
  }
  return kept;
}

/**
 * A failed PUT's error without the kept values: Graph's message is quoted for a 400, and it might
 * echo what was sent. Values shorter than six characters ("true", "false", a number) are left:
 * masking them would garble the request IDs and words around them, and they reveal nothing.
 */
function withoutValues(error: unknown, kept: readonly KeptSetting[]): unknown {
  const values = kept
    .map((setting) => setting.value)
    .filter((value) => value.trim().length >= 6)
    .sort((a, b) => b.length - a.length);
  if (!(error instanceof AppFailure) || values.length === 0) return error;
  const mask = (text: string) =>
    values.reduce((out, value) => out.split(value).join('[redacted]'), text);
  const { appError } = error;
  const cleaned = { ...appError, message: mask(appError.message), hint: mask(appError.hint) };
  if (cleaned.message === appError.message && cleaned.hint === appError.hint) return error;
  if (!(error instanceof GraphCallError)) return new AppFailure(cleaned);
  const { graphMessage } = error.facts;
  const facts =
    graphMessage === undefined ? error.facts : { ...error.facts, graphMessage: mask(graphMessage) };
  return new GraphCallError(cleaned, facts);
}

/** Reads what the user mapping sends as externalId. */
export async function readMapping(
  { contexts }: EntraStepDeps,
  organizationId: string,
): Promise<EntraSetupView> {
  const context = await contexts.withJob(organizationId, 'read-provisioning', 'read');
  const schema = await context.graph.getSchema(context.spId, context.jobId);
  rememberUserRule(context, schema);
  context.evidence.mapping = readExternalIdMapping(schema);
  return contexts.view(context);
}

/** Applies the change shown, only to the schema it was read from (GRAPH_CONFLICT otherwise). */
export async function fixMapping(
  { contexts }: EntraStepDeps,
  organizationId: string,
  fingerprint: string,
): Promise<EntraSetupView> {
  const context = await contexts.withJob(organizationId, 'configure-provisioning');
  const { graph, spId, jobId } = context;
  // Read again before writing: the safety check that the change applied is exactly the one shown.
  const schema = await graph.getSchema(spId, jobId);
  if (schemaFingerprint(schema) !== fingerprint) throw schemaChanged();
  rememberUserRule(context, schema);
  let mapping = readExternalIdMapping(schema);
  if (!mapping.correct) {
    const fixed = withObjectIdExternalId(schema);
    await graph.putSchema(spId, jobId, fixed);
    // Not read back: PUT replaced the whole document with the one sent, so that is the mapping.
    mapping = readExternalIdMapping(fixed);
  }
  context.evidence.mapping = mapping;
  return contexts.view(context);
}

/** Tenant URL from Stytch and the token from the keychain, both read here in main. */
async function scimCredentials(
  { options }: EntraStepDeps,
  organizationId: string,
  connectionId: string,
  purpose: string,
  kind: TokenKind,
): Promise<ScimCredentials> {
  const { stytch, secrets } = options;
  const baseAddress = await connectionTenantUrl(stytch, organizationId, connectionId, purpose);
  const secretToken = await secrets.readToken({ kind, connectionId });
  return { baseAddress, secretToken };
}
