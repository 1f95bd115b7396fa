import { describe, expect, it } from 'vitest';

import { formatTimestamp } from '../../../renderer/lib/timestamp';

describe('formatTimestamp, the one way the app shows a moment', () => {
  // Built in local time, so the words do not depend on the machine's time zone.
  const moment = new Date(2026, 10, 20, 9, 5, 7).toISOString();

  it('shows the date with the year and the time to the second', () => {
    const shown = formatTimestamp(moment);
    expect(shown).toContain('2026');
    expect(shown).toContain('20');
    expect(shown).toMatch(/09:05:07/);
  });

  it('shows two moments a second apart differently, so log lines can be ordered', () => {
    const later = new Date(2026, 10, 20, 9, 5, 8).toISOString();
    expect(formatTimestamp(later)).not.toBe(formatTimestamp(moment));
  });

  it('shows the same moment the same way wherever it is formatted', () => {
    expect(formatTimestamp(moment)).toBe(formatTimestamp(moment.replace('Z', '+00:00')));
  });
});
