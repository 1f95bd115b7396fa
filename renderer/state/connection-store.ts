import { create } from 'zustand';

import type { AppError, InvokeChannel, Req, Res, Result } from '../../shared/ipc';
import type {
  PendingCheck,
  RotationInfo,
  RotationOutcome,
  RotationProgress,
} from '../../shared/rotation/rotation';
import type { ScimConnectionView } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { trackCall } from './track-call';

/** The channel of the call in flight, so the right button shows progress. */
export type ConnectionBusy = Extract<InvokeChannel, `scim:${string}` | 'rotation:run'>;

/**
 * A rotation as the rotation panel shows it: whether the run across Stytch and Entra is possible
 * here, whether Stytch accepts the pending token (for the hand-over's order), and the run's steps
 * and answer. Secret-free, like everything main sends.
 */
export interface RotationState {
  /** The connection this is about; anything else here is cleared when it changes. */
  connectionId: string | null;
  info: RotationInfo | null;
  /** This rotation's own check (the project's remembered one is in `info`). */
  check: PendingCheck | null;
  /** Why the check had no answer, when it had none. */
  checkError: AppError | null;
  runId: string | null;
  progress: RotationProgress[];
  outcome: RotationOutcome | null;
  /** The finished run's panel was closed. */
  dismissed: boolean;
}

const NO_ROTATION: RotationState = {
  connectionId: null,
  info: null,
  check: null,
  checkError: null,
  runId: null,
  progress: [],
  outcome: null,
  dismissed: false,
};

interface ConnectionState {
  /** The organization `connection` was read for; null when nothing has been read. */
  organizationId: string | null;
  connection: ScimConnectionView | null;
  /** True when this run created the connection (so the step does not offer reuse). */
  createdThisRun: boolean;
  /** Main's warning when the keychain refused the token: it must be copied now. */
  keychainWarning: string | null;
  busy: ConnectionBusy | null;
  failure: Failure | null;
  /** What the last change did, said once the call has finished. */
  outcome: string | null;
  rotation: RotationState;
  load: (organizationId: string) => Promise<void>;
  create: (organizationId: string, displayName: string) => Promise<void>;
  rotateStart: () => Promise<void>;
  rotateComplete: () => Promise<void>;
  rotateCancel: () => Promise<void>;
  /** Reads whether the run across both is possible; without it, checks the pending token. */
  loadRotation: () => Promise<void>;
  /** Rotates in Stytch and Entra together (main picks the order), step by step. */
  rotateAcross: () => Promise<void>;
  /** A `rotation:progress` event: kept when it belongs to the run on screen. */
  receiveRotationProgress: (progress: RotationProgress) => void;
  /** Closes a finished run's panel. */
  dismissRotation: () => void;
  remove: () => Promise<void>;
  reset: () => void;
}

const EMPTY = {
  organizationId: null,
  connection: null,
  createdThisRun: false,
  keychainWarning: null,
  busy: null,
  failure: null,
  outcome: null,
  rotation: NO_ROTATION,
} as const;

/** What a finished run says in the step's status line: the gap, in seconds. */
function rotatedWords(outcome: Extract<RotationOutcome, { outcome: 'rotated' }>): string {
  return outcome.order === 'entra-first'
    ? 'Rotated in Stytch and Entra. Entra had the new token before Stytch finished, so there was no gap: 0 seconds.'
    : `Rotated in Stytch and Entra. Entra held a token Stytch refused for ${outcome.gap.seconds.toFixed(1)} seconds.`;
}

type ConnectionRef = Pick<ScimConnectionView, 'organizationId' | 'connectionId'>;

// After these, Stytch's connection is not what the screen shows: read it back rather than guess.
// A connection whose token was lost then shows as existing (offering rotation), a rotation whose
// new token was lost as rotating without a token (offering cancel).
const READ_BACK_CODES: readonly AppError['code'][] = [
  'STYTCH_SCIM_CONNECTION_EXISTS',
  'STYTCH_CREATE_OUTCOME_UNKNOWN',
  'STYTCH_CREATED_TOKEN_UNKNOWN',
  'STYTCH_ROTATION_TOKEN_UNKNOWN',
];

/** The organization's SCIM connection and the calls that change it. */
export const useConnectionStore = create<ConnectionState>()((set, get) => {
  const run = <C extends ConnectionBusy>(
    channel: C,
    request: Req<C>,
    retry: () => Promise<void>,
    done: (data: Res<C>) => Partial<ConnectionState>,
  ) =>
    trackCall(set, () => call(channel, request), {
      start: { busy: channel, outcome: null },
      end: { busy: null },
      retry,
      done,
    });
  // Changes act on the connection on screen; with none shown there is nothing to change.
  const withConnection = async (act: (ref: ConnectionRef) => Promise<unknown>) => {
    const connection = get().connection;
    if (!connection) return;
    const { organizationId, connectionId } = connection;
    await act({ organizationId, connectionId });
  };
  // "Already exists" needs no more words once the connection is on screen; a lost token does:
  // its error says what happened and what to do, so it stays.
  const readBackIfUnsure = async (organizationId: string, result: Result<unknown> | null) => {
    if (!result || result.ok || !READ_BACK_CODES.includes(result.error.code)) return;
    const read = await call('scim:getConnection', { organizationId });
    if (!read.ok || read.data.connection === null) return;
    set({
      organizationId,
      connection: read.data.connection,
      ...(result.error.code === 'STYTCH_SCIM_CONNECTION_EXISTS' ? { failure: null } : {}),
      outcome: 'Stytch already holds a connection for this organization; it is shown below.',
    });
  };

  return {
    ...EMPTY,
    load: async (organizationId) => {
      await run(
        'scim:getConnection',
        { organizationId },
        () => get().load(organizationId),
        ({ connection }) => ({
          organizationId,
          connection,
          // What this run did to another organization's connection says nothing about this one.
          ...(get().organizationId === organizationId
            ? {}
            : { createdThisRun: false, keychainWarning: null }),
        }),
      );
    },
    create: async (organizationId, displayName) => {
      const result = await run(
        'scim:createConnection',
        { organizationId, displayName },
        () => get().create(organizationId, displayName),
        ({ connection, keychainWarning }) => ({
          organizationId,
          connection,
          keychainWarning,
          createdThisRun: true,
        }),
      );
      await readBackIfUnsure(organizationId, result);
    },
    rotateStart: () =>
      withConnection(async (ref) => {
        const result = await run(
          'scim:rotateStart',
          ref,
          get().rotateStart,
          ({ connection, keychainWarning }) => ({ connection, keychainWarning }),
        );
        await readBackIfUnsure(ref.organizationId, result);
      }),
    rotateComplete: () =>
      withConnection((ref) =>
        run('scim:rotateComplete', ref, get().rotateComplete, ({ connection }) => ({
          connection,
          outcome: 'Rotation finished: only the new token works now.',
        })),
      ),
    rotateCancel: () =>
      withConnection((ref) =>
        run('scim:rotateCancel', ref, get().rotateCancel, ({ connection }) => ({
          connection,
          keychainWarning: null,
          outcome: 'Rotation cancelled: the original token still works.',
        })),
      ),
    loadRotation: () =>
      withConnection(async (ref) => {
        const current = get().rotation;
        // A closed run's steps belong to the rotation before; what Stytch said stays.
        const base =
          current.connectionId !== ref.connectionId
            ? { ...NO_ROTATION, connectionId: ref.connectionId }
            : current.dismissed
              ? { ...current, runId: null, progress: [], outcome: null, dismissed: false }
              : current;
        set({ rotation: base });
        const info = await call('rotation:get', ref);
        // Unknown counts as "not here": the hand-over by hand always works.
        const across = info.ok ? info.data.across : { available: false, reason: null };
        set({
          rotation: {
            ...get().rotation,
            info: info.ok ? info.data : { pendingCheck: null, across },
          },
        });
        // The hand-over's order depends on the answer; the run finds out by itself.
        if (across.available || get().rotation.check !== null) return;
        const check = await call('rotation:checkPending', ref);
        set({
          rotation: {
            ...get().rotation,
            check: check.ok ? check.data : null,
            checkError: check.ok ? null : check.error,
          },
        });
      }),
    rotateAcross: () =>
      withConnection(async (ref) => {
        const runId = crypto.randomUUID();
        set({
          rotation: {
            ...get().rotation,
            connectionId: ref.connectionId,
            runId,
            progress: [],
            outcome: null,
            dismissed: false,
          },
        });
        await run('rotation:run', { ...ref, runId }, get().rotateAcross, (outcome) => ({
          connection: outcome.connection ?? get().connection,
          rotation: { ...get().rotation, outcome },
          ...(outcome.outcome === 'rotated'
            ? { outcome: rotatedWords(outcome), keychainWarning: null }
            : {}),
        }));
      }),
    receiveRotationProgress: (progress) => {
      const rotation = get().rotation;
      if (progress.runId !== rotation.runId) return;
      set({ rotation: { ...rotation, progress: [...rotation.progress, progress] } });
    },
    dismissRotation: () => set({ rotation: { ...get().rotation, dismissed: true } }),
    remove: () =>
      withConnection((ref) =>
        run('scim:deleteConnection', ref, get().remove, () => ({
          ...EMPTY,
          organizationId: ref.organizationId,
          outcome: 'The SCIM connection was deleted.',
        })),
      ),
    reset: () => set({ ...EMPTY }),
  };
});
