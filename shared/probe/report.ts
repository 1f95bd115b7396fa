import { z } from 'zod';

/**
 * The probe's checks, in the order they are reported. The runner starts them in this order too,
 * so a check must come after the checks it needs (main/probe/steps/index.ts has their steps).
 */
export const PROBE_CHECK_IDS = [
  'url',
  'tls',
  'test-connection',
  'auth-enforced',
  'external-id-filter',
  'groups',
  'not-found-shape',
  'discovery',
  'write-cycle',
] as const;
export const ProbeCheckIdSchema = z.enum(PROBE_CHECK_IDS);
export type ProbeCheckId = z.infer<typeof ProbeCheckIdSchema>;

export const ProbeStatusSchema = z.enum(['pass', 'warn', 'fail', 'skip']);
export type ProbeStatus = z.infer<typeof ProbeStatusSchema>;

/** A request as the probe sent it, with the token redacted. */
export const ProbeRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
});
export type ProbeRequest = z.infer<typeof ProbeRequestSchema>;

/** What came back, cut to an excerpt (with anything that looks like the token masked). */
export const ProbeResponseSchema = z.object({
  status: z.number().int(),
  contentType: z.string().nullable(),
  bodyExcerpt: z.string(),
});
export type ProbeResponse = z.infer<typeof ProbeResponseSchema>;

/** One request of a check that sends several (discovery, write cycle), in the order sent. */
export const ProbeExchangeSchema = z.object({
  label: z.string(),
  status: ProbeStatusSchema,
  message: z.string(),
  request: ProbeRequestSchema,
  response: ProbeResponseSchema.optional(),
  durationMs: z.number().nonnegative(),
});
export type ProbeExchange = z.infer<typeof ProbeExchangeSchema>;

/** One check's outcome. Request headers are recorded with the token redacted. */
export const ProbeCheckSchema = z.object({
  id: ProbeCheckIdSchema,
  title: z.string(),
  status: ProbeStatusSchema,
  message: z.string(),
  fix: z.string().optional(),
  /**
   * What Entra's Test Connection shows here, approximately: Microsoft's documented wording and
   * template filled in with what the probe saw (main/probe/entra-texts.ts). Shown under
   * `ENTRA_TEXT_LABEL` (report-text.ts).
   */
  entraWouldSay: z.string().optional(),
  request: ProbeRequestSchema.optional(),
  response: ProbeResponseSchema.optional(),
  /** Every request of a multi-request check; `request`/`response` then show the decisive one. */
  exchanges: z.array(ProbeExchangeSchema).optional(),
  durationMs: z.number().nonnegative(),
});
export type ProbeCheck = z.infer<typeof ProbeCheckSchema>;

/** The whole report: `ok` is false when any check failed. */
export const ProbeReportSchema = z.object({
  ok: z.boolean(),
  baseUrl: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  checks: z.array(ProbeCheckSchema),
});
export type ProbeReport = z.infer<typeof ProbeReportSchema>;

/** The progress event sent while a probe runs: one per finished check. */
export const ProbeProgressSchema = z.object({
  runId: z.string(),
  check: ProbeCheckSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
export type ProbeProgress = z.infer<typeof ProbeProgressSchema>;
