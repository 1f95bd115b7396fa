import { z } from 'zod';

import type { OnDemandView } from '../../shared/entra/entra-views';
import type { OnDemandOutcome } from '../graph/graph-client';
import { redactAndCut } from '../logging/redact';

/** Entra's texts quote the SCIM server's answers; a view carries a readable amount, masked. */
const MAX_TEXT = 1_000;

// provisionOnDemand's `value`, read loosely: a group's may be `{}` (reference §2, [G-pod]).
const SummarySchema = z.object({
  sourceIdentity: z
    .object({ id: z.string().nullish(), displayName: z.string().nullish() })
    .nullish(),
  targetIdentity: z.object({ id: z.string().nullish() }).nullish(),
  provisioningSteps: z
    .array(
      z.object({
        name: z.string().nullish(),
        type: z.string().nullish(),
        status: z.string().nullish(),
        description: z.string().nullish(),
        details: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .nullish(),
});

/** A detail value as text: strings as they are, anything else as JSON. */
export function detailText(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return redactAndCut(text, MAX_TEXT);
}

/** Every value of a details object as masked text. */
export function detailsText(details: Record<string, unknown> | null | undefined) {
  return Object.fromEntries(
    Object.entries(details ?? {}).map(([key, value]) => [key, detailText(value)]),
  );
}

const textOrNull = (value: unknown) =>
  typeof value === 'string' && value !== '' ? redactAndCut(value, MAX_TEXT) : null;

/** What provisionOnDemand said for one user, as Entra's on-demand page shows it. */
export function onDemandView(userId: string, outcome: OnDemandOutcome): OnDemandView {
  const parsed = SummarySchema.safeParse(outcome.summary);
  const summary = parsed.success ? parsed.data : {};
  return {
    userId,
    userDisplayName: summary.sourceIdentity?.displayName ?? null,
    result: outcome.result,
    errorCode: textOrNull(outcome.details['errorCode']),
    errorMessage: textOrNull(outcome.details['errorMessage']),
    targetId: summary.targetIdentity?.id || null,
    steps: (summary.provisioningSteps ?? []).map((step) => ({
      name: step.name ?? step.type ?? '',
      type: step.type ?? '',
      status: step.status ?? '',
      description: textOrNull(step.description),
      details: detailsText(step.details),
    })),
  };
}
