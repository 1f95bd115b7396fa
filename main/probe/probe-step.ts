import type {
  ProbeCheckId,
  ProbeExchange,
  ProbeRequest,
  ProbeResponse,
  ProbeStatus,
} from '../../shared/probe/report';

/** What one step found: plain data, turned into a report line by the runner. */
export interface StepOutcome {
  status: ProbeStatus;
  message: string;
  fix?: string;
  entraWouldSay?: string;
  request?: ProbeRequest;
  response?: ProbeResponse;
  exchanges?: ProbeExchange[];
}

/**
 * One check of the probe (house style H8): an object that returns data and has no other side
 * effect than the requests it sends. The order of the report is `PROBE_CHECK_IDS`, and
 * `steps/index.ts` gives each id its step; the runner only orchestrates. `Id` lets that table
 * refuse a step filed under another check's id.
 */
export interface ProbeStep<C, Id extends ProbeCheckId = ProbeCheckId> {
  id: Id;
  title: string;
  /** Checks that must pass (or only warn) first; if one fails or is skipped, this one is skipped. */
  needs: readonly ProbeCheckId[];
  /** A reason to skip before sending anything (e.g. the write cycle is opt-in); null to run. */
  skipReason?(ctx: C): string | null;
  /** Hard limit for the whole step; the runner reports a failure when it is exceeded. */
  deadlineMs(ctx: C): number;
  run(ctx: C): Promise<StepOutcome>;
}
