import { describe, expect, it } from 'vitest';

import {
  durationWords,
  intervalWords,
} from '../../../renderer/features/entra-setup/interval-words';

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
