import { describe, expect, it } from 'vitest';

import {
  durationMs,
  durationWords,
  intervalWords,
} from '../../../renderer/features/entra-setup/interval-words';
import {
  REAL_HEALTH_REFRESH_MS,
  healthRefreshMs,
} from '../../../renderer/features/entra-setup/use-health-refresh';

describe('durationWords()', () => {
  it('words the intervals Graph gives', () => {
    expect(durationWords('PT40M')).toBe('40 minutes');
    expect(durationWords('PT20S')).toBe('20 seconds');
    expect(durationWords('PT1H30M')).toBe('1 hour 30 minutes');
    expect(durationWords('P1D')).toBe('1 day');
  });

  it('gives null for what is not a duration', () => {
    expect(durationWords('40 minutes')).toBeNull();
    expect(durationWords('PT')).toBeNull();
    expect(durationWords('PT0S')).toBeNull();
  });
});

describe('intervalWords()', () => {
  it('labels the sandbox’s short interval next to Entra’s', () => {
    expect(intervalWords('PT20S', true)).toBe(
      'Sandbox: a cycle every 20 seconds (Entra: about every 40 minutes)',
    );
    expect(intervalWords('PT40M', false)).toBe('A cycle every 40 minutes');
    expect(intervalWords(null, false)).toBe('A cycle about every 40 minutes');
  });
});

describe('durationMs() and the health refresh pace', () => {
  it('reads the intervals Graph gives in milliseconds, and nothing from an unreadable one', () => {
    expect(durationMs('PT40M')).toBe(2_400_000);
    expect(durationMs('PT20S')).toBe(20_000);
    expect(durationMs('PT1H30M')).toBe(5_400_000);
    expect(durationMs('PT0S')).toBeNull();
    expect(durationMs('forty minutes')).toBeNull();
  });

  it('refreshes every few minutes for Entra, at the sandbox job’s own interval in the sandbox', () => {
    expect(healthRefreshMs('PT40M', false)).toBe(REAL_HEALTH_REFRESH_MS);
    expect(REAL_HEALTH_REFRESH_MS).toBeLessThanOrEqual(10 * 60_000);
    expect(healthRefreshMs('PT20S', true)).toBe(20_000);
    expect(healthRefreshMs('PT1S', true)).toBe(5_000);
    expect(healthRefreshMs(null, true)).toBe(20_000);
  });
});
