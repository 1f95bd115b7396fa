import type { StytchEnvironment } from '../../../shared/stytch/views';

// Stytch tells environments apart by this prefix (the official Node SDK does the same).
const PREFIXES: readonly [string, StytchEnvironment][] = [
  ['project-test-', 'test'],
  ['project-live-', 'live'],
];

/** The environment a project ID belongs to, or null when it has neither prefix. */
export function environmentOf(projectId: string): StytchEnvironment | null {
  const id = projectId.trim();
  return PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1] ?? null;
}

/** What to tell the user about the ID as typed so far. */
export function describeProjectId(projectId: string): string {
  if (projectId.trim() === '') return '';
  switch (environmentOf(projectId)) {
    case 'test':
      return 'Test environment.';
    case 'live':
      return 'Live environment: changes affect your real users.';
    case null:
      return 'Stytch project IDs start with project-test- or project-live-.';
  }
}
