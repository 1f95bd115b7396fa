import type { FleetHealth } from '../../shared/fleet/fleet';
import type { ProbeReport } from '../../shared/probe/report';
import type { ScimConnection } from '../../shared/stytch/api-schemas';
import { ensureAadOptFlag } from '../../shared/stytch/tenant-url';
import { runProbe, type ProbeTransport } from '../probe/run-probe';
import { TEST_CONNECTION_STEPS } from '../probe/steps';
import { isRotating } from '../stytch/connection-view';
import type { RequestBudget } from './fleet-budget';
import { hostOf } from './fleet-budget';
import type { CachedRow } from './fleet-cache';
import { daysLeft } from './fleet-rows';

/** What checking one connection needs. */
export interface HealthInput {
  getConnection(organizationId: string): Promise<ScimConnection | null>;
  apiHost: string;
  budget: RequestBudget;
  /** The connection's token from the keychain, or null when this app does not hold it. */
  readToken(connectionId: string): Promise<string | null>;
  probe: ProbeTransport;
  localSandbox: boolean;
  now: () => Date;
}

const ROTATE = 'Rotate the token, then paste the new one into Entra’s Secret Token field.';

/** What Stytch's own answer says is wrong, first problem first, or null when nothing is. */
function metadataProblem(
  connection: ScimConnection,
  now: Date,
): Omit<FleetHealth, 'verdict' | 'at'> | null {
  if (connection.status.toLowerCase() !== 'active')
    return {
      failingCheck: `Stytch shows the connection as “${connection.status}”`,
      nextAction: 'Open the connection in Stytch’s dashboard to see why it is not active.',
    };
  const left = daysLeft(connection.bearer_token_expires_at ?? null, now);
  if (left !== null && left < 0)
    return { failingCheck: 'The token has expired', nextAction: ROTATE };
  if (isRotating(connection))
    return {
      failingCheck: 'A token rotation was started and not finished',
      nextAction: 'Finish the rotation once Entra has the new token, or cancel it.',
    };
  return null;
}

/** The verdict of Entra's Test Connection checks: the first failure, else the first warning. */
function verdictOf(report: ProbeReport, at: string): FleetHealth {
  const failed = report.checks.find((check) => check.status === 'fail');
  const warned = report.checks.find((check) => check.status === 'warn');
  const decisive = failed ?? warned;
  return {
    verdict: failed ? 'failed' : warned ? 'warnings' : 'passed',
    ...(decisive ? { failingCheck: decisive.title } : {}),
    ...(decisive?.fix ? { nextAction: decisive.fix } : {}),
    at,
  };
}

/**
 * Checks one connection: Stytch's view of it (where its endpoint is, from Stytch, never from the
 * cache), then, when this app holds its token, Entra's Test Connection queries with it (the
 * probe's own steps, read-only), each request within its host's budget. Without the token only
 * Stytch's metadata is checked, and the verdict says so (`metadata-only`).
 */
export async function checkHealth(input: HealthInput, cached: CachedRow): Promise<FleetHealth> {
  await input.budget.hostSlot(input.apiHost);
  const connection = await input.getConnection(cached.row.organizationId);
  const at = () => input.now().toISOString();
  if (connection?.connection_id !== cached.row.connectionId)
    return {
      verdict: 'failed',
      failingCheck: 'The connection is no longer this organization’s active one',
      nextAction: 'Refresh the overview to see the organization’s current connection.',
      at: at(),
    };
  const token = cached.row.tokenHeld ? await input.readToken(connection.connection_id) : null;
  if (token === null) {
    const problem = metadataProblem(connection, input.now());
    return {
      verdict: 'metadata-only',
      ...(problem ?? {
        nextAction: 'This computer does not hold the token: only Stytch’s details were checked.',
      }),
      at: at(),
    };
  }
  const budgeted: ProbeTransport = {
    ...input.probe,
    fetch: async (url, init) => {
      await input.budget.hostSlot(hostOf(url instanceof Request ? url.url : String(url)));
      return input.probe.fetch(url, init);
    },
  };
  const report = await runProbe(
    {
      tenantUrl: ensureAadOptFlag(connection.base_url),
      token,
      options: { localSandbox: input.localSandbox },
    },
    budgeted,
    {},
    TEST_CONNECTION_STEPS,
  );
  return verdictOf(report, at());
}
