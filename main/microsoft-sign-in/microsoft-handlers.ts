import type { FeatureHandlers } from '../ipc/dispatch';
import type { MicrosoftSession } from './microsoft-session';

/** What the microsoft:* handlers use (a slice of `Services`). */
export interface MicrosoftServices {
  microsoft: Pick<MicrosoftSession, 'status' | 'signIn' | 'cancelSignIn' | 'signOut'>;
}

/** The microsoft:* channels: who is signed in to Microsoft, never a token. */
export const microsoftHandlers = {
  'microsoft:status': (_request, services) => services.microsoft.status(),

  /** Opens the system browser on Microsoft's page (the stand-in's, in sandbox mode). */
  'microsoft:signIn': (request, services) => services.microsoft.signIn(request.action),

  'microsoft:cancelSignIn': async (_request, services) => ({
    cancelled: await services.microsoft.cancelSignIn(),
  }),

  'microsoft:signOut': (_request, services) => services.microsoft.signOut(),
} satisfies FeatureHandlers<MicrosoftServices>;
