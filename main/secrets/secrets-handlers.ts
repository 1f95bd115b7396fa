import type { Handler } from '../ipc/dispatch';
import type { Services } from '../services';

/**
 * `secrets:reveal`: a token's value, shown once per token per run. A second request for the same
 * token is refused with SECRET_ALREADY_REVEALED (the user copies it instead).
 */
export const revealSecret: Handler<'secrets:reveal', Services> = async (request, services) => ({
  value: await services.scimTokens.revealOnce(request.handle),
});
