import { appFailure } from '../../shared/errors';

/** The one rotation of a selection that may run at a time, and the admin's request to stop it. */
export class SelectionRuns {
  private current: { runId: string; stopRequested: boolean } | null = null;

  /** Claims the run for `runId`; ROTATION_SELECTION_RUNNING while another one runs. */
  begin(runId: string): { stopRequested: () => boolean; end: () => void } {
    if (this.current !== null)
      throw appFailure(
        'ROTATION_SELECTION_RUNNING',
        'A rotation of several connections is already running.',
        'Wait for it to finish, or stop it first.',
      );
    const run = { runId, stopRequested: false };
    this.current = run;
    return {
      stopRequested: () => run.stopRequested,
      end: () => {
        if (this.current === run) this.current = null;
      },
    };
  }

  /** Asks the running selection to stop after its current connection; false when none runs. */
  stop(): boolean {
    if (this.current === null) return false;
    this.current.stopRequested = true;
    return true;
  }
}
