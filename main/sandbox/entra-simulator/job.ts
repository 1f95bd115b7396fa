import type { ObjectResult } from './engine-context';
import { ESCROW_CHECK_AFTER_EACH_OBJECT } from './entra-assumptions';
import { quarantineError } from './error-codes';
import type { ProvisioningLogEntry } from './provisioning-log';
import {
  EscrowTally,
  type Quarantine,
  type QuarantineReason,
  type QuarantineThresholds,
} from './quarantine';

/**
 * The provisioning job: its log, its escrow tally and its quarantine. While quarantined, cycles
 * still run (Entra only runs them less often); "The provisioning job exits quarantine after all
 * of the offending errors are fixed and the next sync cycle starts" (how-provisioning-works.md,
 * "Quarantine"), so a cycle that ends with no failure lifts it.
 */
export class Job {
  readonly entries: ProvisioningLogEntry[] = [];
  private readonly tally = new EscrowTally();
  private current: Quarantine | null = null;
  private lastErrorCode = '';

  constructor(
    private readonly thresholds: QuarantineThresholds,
    private readonly now: () => Date,
  ) {}

  quarantine(): Quarantine | null {
    return this.current;
  }

  /** A cycle begins; a cycle run in quarantine is a retry, judged on its own counts. */
  beginCycle(): void {
    if (this.current !== null) this.tally.reset();
  }

  /** A cycle ended (not stopped): with no failure it lifts the quarantine; else the counts decide. */
  endCycle(failures: number): void {
    if (this.current !== null && failures === 0) {
      this.current = null;
      this.tally.reset();
      return;
    }
    this.checkEscrow();
  }

  /** Logs an object's result; answers false when the job has just been quarantined. */
  record(result: ObjectResult, counted: boolean): boolean {
    this.entries.push(result.entry);
    if (result.entry.error !== null) this.lastErrorCode = result.entry.error.errorCode;
    if (counted && result.outcome !== null) this.tally.record(result.outcome);
    if (result.quarantine !== null) {
      this.enter('EncounteredQuarantineException', quarantineError(result.quarantine));
      return false;
    }
    // [Uncertain] see entra-assumptions.ts: when the thresholds are checked.
    return !(counted && ESCROW_CHECK_AFTER_EACH_OBJECT && this.checkEscrow());
  }

  /** Restart with `QuarantineState` in its reset scope: out of quarantine, counts from zero. */
  clearQuarantine(): void {
    this.current = null;
    this.tally.reset();
  }

  /** Quarantines the job (a failed opening check, a refused token, a query answered 404). */
  enter(reason: QuarantineReason, error: { code: string; message: string }): void {
    this.current = { reason, error, currentBegan: this.now().toISOString() };
  }

  /** Applies the escrow thresholds; answers whether that quarantined the job. */
  private checkEscrow(): boolean {
    if (this.current !== null) return false;
    const reason = this.tally.verdict(this.thresholds);
    if (reason === null) return false;
    this.enter(reason, { code: this.lastErrorCode, message: this.tally.summary() });
    return true;
  }
}
