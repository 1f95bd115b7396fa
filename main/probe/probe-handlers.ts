import type { AppMode } from '../../shared/ipc';
import type { SecretHandle } from '../../shared/stytch/views';
import type { FeatureHandlers } from '../ipc/dispatch';
import type { Logger } from '../logging/logger';
import { connectionTenantUrl, type ConnectionLookup } from '../stytch/connection-tenant-url';
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
  stytch: ConnectionLookup & { project(): { mode: AppMode } | null };
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
    const tenantUrl = await connectionTenantUrl(
      services.stytch,
      request.organizationId,
      request.token.connectionId,
      'test',
    );
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
