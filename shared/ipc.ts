import { z } from 'zod';

import type { Result } from './errors';
import type { EventChannel, InvokeChannel } from './ipc-channels';
import { MAX_CLIPBOARD_TEXT_CHARS, ProbeProgressSchema, ProbeReportSchema } from './probe/report';
import { WatchSnapshotSchema } from './provisioning/watch';
import { SettingsPatchSchema, SettingsSchema } from './settings/settings';
import {
  OrganizationSummarySchema,
  ProjectIdSchema,
  ScimConnectionViewSchema,
  SecretHandleSchema,
  StytchEnvironmentSchema,
  StytchIdSchema,
} from './stytch/views';

/** Whether the app talks to Stytch itself or to the bundled local stand-ins. */
export const AppModeSchema = z.enum(['real', 'sandbox']);

/** What `app:info` answers. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  mode: AppModeSchema,
});

/** What `app:notice` carries: a short message main wants the user to see. */
export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning']),
  message: z.string(),
});

/** Which Stytch project the app is connected to, if any. Never the secret. */
export const StytchStatusSchema = z.object({
  connected: z.boolean(),
  projectId: z.string().nullable(),
  environment: StytchEnvironmentSchema.nullable(),
  mode: AppModeSchema,
});

const OrgRef = { organizationId: StytchIdSchema };
const ConnectionRef = { ...OrgRef, connectionId: StytchIdSchema };

/** A connection just created or rotated: where its new token went. */
const ConnectionWithTokenOutcome = z.object({
  connection: ScimConnectionViewSchema,
  /**
   * Set when the keychain refused the token: it is held in memory for this run only, and the
   * renderer must tell the user to copy it now (and how to fix the keychain).
   */
  keychainWarning: z.string().nullable(),
});

const empty = z.object({}).strict();

/**
 * The IPC contract: every channel with its request and response schema. The preload, main's
 * registration and the renderer's calls are all typed from this one object.
 */
export const ipcContract = {
  'app:info': { request: empty, response: AppInfoSchema },
  'app:openExternal': {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.literal(true) }),
  },
  'settings:get': { request: empty, response: SettingsSchema },
  'settings:update': { request: SettingsPatchSchema, response: SettingsSchema },
  'sandbox:start': { request: empty, response: StytchStatusSchema },
  'stytch:status': { request: empty, response: StytchStatusSchema },
  'stytch:connect': {
    request: z
      .object({ projectId: ProjectIdSchema, secret: z.string().trim().min(1).max(500) })
      .strict(),
    response: StytchStatusSchema,
  },
  'stytch:forgetProject': {
    request: z.object({ projectId: ProjectIdSchema }).strict(),
    response: z.object({ removedSecrets: z.number().int().nonnegative() }),
  },
  'stytch:searchOrganizations': {
    request: z
      .object({
        query: z.string().max(200),
        cursor: z.string().max(500).nullable().optional(),
        limit: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    response: z.object({
      organizations: z.array(OrganizationSummarySchema),
      nextCursor: z.string().nullable(),
      total: z.number().int().nonnegative(),
    }),
  },
  'scim:getConnection': {
    request: z.object(OrgRef).strict(),
    response: z.object({ connection: ScimConnectionViewSchema.nullable() }),
  },
  'scim:createConnection': {
    request: z.object({ ...OrgRef, displayName: z.string().trim().min(1).max(200) }).strict(),
    response: ConnectionWithTokenOutcome,
  },
  'scim:rotateStart': {
    request: z.object(ConnectionRef).strict(),
    response: ConnectionWithTokenOutcome,
  },
  'scim:rotateComplete': {
    request: z.object(ConnectionRef).strict(),
    response: z.object({ connection: ScimConnectionViewSchema }),
  },
  'scim:rotateCancel': {
    request: z.object(ConnectionRef).strict(),
    response: z.object({ connection: ScimConnectionViewSchema }),
  },
  'scim:deleteConnection': {
    request: z.object(ConnectionRef).strict(),
    response: z.object({ deleted: z.literal(true), connectionId: z.string() }),
  },
  'secrets:reveal': {
    request: z.object({ handle: SecretHandleSchema }).strict(),
    response: z.object({ value: z.string() }),
  },
  'clipboard:copy': {
    request: z.discriminatedUnion('kind', [
      z
        .object({ kind: z.literal('text'), text: z.string().max(MAX_CLIPBOARD_TEXT_CHARS) })
        .strict(),
      z.object({ kind: z.literal('secret'), handle: SecretHandleSchema }).strict(),
    ]),
    response: z.object({ clearsInMs: z.number().int().nullable() }),
  },
  'probe:run': {
    // The request names the connection, never a URL: main sends the stored token only to the
    // base_url Stytch holds for that connection, so the renderer cannot redirect a token.
    request: z
      .object({
        runId: z.string().min(1).max(100),
        ...OrgRef,
        token: SecretHandleSchema,
        writeCycle: z.boolean().default(false),
        timeoutMs: z.number().int().min(500).max(120_000).optional(),
      })
      .strict(),
    response: ProbeReportSchema,
  },
  'watch:start': { request: z.object(ConnectionRef).strict(), response: WatchSnapshotSchema },
  'watch:refresh': { request: empty, response: WatchSnapshotSchema },
  'watch:stop': { request: empty, response: WatchSnapshotSchema },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

/** Payload schema of each event channel. */
export const eventContract = {
  'app:notice': NoticeSchema,
  'probe:progress': ProbeProgressSchema,
  'watch:update': WatchSnapshotSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

/** What the renderer sends on channel C. */
export type Req<C extends InvokeChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** What a handler receives on channel C, after parsing. */
export type ParsedReq<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['request']>;
/** What a handler returns on channel C. */
export type Res<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['response']>;
/** The payload of event E. */
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

/** The one function the renderer calls main with. */
export type Invoke = <C extends InvokeChannel>(
  channel: C,
  request: Req<C>,
) => Promise<Result<Res<C>>>;

/** Subscribes to an event from main; returns the function that unsubscribes. */
export type Subscribe = <E extends EventChannel>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/** Everything the preload exposes on `window.assistant`: exactly these two functions. */
export interface AssistantApi {
  invoke: Invoke;
  on: Subscribe;
}

export type { AppError, Result } from './errors';
export type { EventChannel, InvokeChannel } from './ipc-channels';
export type AppInfo = z.infer<typeof AppInfoSchema>;
export type AppMode = z.infer<typeof AppModeSchema>;
export type StytchStatus = z.infer<typeof StytchStatusSchema>;
