import { TOTAL_COUNT_QUARANTINE_REASON } from './entra-assumptions';

/**
 * When the simulated job goes into quarantine, after MicrosoftDocs/entra-docs
 * docs/identity/app-provisioning/application-provisioning-quarantine-status.md ("Why is my
 * application in quarantine?", "Escrow thresholds") and how-provisioning-works.md ("Quarantine":
 * "If most or all of the calls that are made against the target system consistently fail").
 */

/** The escrow thresholds, all in one place. */
export interface QuarantineThresholds {
  /** "5,000 failures are the minimum to start evaluating whether to quarantine". */
  minimumFailures: number;
  /** "If more than 40% of provisioning events fail". */
  failureProportion: number;
  /** "or there are more than 40,000 failures" (reference failures not counted). */
  maximumFailures: number;
  /** "an absolute threshold of 60,000 failures that accounts for both reference and non-reference". */
  absoluteFailures: number;
}

/** The documented values. Tests and the sandbox scale them down to watch a small tenant fail. */
export const DOCUMENTED_THRESHOLDS: QuarantineThresholds = {
  minimumFailures: 5_000,
  failureProportion: 0.4,
  maximumFailures: 40_000,
  absoluteFailures: 60_000,
};

/**
 * synchronizationQuarantine reasons (Graph): `EncounteredQuarantineException` "indicates that
 * invalid credentials were provided", `EncounteredEscrowProportionThreshold` that "more than 40%
 * of provisioning events failed"; the absolute counts' reason: [Uncertain] see
 * entra-assumptions.ts (TOTAL_COUNT_QUARANTINE_REASON).
 */
export type QuarantineReason =
  | 'EncounteredQuarantineException'
  | 'EncounteredEscrowProportionThreshold'
  | 'EncounteredTotalEscrowThreshold';

/** Why the job is in quarantine, as Graph's synchronizationQuarantine reports it. */
export interface Quarantine {
  reason: QuarantineReason;
  error: { code: string; message: string };
  currentBegan: string;
}

/** How one object ended; a failure to update a group member is a reference failure. */
export type Outcome = 'success' | 'failure' | 'reference-failure';

/** Counts object outcomes for the escrow thresholds. */
export class EscrowTally {
  private successes = 0;
  private failures = 0;
  private referenceFailures = 0;

  record(outcome: Outcome): void {
    if (outcome === 'success') this.successes += 1;
    else if (outcome === 'failure') this.failures += 1;
    else this.referenceFailures += 1;
  }

  reset(): void {
    this.successes = 0;
    this.failures = 0;
    this.referenceFailures = 0;
  }

  /** Whether the counts so far cross a threshold, and which. */
  verdict(thresholds: QuarantineThresholds): QuarantineReason | null {
    // "Reference failures won't be counted as part of the 40% threshold or 40,000 threshold."
    if (this.failures + this.referenceFailures > thresholds.absoluteFailures) {
      return TOTAL_COUNT_QUARANTINE_REASON;
    }
    if (this.failures < thresholds.minimumFailures) return null;
    if (this.failures > thresholds.maximumFailures) return TOTAL_COUNT_QUARANTINE_REASON;
    const share = this.failures / (this.failures + this.successes);
    return share > thresholds.failureProportion ? 'EncounteredEscrowProportionThreshold' : null;
  }

  /** The error Graph's quarantine would carry for an escrow verdict. */
  summary(): string {
    return `${this.failures} of ${this.failures + this.successes} provisioning events failed (${this.referenceFailures} reference failures).`;
  }
}
