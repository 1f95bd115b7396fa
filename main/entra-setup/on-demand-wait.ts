import type { OnDemandView } from '../../shared/entra/entra-views';
import { backoffDelay, type RetryClock, type RetryPolicy } from '../http/retry';

/**
 * Provision on demand right after an assignment: "On-demand provisioning says the group or user
 * can't be provisioned because they're not assigned to the application. There's a replication
 * delay of up to a few minutes between when an object is assigned to an application and when
 * that assignment is honored in on-demand provisioning. You may need to wait a few minutes and
 * try again." (MicrosoftDocs/entra-docs docs/identity/app-provisioning/provision-on-demand.md,
 * "Step 5: Perform action", troubleshooting tips). So within a few minutes of an assignment this
 * run made, such an answer is asked again with backoff instead of being reported.
 *
 * This file is the one place for what the app assumes about those on-demand answers.
 */

/**
 * [unconfirmed] How long after an assignment the app keeps asking: the doc says "up to a few
 * minutes"; three is our reading of "a few".
 */
export const ASSIGNMENT_REPLICATION_MS = 3 * 60_000;

/**
 * The waits between runs: 10 s doubling to 40 s (with jitter), within the window above. Well
 * under provisionOnDemand's 5 requests per 10 s (reference §2), which the client enforces anyway.
 */
export const ASSIGNMENT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 10_000,
  maxDelayMs: 40_000,
  maxTotalMs: ASSIGNMENT_REPLICATION_MS,
};

/** A detail name as the portal's View details or the API spells it ("Assigned to application"). */
const detailName = (name: string) => name.replace(/[\s_]/g, '').toLowerCase();

/**
 * [unconfirmed] Whether an on-demand answer says the user is not assigned. No Microsoft page
 * shows the API's answer for it, so any of these counts, on an answer that is not a Success:
 * - a step detail "AssignedToApplication" (the portal's "Assigned to application", provision-on-
 *   demand.md "Step 3") that reads false: the form the sandbox's simulator answers with
 *   (main/sandbox/entra-simulator/user-export.ts);
 * - a step detail SkipReason "NotEffectivelyEntitled", the skip reason provisioning logs give
 *   an unassigned object ("This object is not assigned to the application", Microsoft Q&A
 *   1023522; application-provisioning-config-problem-no-users-provisioned.md);
 * - "not assigned" in Entra's texts (the doc's words: "not assigned to the application").
 */
export function saysNotAssigned(view: OnDemandView): boolean {
  if (view.result.trim().toLowerCase() === 'success') return false;
  const details = view.steps.flatMap((step) => Object.entries(step.details));
  const detail = (name: string) =>
    details
      .filter(([key]) => detailName(key) === name)
      .map(([, value]) => value.trim().toLowerCase());
  if (detail('assignedtoapplication').includes('false')) return true;
  if (detail('skipreason').includes('noteffectivelyentitled')) return true;
  const texts = [view.errorCode, view.errorMessage, ...view.steps.map((s) => s.description)];
  return texts.some((text) => text !== null && /\bnot (effectively )?assigned\b/i.test(text));
}

/** What the app tells the screen while it waits (event `entra:onDemandWait`). */
export interface AssignmentWaitNotice {
  attempts: number;
  nextAttemptAt: number;
  giveUpAt: number;
}

/**
 * Runs provision on demand; when the user's assignment was made by this run at `assignedAt`
 * (main's clock, ms) and Entra answers "not assigned" within {@link ASSIGNMENT_REPLICATION_MS}
 * of it, runs it again after each wait (announced through `onWait`) until Entra honours the
 * assignment or the window ends. The view then says how it waited (`assignmentWait`); without an
 * assignment of this run, or outside its window, the first answer is the answer.
 */
export async function provisionWhenAssigned(
  run: () => Promise<OnDemandView>,
  assignedAt: number | null,
  clock: RetryClock,
  onWait: (notice: AssignmentWaitNotice) => void,
): Promise<OnDemandView> {
  const started = clock.now();
  let view = await run();
  if (assignedAt === null || !saysNotAssigned(view)) return view;
  const giveUpAt = assignedAt + ASSIGNMENT_REPLICATION_MS;
  if (started >= giveUpAt) return view;
  let attempts = 1;
  while (saysNotAssigned(view)) {
    const left = giveUpAt - clock.now();
    if (left <= 0 || attempts >= ASSIGNMENT_RETRY.maxAttempts) {
      const waitedMs = clock.now() - started;
      return { ...view, assignmentWait: { attempts, waitedMs, honoured: false } };
    }
    const delay = Math.min(
      backoffDelay(ASSIGNMENT_RETRY, attempts, () => clock.random()),
      left,
    );
    onWait({ attempts, nextAttemptAt: clock.now() + delay, giveUpAt });
    await clock.sleep(delay);
    view = await run();
    attempts += 1;
  }
  return { ...view, assignmentWait: { attempts, waitedMs: clock.now() - started, honoured: true } };
}
