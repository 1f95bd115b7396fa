import { z } from 'zod';

import { AppErrorSchema } from '../errors';
import { ScimConnectionViewSchema } from '../stytch/views';

/**
 * Rotation in Stytch and Entra together (main/rotation/): the steps a run goes through, what it
 * reports as it goes, and what it answers. Secret-free by construction: ids, times, step names.
 */

/**
 * The steps, in the order either path may take them. Pending token accepted: start, check,
 * save in Entra, Entra's test, complete. Refused: start, check, complete, save in Entra, test.
 * `restore-entra` and `cancel` run only after a failure, to leave a working pair.
 */
export const ROTATION_STEPS = [
  'start',
  'check-pending',
  'entra-save',
  'entra-test',
  'complete',
  'restore-entra',
  'cancel',
] as const;
export const RotationStepSchema = z.enum(ROTATION_STEPS);
export type RotationStep = z.infer<typeof RotationStepSchema>;

/** Whether Stytch accepted a rotation's pending token before Complete, and when that was seen. */
export const PendingCheckSchema = z.object({
  accepted: z.boolean(),
  checkedAt: z.string(),
});
export type PendingCheck = z.infer<typeof PendingCheckSchema>;

/**
 * Where a rotation of a selection stands as one of its connections runs: which one (1-based, of
 * `total`), and how the connections before it ended. The overview says "3 of 12" from it.
 */
export const SelectionPositionSchema = z.object({
  organizationId: z.string(),
  position: z.number().int().positive(),
  total: z.number().int().positive(),
  rotated: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type SelectionPosition = z.infer<typeof SelectionPositionSchema>;

/** One step's news, as `rotation:progress` carries it. */
export const RotationProgressSchema = z.object({
  runId: z.string(),
  connectionId: z.string(),
  step: RotationStepSchema,
  state: z.enum(['running', 'done', 'failed']),
  /** Plain words about what the step found ("Stytch refused the new token before completion"). */
  detail: z.string().nullable(),
  at: z.string(),
  /** Set when the step belongs to a rotation of a selection (`rotation:runSelection`). */
  selection: SelectionPositionSchema.optional(),
});
export type RotationProgress = z.infer<typeof RotationProgressSchema>;

/**
 * The gap: how long Entra held a token Stytch refused (the old one after Complete, until the
 * new one was saved in Entra). Zero when Stytch accepted the pending token, so Entra had the new
 * one before Complete. `open`: Entra never got the new token in this run, so the gap goes on.
 */
export const RotationGapSchema = z.object({
  seconds: z.number().nonnegative(),
  open: z.boolean(),
});
export type RotationGap = z.infer<typeof RotationGapSchema>;

/** Where the tokens stand after a failed run: the pair that works, in words and as flags. */
export const RotationLeftSchema = z.object({
  /**
   * Stytch still has the rotation pending (the new token kept on this computer); null when the
   * app does not know (Complete's answer was lost and Stytch could not be read back).
   */
  rotationPending: z.boolean().nullable(),
  /** Stytch completed: only the new token works there. Null when not known, as above. */
  completed: z.boolean().nullable(),
  /** Entra holds the token it held before the run (never changed, or put back). */
  entraHasOldToken: z.boolean(),
  /** One sentence: which token works where now. */
  summary: z.string(),
});
export type RotationLeft = z.infer<typeof RotationLeftSchema>;

/** What `rotation:run` answers: a value in both cases, the failure naming its step. */
export const RotationOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('rotated'),
    runId: z.string(),
    /** The order taken: Entra first (pending accepted) or Stytch first (refused). */
    order: z.enum(['entra-first', 'stytch-first']),
    gap: RotationGapSchema,
    connection: ScimConnectionViewSchema,
    steps: z.array(RotationStepSchema),
  }),
  z.object({
    outcome: z.literal('failed'),
    runId: z.string(),
    failedStep: RotationStepSchema,
    error: AppErrorSchema,
    left: RotationLeftSchema,
    gap: RotationGapSchema.nullable(),
    connection: ScimConnectionViewSchema.nullable(),
    steps: z.array(RotationStepSchema),
  }),
]);
export type RotationOutcome = z.infer<typeof RotationOutcomeSchema>;

/**
 * Why a rotation across both cannot run here, for the guided hand-over instead: nobody signed in
 * to Microsoft, no Entra app linked for this organization and tenant (or no job), another
 * account than the one that linked it.
 */
export const AcrossReasonSchema = z.enum(['not-signed-in', 'no-app', 'other-account']);
export type AcrossReason = z.infer<typeof AcrossReasonSchema>;
export const RotationAcrossSchema = z.object({
  available: z.boolean(),
  reason: AcrossReasonSchema.nullable(),
});

/** What `rotation:get` answers: the remembered pending check, and whether the run is possible. */
export const RotationInfoSchema = z.object({
  pendingCheck: PendingCheckSchema.nullable(),
  across: RotationAcrossSchema,
});
export type RotationInfo = z.infer<typeof RotationInfoSchema>;

const SelectionRowFields = {
  organizationId: z.string(),
  organizationName: z.string(),
  connectionId: z.string(),
};

/** One connection of a selection, before it runs: whether it can be rotated across both here. */
export const SelectionPlanRowSchema = z.object({
  ...SelectionRowFields,
  across: RotationAcrossSchema,
});
export type SelectionPlanRow = z.infer<typeof SelectionPlanRowSchema>;

/** What `rotation:planSelection` answers: each connection named, in the order it would run. */
export const SelectionPlanSchema = z.object({ rows: z.array(SelectionPlanRowSchema) });
export type SelectionPlan = z.infer<typeof SelectionPlanSchema>;

/**
 * Why a connection of a selection was not rotated: the reasons the run across both is not
 * available for it (it gets the guided hand-over on its own page), or `stopped`: the admin
 * stopped the run before its turn.
 */
export const SelectionSkipSchema = z.enum([...AcrossReasonSchema.options, 'stopped']);
export type SelectionSkip = z.infer<typeof SelectionSkipSchema>;

/** One connection of a selection, after the run: its rotation's outcome, or why it was skipped. */
export const SelectionItemSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ran'), ...SelectionRowFields, outcome: RotationOutcomeSchema }),
  z.object({ state: z.literal('skipped'), ...SelectionRowFields, reason: SelectionSkipSchema }),
]);
export type SelectionItem = z.infer<typeof SelectionItemSchema>;

/** What `rotation:runSelection` answers once every connection has had its turn (or was stopped). */
export const SelectionRunSchema = z.object({
  runId: z.string(),
  items: z.array(SelectionItemSchema),
  stopped: z.boolean(),
});
export type SelectionRun = z.infer<typeof SelectionRunSchema>;
