import { create } from 'zustand';

import type { GraphActionName } from '../../shared/entra/graph-permissions';
import type { MicrosoftStatus } from '../../shared/entra/entra-views';
import { call } from '../lib/api';
import type { Failure } from './failure';
import { trackCall } from './track-call';

interface MicrosoftState {
  status: MicrosoftStatus | null;
  /** The channel of the call in flight. */
  busy: 'microsoft:status' | 'microsoft:signIn' | 'microsoft:signOut' | 'settings:update' | null;
  /** The action a sign-in in the browser was started for, while the admin finishes it there. */
  signingInFor: GraphActionName | null;
  /** Set when the admin cancelled the last sign-in (said once, not as an error). */
  cancelled: boolean;
  failure: Failure | null;
  /** Reads who is signed in (microsoft:status). */
  load: () => Promise<void>;
  /** Reads who is signed in unless it is known or being read. */
  ensureLoaded: () => void;
  /** Signs in with the scopes `action` needs; resolves to true once signed in. */
  signIn: (action: GraphActionName) => Promise<boolean>;
  /** Stops waiting for the browser (microsoft:cancelSignIn). */
  cancelSignIn: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Saves the app registration's client ID and the tenant it lives in, together. */
  saveClientId: (clientId: string, tenant: string) => Promise<boolean>;
}

/** Who is signed in to Microsoft, and the sign-in the admin finishes in their browser. */
export const useMicrosoftStore = create<MicrosoftState>()((set, get) => ({
  status: null,
  busy: null,
  signingInFor: null,
  cancelled: false,
  failure: null,
  load: async () => {
    await trackCall(set, () => call('microsoft:status', {}), {
      start: { busy: 'microsoft:status' },
      end: { busy: null },
      retry: () => get().load(),
      done: (status) => ({ status }),
    });
  },
  ensureLoaded: () => {
    const { status, busy, load } = get();
    if (status === null && busy === null) void load();
  },
  signIn: async (action) => {
    const result = await trackCall(set, () => call('microsoft:signIn', { action }), {
      start: { busy: 'microsoft:signIn', signingInFor: action, cancelled: false },
      end: { busy: null, signingInFor: null },
      retry: () => get().signIn(action),
      done: (status) => ({ status }),
    });
    if (result && !result.ok && result.error.code === 'MICROSOFT_SIGN_IN_CANCELLED') {
      // The admin asked for it: nothing to retry, only a word that it stopped.
      set({ failure: null, cancelled: true });
    }
    return result?.ok ?? false;
  },
  cancelSignIn: async () => {
    set({ cancelled: true });
    await call('microsoft:cancelSignIn', {});
  },
  signOut: async () => {
    await trackCall(set, () => call('microsoft:signOut', {}), {
      start: { busy: 'microsoft:signOut', cancelled: false },
      end: { busy: null },
      retry: () => get().signOut(),
      done: (status) => ({ status }),
    });
  },
  saveClientId: async (clientId, tenant) => {
    const saved = await trackCall(
      set,
      () => call('settings:update', { microsoftClientId: clientId, microsoftTenant: tenant }),
      {
        start: { busy: 'settings:update' },
        end: { busy: null },
        retry: () => get().saveClientId(clientId, tenant),
      },
    );
    if (!saved?.ok) return false;
    await get().load();
    return true;
  },
}));
