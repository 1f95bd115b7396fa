import type { JobScope } from '../../../shared/entra/entra-views';

/** Entra's names for the two scopes (its provisioning Settings, "Scope"). */
export const SCOPE_WORDS = {
  assigned: 'Sync only assigned users and groups',
  all: 'Sync all users and groups',
} as const;

const UNKNOWN_BECAUSE: Record<NonNullable<JobScope['unknownBecause']>, string> = {
  unreadable: 'Microsoft Graph would not let the assistant read the job’s settings',
  absent: 'the job has no Scope setting, and Entra does not document what it does without one',
  withheld: 'Microsoft Graph withheld the value of the Scope setting',
  unrecognised: 'the Scope setting is neither of Entra’s two choices',
};

/**
 * The scope in Entra's words. Graph's own value shows only when it is neither of Entra's two
 * (as written, so the admin can report it).
 */
export function scopeWords(scope: JobScope): string {
  if (scope.scope === 'unknown') {
    const value =
      scope.unknownBecause === 'unrecognised' && scope.syncAll !== null
        ? ` (it reads “${scope.syncAll}”)`
        : '';
    return `Unknown: ${UNKNOWN_BECAUSE[scope.unknownBecause ?? 'unreadable']}${value}.`;
  }
  return SCOPE_WORDS[scope.scope];
}

/** How many users "all" means, for the question before Start. */
export function usersWords(scope: JobScope): string {
  return scope.userCount === null
    ? 'every user in the tenant (the assistant could not count them)'
    : `all ${scope.userCount} users in the tenant`;
}

/** The job's scope as last read; null while it has not been read. */
export function ScopeSummary({ scope }: { scope: JobScope | null }) {
  return (
    <dl className="details">
      <dt>Scope</dt>
      <dd>{scope === null ? 'Not read yet' : scopeWords(scope)}</dd>
    </dl>
  );
}
