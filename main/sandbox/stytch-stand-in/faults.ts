import type { StytchOperation } from '../../stytch/operations';

/**
 * A misbehaviour the stand-in can put on a route:
 * - `latency`: wait `ms`, then answer normally;
 * - `status`: answer `status` with Stytch's error body (and `Retry-After` when given);
 * - `reset`: drop the connection without an answer;
 * - `hang`: never answer (the client's timeout has to fire);
 * - `malformed-json`: 200 with a JSON content type and a truncated body;
 * - `html`: an HTML page (a proxy's or gateway's), with `status` (default 200);
 * - `omit-field`: the normal answer without one field (dotted path), e.g. `connection.base_url`.
 */
export type StandInFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'html'; status?: number }
  | { kind: 'omit-field'; field: string };

/** A fault on an operation's route (or every route), for the next `times` requests (default: until cleared). */
export interface FaultRule {
  route: StytchOperation | '*';
  fault: StandInFault;
  times?: number;
  /** Let this many matching requests through untouched before the fault starts. */
  skip?: number;
  /**
   * Apply the fault after the request has taken effect: the state changes, then the answer is
   * lost (reset, hang), late (latency) or damaged. This is how a Create that "timed out" but
   * happened is simulated. `omit-field` always applies after.
   */
  afterProcessing?: boolean;
}

/** A fault picked for one request. */
export interface ChosenFault {
  fault: StandInFault;
  afterProcessing: boolean;
}

/** The faults waiting to be applied; tests add rules, each request takes at most one. */
export class FaultPlan {
  private rules: { rule: FaultRule; remaining: number; skip: number }[] = [];

  /** Adds a rule; earlier rules win when several match. */
  inject(rule: FaultRule): void {
    this.rules.push({
      rule,
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
      skip: rule.skip ?? 0,
    });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The fault for a request on `route`, if any (using up one of its `times`). */
  take(route: StytchOperation): ChosenFault | null {
    const entry = this.rules.find((e) => e.rule.route === '*' || e.rule.route === route);
    if (!entry) return null;
    if (entry.skip > 0) {
      entry.skip -= 1;
      return null;
    }
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules = this.rules.filter((e) => e !== entry);
    const { fault, afterProcessing } = entry.rule;
    return { fault, afterProcessing: fault.kind === 'omit-field' || afterProcessing === true };
  }
}
