import type { ProbeCheck, ProbeCheckId } from '../../shared/probe/report';
import { redactText } from '../logging/redact';
import type { ProbeStep, StepOutcome } from './probe-step';
import { maskedCheck, type Mask } from './shown-text';

/** How the runner reports progress, reads the clock and masks what it reports. */
export interface RunStepsOptions {
  /** Called once per check as soon as it is decided (run, skipped or timed out). */
  onCheck?: (check: ProbeCheck, done: number, total: number) => void;
  /** Milliseconds from a monotonic clock. */
  now?: () => number;
  /** Applied to every text of every check before it is reported (default `redactText`). */
  mask?: Mask;
}

function skippedBecause(need: ProbeCheck): string {
  const what = need.status === 'fail' ? 'failed' : 'was skipped';
  return `Skipped because “${need.title}” ${what}; fix that first.`;
}

function withDeadline(work: Promise<StepOutcome>, ms: number, title: string): Promise<StepOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<StepOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          status: 'fail',
          message: `“${title}” did not finish within ${ms} ms, so the assistant stopped waiting for it.`,
          fix: 'Check that the server answers promptly, or run the connection check again with a longer timeout.',
        }),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function runOne<C>(step: ProbeStep<C>, ctx: C): Promise<StepOutcome> {
  try {
    return await step.run(ctx);
  } catch (error) {
    // A step is written to return data; a throw is a bug in the probe, not in the server.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      status: 'fail',
      message: `The assistant itself failed while running this check: ${detail}`,
      fix: 'Run the connection check again; if it keeps happening, report it with the JSON report attached.',
    };
  }
}

/**
 * Runs the steps, each as soon as the checks it needs are decided, so independent checks run
 * concurrently and the whole probe takes about as long as its slowest chain. Returns the
 * checks in the order of `steps`, whatever order they finished in.
 */
export async function runSteps<C>(
  steps: readonly ProbeStep<C>[],
  ctx: C,
  options: RunStepsOptions = {},
): Promise<ProbeCheck[]> {
  const now = options.now ?? (() => performance.now());
  const mask = options.mask ?? redactText;
  const started = new Map<ProbeCheckId, Promise<ProbeCheck>>();
  let done = 0;

  // Masked here, once, because a check's texts quote what servers sent.
  const settle = (decided: ProbeCheck): ProbeCheck => {
    const check = maskedCheck(decided, mask);
    done += 1;
    options.onCheck?.(check, done, steps.length);
    return check;
  };

  const decided = (id: ProbeCheckId): Promise<ProbeCheck> => {
    const check = started.get(id);
    if (check === undefined) throw new Error(`Probe step "${id}" has not been started.`);
    return check;
  };

  const decide = async (step: ProbeStep<C>): Promise<ProbeCheck> => {
    const needs = await Promise.all(step.needs.map(decided));
    const blocker = needs.find((need) => need.status === 'fail' || need.status === 'skip');
    const base = { id: step.id, title: step.title };
    if (blocker)
      return settle({ ...base, status: 'skip', message: skippedBecause(blocker), durationMs: 0 });
    const reason = step.skipReason?.(ctx) ?? null;
    if (reason !== null) return settle({ ...base, status: 'skip', message: reason, durationMs: 0 });
    const begin = now();
    const outcome = await withDeadline(runOne(step, ctx), step.deadlineMs(ctx), step.title);
    return settle({ ...base, ...outcome, durationMs: Math.max(0, Math.round(now() - begin)) });
  };

  for (const step of steps) {
    const unknown = step.needs.find((id) => !started.has(id));
    if (unknown !== undefined) {
      throw new Error(`Probe step "${step.id}" needs "${unknown}", which is not listed before it.`);
    }
    started.set(step.id, decide(step));
  }
  return Promise.all(steps.map((step) => decided(step.id)));
}
