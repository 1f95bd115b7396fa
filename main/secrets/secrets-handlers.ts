import type { FeatureHandlers } from '../ipc/dispatch';
import type { Secrets } from './secrets';

/** What the secrets:* handlers use (a slice of `Services`). */
export interface SecretsServices {
  secrets: Pick<Secrets, 'revealOnce'>;
}

/** The secrets:* channels. */
export const secretsHandlers = {
  /**
   * A token's value, shown once per token per run. A second request for the same token is
   * refused with SECRET_ALREADY_REVEALED (the user copies it instead).
   */
  'secrets:reveal': async (request, services) => ({
    value: await services.secrets.revealOnce(request.handle),
  }),
} satisfies FeatureHandlers<SecretsServices>;
