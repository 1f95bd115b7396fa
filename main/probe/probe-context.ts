import type { TargetAnalysis, ProbeTarget } from './probe-target';
import type { Exchange, ScimCall } from './scim-exchange';
import type { TlsConnector } from './tls-connector';

/** The probe's settings. */
export interface ProbeOptions {
  /** Limit for each request and for the TLS handshake. */
  timeoutMs: number;
  /** Opt-in: create, patch and delete a real test user. */
  writeCycle: boolean;
  /** Extra trusted CA certificates (PEM) for the TLS check. */
  ca?: readonly string[];
  /**
   * The target is the app's own local sandbox, where plain http on loopback is by design: the
   * `url` check then passes, saying so, instead of warning that Entra would refuse it.
   */
  localSandbox?: boolean;
}

/** What every step receives: the analysed target and the injected transports. */
export interface ProbeContext {
  analysis: TargetAnalysis;
  options: ProbeOptions;
  /** Sends one SCIM request to the target and records it. */
  send(call: ScimCall): Promise<Exchange>;
  connectTls: TlsConnector;
  /** A fresh random GUID (Entra queries for one that nobody has). */
  newGuid(): string;
}

/**
 * The target of a step that needs the `url` check: always set when that check passed, which
 * the runner guarantees before running a dependent step.
 */
export function targetOf(ctx: ProbeContext): ProbeTarget {
  if (ctx.analysis.target === null)
    throw new Error('The probe target is unknown: the url check did not pass.');
  return ctx.analysis.target;
}

/**
 * The deadline of a step that sends `rounds` requests one after another (requests sent together
 * count once). The second to spare lets a late request end on its own timeout, which the report
 * words precisely, before the runner gives up on the whole step.
 */
export function requestsDeadline(ctx: ProbeContext, rounds = 1): number {
  return rounds * ctx.options.timeoutMs + 1_000;
}
