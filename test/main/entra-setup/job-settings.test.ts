import { describe, expect, it } from 'vitest';

import type { OnDemandView } from '../../../shared/entra/entra-views';
import { scopeOf } from '../../../main/entra-setup/job-settings';
import { saysNotAssigned } from '../../../main/entra-setup/on-demand-wait';

const AT = '2026-12-01T12:00:00.000Z';

/**
 * The secrets list as Graph's own samples hold it: SyncNotificationSettings and SyncAll "false"
 * (Graph v1.0 "Add synchronization secrets", synchronization-serviceprincipal-put-synchronization.md,
 * and Entra's cross-tenant Graph guide, step "Save your credentials").
 */
const documented = (syncAll: string | null) => [
  { key: 'SyncNotificationSettings', value: '{"Enabled":false,"DeleteThresholdEnabled":false}' },
  { key: 'SyncAll', value: syncAll },
];

describe('scopeOf(): the job’s SyncAll read tolerantly', () => {
  it('reads "false" (Graph’s documented sample) as Sync only assigned users and groups', () => {
    expect(scopeOf(documented('false'), AT)).toEqual({
      scope: 'assigned',
      syncAll: 'false',
      unknownBecause: null,
      userCount: null,
      readAt: AT,
    });
  });

  it('reads "true", "True" and " TRUE " as Sync all users and groups, showing the spelling read', () => {
    for (const value of ['true', 'True', ' TRUE ']) {
      expect(scopeOf(documented(value), AT)).toMatchObject({ scope: 'all', syncAll: value });
    }
    expect(scopeOf(documented('False'), AT)).toMatchObject({ scope: 'assigned', syncAll: 'False' });
  });

  it('finds the key in any letter case', () => {
    expect(scopeOf([{ key: 'syncall', value: 'false' }], AT).scope).toBe('assigned');
  });

  it('says unknown, and why, when SyncAll is absent, withheld, unrecognised or unreadable', () => {
    expect(scopeOf(documented(null).slice(0, 1), AT)).toMatchObject({
      scope: 'unknown',
      unknownBecause: 'absent',
    });
    for (const withheld of [null, '', '*****']) {
      expect(scopeOf(documented(withheld), AT)).toMatchObject({
        scope: 'unknown',
        unknownBecause: 'withheld',
        syncAll: null,
      });
    }
    expect(scopeOf(documented('yes'), AT)).toMatchObject({
      scope: 'unknown',
      unknownBecause: 'unrecognised',
      syncAll: 'yes',
    });
    expect(scopeOf(null, AT)).toMatchObject({ scope: 'unknown', unknownBecause: 'unreadable' });
  });

  it('shows at most 40 characters of a value it does not recognise', () => {
    const read = scopeOf(documented('x'.repeat(500)), AT);
    expect(read.syncAll).toHaveLength(40);
  });
});

const onDemand = (overrides: Partial<OnDemandView>): OnDemandView => ({
  userId: 'user-1',
  userDisplayName: 'Diego Siciliani',
  result: 'Skipped',
  errorCode: null,
  errorMessage: null,
  targetId: null,
  steps: [],
  ...overrides,
});

const step = (details: Record<string, string>, description: string | null = null) => ({
  name: 'Scope',
  type: 'Scoping',
  status: 'Skipped',
  description,
  details,
});

describe('saysNotAssigned(): an on-demand answer that the user is not assigned ([unconfirmed] forms)', () => {
  it('reads the scoping detail "Assigned to application" false, as the portal names it', () => {
    expect(saysNotAssigned(onDemand({ steps: [step({ AssignedToApplication: 'False' })] }))).toBe(
      true,
    );
    expect(
      saysNotAssigned(onDemand({ steps: [step({ 'Assigned to application': 'false' })] })),
    ).toBe(true);
  });

  it('reads the log’s skip reason NotEffectivelyEntitled (Microsoft Q&A 1023522)', () => {
    const skipped = step(
      { SkipReason: 'NotEffectivelyEntitled' },
      "The User '14523' will be skipped due to the following reasons: 1) This object is not assigned to the application.",
    );
    expect(saysNotAssigned(onDemand({ steps: [skipped] }))).toBe(true);
  });

  it('reads the doc’s words in a failure’s message', () => {
    const failure = onDemand({
      result: 'Failure',
      errorMessage: "The user can't be provisioned because they're not assigned to the application",
    });
    expect(saysNotAssigned(failure)).toBe(true);
  });

  it('never reads a Success, or a skip for another reason, as not assigned', () => {
    expect(
      saysNotAssigned(
        onDemand({ result: 'Success', steps: [step({ AssignedToApplication: 'False' })] }),
      ),
    ).toBe(false);
    const redundant = step({ SkipReason: 'RedundantExport', AssignedToApplication: 'True' });
    expect(saysNotAssigned(onDemand({ steps: [redundant] }))).toBe(false);
  });
});
