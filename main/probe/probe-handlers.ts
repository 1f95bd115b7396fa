import { appFailure } from '../../shared/errors';
import type { AppMode } from '../../shared/ipc';
import { ensureAadOptFlag } from '../../shared/stytch/tenant-url';
import type { SecretHandle } from '../../shared/stytch/views';
import type { FeatureHandlers } from '../ipc/dispatch';
import type { Logger } from '../logging/logger';
import { runProbe, type ProbeTransport } from './run-probe';

/** Reads a SCIM token by handle: the app's secrets service, or the keychain itself in the CLI. */
export interface TokenReader {
  readToken(handle: SecretHandle): Promise<string>;
}

/** What the probe:* handlers use (a slice of `Services`). */
export interface ProbeServices {
  logger: Logger;
  probe: ProbeTransport;
  secrets: TokenReader;
  /**
   * The connected project (`StytchSession` fits): whether it is the local sandbox, and its client,
   * which says where a connection's SCIM endpoint is.
   */
  stytch: {
    project(): { mode: AppMode } | null;
    client(): Promise<{
      getConnection(
        organizationId: string,
      ): Promise<{ connection_id: string; base_url: string } | null>;
    }>;
  };
}

/**
 * The Tenant URL of the connection a token belongs to, as Stytch holds it (with Entra's flag, as
 * the app shows it). Main decides where a stored token goes: a renderer that could name a URL
 * could have any stored token delivered to a server of its choosing.
 */
async function tenantUrlOf(
  services: ProbeServices,
  organizationId: string,
  handle: SecretHandle,
): Promise<string> {
  const client = await services.stytch.client();
  const connection = await client.getConnection(organizationId);
  if (connection?.connection_id !== handle.connectionId) {
    throw appFailure(
      'STYTCH_SCIM_CONNECTION_NOT_FOUND',
      `The SCIM connection ${handle.connectionId} is not this organization’s active connection.`,
      'Reload the organization to see its current connection, then test that one.',
    );
  }
  return ensureAadOptFlag(connection.base_url);
}

function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return '(not a URL)';
  }
}

/** The probe:* channels. */
export const probeHandlers = {
  /**
   * Finds where the connection's SCIM endpoint is (from Stytch, never from the renderer), reads
   * the token by its handle (it never crosses IPC), runs the probe and emits `probe:progress` as
   * each check finishes. A missing token or a locked keychain is a typed error from the secrets
   * service; everything the SCIM server does is a line of the report.
   */
  'probe:run': async (request, services, emit) => {
    const tenantUrl = await tenantUrlOf(services, request.organizationId, request.token);
    const token = await services.secrets.readToken(request.token);
    const host = hostOf(tenantUrl);
    services.logger.info('probe.started', {
      runId: request.runId,
      host,
      writeCycle: request.writeCycle,
    });
    const report = await runProbe(
      {
        tenantUrl,
        token,
        options: {
          writeCycle: request.writeCycle,
          localSandbox: services.stytch.project()?.mode === 'sandbox',
          ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
        },
      },
      services.probe,
      {
        onCheck: (check, done, total) =>
          emit('probe:progress', { runId: request.runId, check, done, total }),
      },
    );
    services.logger.info('probe.finished', {
      runId: request.runId,
      host,
      ok: report.ok,
      failed: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
      durationMs: report.durationMs,
    });
    return report;
  },
} satisfies FeatureHandlers<ProbeServices>;
