import type { GraphNeeds, GraphOperation } from '../../graph/graph-operations';
import { ON_DEMAND_LIMIT } from '../../graph/rate-limiter';
import { GraphStandInError } from './state';

/**
 * What an access token grants, as the Graph stand-in sees it: the delegated permissions it
 * carries (`Application.Read.All`, or the full `https://graph.microsoft.com/…` scope) and whether
 * the signed-in user holds an admin role.
 */
export interface TokenGrant {
  scopes: readonly string[];
  isAdmin: boolean;
}

/** Graph lets a higher permission stand in for a lower one: X.ReadWrite.All covers X.Read.All. */
function covers(scopes: readonly string[], needed: string): boolean {
  return scopes.includes(needed) || scopes.includes(needed.replace(/\.Read\./, '.ReadWrite.'));
}

const INSUFFICIENT = 'Insufficient privileges to complete the operation.';

/** Graph's code and message for a refusal set with {@link GraphControls.refuse}, by status. */
const REFUSALS: Record<number, [string, string]> = {
  400: ['BadRequest', 'Resource not found for the segment.'],
  403: ['Authorization_RequestDenied', INSUFFICIENT],
  404: ['Request_ResourceNotFound', 'The requested resource was not found.'],
  405: ['Request_BadRequest', 'The requested resource does not support http method.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable.'],
};

/**
 * The stand-in's failure modes, set by tests and the sandbox (reference §5): consent withheld for
 * a scope, the signed-in admin without an admin role, throttling with `Retry-After`, and
 * provisionOnDemand's own 5-per-10-s cap.
 */
export class GraphControls {
  private readonly withheld = new Set<string>();
  private adminRole = true;
  private throttles: { count: number; retryAfterSeconds: number; operation?: GraphOperation }[] =
    [];
  private readonly onDemandSent: number[] = [];
  private readonly refused = new Map<GraphOperation, GraphStandInError>();

  constructor(private readonly nowMs: () => number) {}

  /** The token no longer carries `scope` (admin consent not granted). */
  withholdConsent(scope: string): void {
    this.withheld.add(scope);
  }

  /** The signed-in account has no Application Administrator-type role. */
  removeAdminRole(): void {
    this.adminRole = false;
  }

  /** The next `count` requests (of `operation`, if given) answer 429 with Retry-After. */
  throttle(count: number, retryAfterSeconds: number, operation?: GraphOperation): void {
    this.throttles.push({ count, retryAfterSeconds, ...(operation ? { operation } : {}) });
  }

  /**
   * Every request of `operation` answers `status` with Graph's envelope until {@link allow}: e.g.
   * the beta secrets read a tenant does not serve (404, 405) or does not permit (403), or Graph
   * down (503).
   */
  refuse(operation: GraphOperation, status: number): void {
    const [code, message] = REFUSALS[status] ?? ['BadRequest', 'The request was refused.'];
    this.refused.set(operation, new GraphStandInError(status, code, message));
  }

  /** Lifts {@link refuse}. */
  allow(operation: GraphOperation): void {
    this.refused.delete(operation);
  }

  /**
   * Refuses a request as Graph would, or lets it through. `grant` is what the bearer token
   * carries (its permissions and whether its user holds an admin role); omitted, the token is
   * the stand-in's own, which carries everything.
   */
  check(operation: GraphOperation, needs: GraphNeeds, grant?: TokenGrant): void {
    const refusal = this.refused.get(operation);
    if (refusal !== undefined) throw refusal;
    const missing = needs.scopes.find(
      (scope) => this.withheld.has(scope) || (grant !== undefined && !covers(grant.scopes, scope)),
    );
    if (missing !== undefined) {
      // Reporting APIs name the missing permission (Microsoft Q&A, [unconfirmed]); directory
      // APIs answer the generic 403 (reference §5).
      if (operation === 'auditLogs.provisioning') {
        throw new GraphStandInError(
          403,
          'Authentication_MSGraphPermissionMissing',
          `Calling principal does not have required MSGraph permissions ${missing}`,
        );
      }
      throw new GraphStandInError(403, 'Authorization_RequestDenied', INSUFFICIENT);
    }
    const isAdmin = this.adminRole && (grant?.isAdmin ?? true);
    if (!isAdmin && needs.roles !== 'any directory role')
      throw new GraphStandInError(403, 'Authorization_RequestDenied', INSUFFICIENT);
    const throttle = this.throttles.find(
      (t) => t.operation === undefined || t.operation === operation,
    );
    if (throttle !== undefined) {
      throttle.count -= 1;
      if (throttle.count <= 0) this.throttles = this.throttles.filter((t) => t !== throttle);
      throw this.tooMany(throttle.retryAfterSeconds);
    }
    if (operation === 'jobs.provisionOnDemand') this.onDemandWindow();
  }

  private onDemandWindow(): void {
    const now = this.nowMs();
    while ((this.onDemandSent[0] ?? now) <= now - ON_DEMAND_LIMIT.windowMs)
      this.onDemandSent.shift();
    if (this.onDemandSent.length >= ON_DEMAND_LIMIT.requests) {
      const wait = (this.onDemandSent[0] ?? now) + ON_DEMAND_LIMIT.windowMs - now;
      throw this.tooMany(Math.max(1, Math.ceil(wait / 1000)));
    }
    this.onDemandSent.push(now);
  }

  private tooMany(retryAfterSeconds: number): GraphStandInError {
    return new GraphStandInError(429, 'TooManyRequests', 'Too many requests.', {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
