import { create } from 'zustand';

import type { AppError } from '../../shared/ipc';
import type { ScimConnectionView } from '../../shared/stytch/views';
import { call } from '../lib/api';
import type { Failure } from './failure';

/** Which call is in flight, so the right button shows progress. */
export type ConnectionBusy =
  'load' | 'create' | 'rotate-start' | 'rotate-complete' | 'rotate-cancel' | 'delete';

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
  const start = (busy: ConnectionBusy) => set({ busy, failure: null, outcome: null });
  const stop = (error: AppError, retry: () => Promise<void>) =>
    set({ busy: null, failure: { error, retry: () => void retry() } });
  const target = () => {
    const connection = get().connection;
    return connection
      ? { organizationId: connection.organizationId, connectionId: connection.connectionId }
      : null;
  };
  // "Already exists" needs no more words once the connection is on screen; a lost token does:
  // its error says what happened and what to do, so it stays.
  const readBack = async (organizationId: string, cause: AppError) => {
    const result = await call('scim:getConnection', { organizationId });
    if (!result.ok || result.data.connection === null) return;
    set({
      organizationId,
      connection: result.data.connection,
      ...(cause.code === 'STYTCH_SCIM_CONNECTION_EXISTS' ? { failure: null } : {}),
      outcome: 'Stytch already holds a connection for this organization; it is shown below.',
    });
  };

  return {
    ...EMPTY,
    load: async (organizationId) => {
      start('load');
      const result = await call('scim:getConnection', { organizationId });
      if (!result.ok) {
        stop(result.error, () => get().load(organizationId));
        return;
      }
      // What this run did to another organization's connection says nothing about this one.
      const sameOrganization = get().organizationId === organizationId;
      set({
        busy: null,
        organizationId,
        connection: result.data.connection,
        ...(sameOrganization ? {} : { createdThisRun: false, keychainWarning: null }),
      });
    },
    create: async (organizationId, displayName) => {
      start('create');
      const result = await call('scim:createConnection', { organizationId, displayName });
      if (!result.ok) {
        stop(result.error, () => get().create(organizationId, displayName));
        if (READ_BACK_CODES.includes(result.error.code))
          await readBack(organizationId, result.error);
        return;
      }
      const { connection, keychainWarning } = result.data;
      set({ busy: null, organizationId, connection, keychainWarning, createdThisRun: true });
    },
    rotateStart: async () => {
      const ref = target();
      if (!ref) return;
      start('rotate-start');
      const result = await call('scim:rotateStart', ref);
      if (!result.ok) {
        stop(result.error, get().rotateStart);
        if (READ_BACK_CODES.includes(result.error.code))
          await readBack(ref.organizationId, result.error);
        return;
      }
      const { connection, keychainWarning } = result.data;
      set({ busy: null, connection, keychainWarning });
    },
    rotateComplete: async () => {
      const ref = target();
      if (!ref) return;
      start('rotate-complete');
      const result = await call('scim:rotateComplete', ref);
      if (!result.ok) {
        stop(result.error, get().rotateComplete);
        return;
      }
      set({
        busy: null,
        connection: result.data.connection,
        outcome: 'Rotation finished: only the new token works now.',
      });
    },
    rotateCancel: async () => {
      const ref = target();
      if (!ref) return;
      start('rotate-cancel');
      const result = await call('scim:rotateCancel', ref);
      if (!result.ok) {
        stop(result.error, get().rotateCancel);
        return;
      }
      set({
        busy: null,
        connection: result.data.connection,
        keychainWarning: null,
        outcome: 'Rotation cancelled: the original token still works.',
      });
    },
    remove: async () => {
      const ref = target();
      if (!ref) return;
      start('delete');
      const result = await call('scim:deleteConnection', ref);
      if (!result.ok) {
        stop(result.error, get().remove);
        return;
      }
      set({
        ...EMPTY,
        organizationId: ref.organizationId,
        outcome: 'The SCIM connection was deleted.',
      });
    },
    reset: () => set({ ...EMPTY }),
  };
});
