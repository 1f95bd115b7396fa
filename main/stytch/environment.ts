import { appFailure } from '../../shared/errors';
import { projectEnvironment } from '../../shared/stytch/project-id';
import type { StytchEnvironment } from '../../shared/stytch/views';

/** Stytch's API hosts (reference A.1, stytch-node `lib/shared/envs.ts`). */
export const STYTCH_BASE_URLS: Readonly<Record<StytchEnvironment, string>> = {
  test: 'https://test.stytch.com/',
  live: 'https://api.stytch.com/',
};

/**
 * The environment a project ID belongs to, from its prefix. Unlike the Node SDK (which treats any
 * non-live ID as test), an ID with neither prefix is refused: it is almost always a paste mistake
 * (the secret, the public token, an organization ID).
 */
export function environmentOf(projectId: string): StytchEnvironment {
  const environment = projectEnvironment(projectId);
  if (environment !== null) return environment;
  throw appFailure(
    'STYTCH_PROJECT_ID_INVALID',
    'That is not a Stytch project ID: it should start with "project-test-" or "project-live-".',
    'Copy the Project ID from the Stytch dashboard (Project settings → API keys). Do not paste the secret or the public token here.',
  );
}

/**
 * Refuses a secret that visibly belongs to the other environment (Stytch secrets start with
 * `secret-test-` or `secret-live-`), before anything is sent. A secret without either prefix is
 * left for Stytch to judge.
 */
export function assertSecretMatches(environment: StytchEnvironment, secret: string): void {
  const other: StytchEnvironment = environment === 'test' ? 'live' : 'test';
  if (!secret.trim().startsWith(`secret-${other}-`)) return;
  throw appFailure(
    'STYTCH_ENVIRONMENT_MISMATCH',
    `The project ID is a ${environment} ID but the secret is a ${other} secret.`,
    `Use the ${environment} secret that belongs to this project ID (Stytch dashboard → API keys), or the ${other} project ID that goes with this secret.`,
  );
}

/** The base URL for an environment, unless the caller points the client elsewhere (sandbox). */
export function baseUrlFor(environment: StytchEnvironment, override?: string): string {
  const base = override ?? STYTCH_BASE_URLS[environment];
  return base.endsWith('/') ? base : `${base}/`;
}
