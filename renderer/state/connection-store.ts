import { create } from 'zustand';

import type { AppError, InvokeChannel, Req, Res, Result } from '../../shared/ipc';
import type { ScimConnectionView } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { trackCall } from './track-call';

/** The channel of the call in flight, so the right button shows progress. */
export type ConnectionBusy = Extract<InvokeChannel, `scim:${string}`>;

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
  load: (organizationId: string) => Promise<void>;
  create: (organizationId: string, displayName: string) => Promise<void>;
  rotateStart: () => Promise<void>;
  rotateComplete: () => Promise<void>;
  rotateCancel: () => Promise<void>;
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
} as const;

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
