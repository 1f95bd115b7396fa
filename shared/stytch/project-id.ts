import type { StytchEnvironment } from './views';

// Stytch tells environments apart by this prefix (the official Node SDK does the same). Zod-free,
// so the renderer can use it as the admin types.
const PROJECT_PREFIXES: ReadonlyArray<readonly [string, StytchEnvironment]> = [
  ['project-test-', 'test'],
  ['project-live-', 'live'],
];

/** The environment a project ID belongs to, from its prefix; null when it has neither. */
export function projectEnvironment(projectId: string): StytchEnvironment | null {
  const id = projectId.trim();
  return PROJECT_PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1] ?? null;
}
