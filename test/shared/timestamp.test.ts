import { describe, expect, it } from 'vitest';

import { formatTimestamp } from '../../shared/timestamp';

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

describe('formatTimestamp for a page read elsewhere (the saved report)', () => {
  const moment = '2026-12-08T04:17:05.000Z';

  it('shows the moment in the zone asked for, and names the zone', () => {
    const utc = formatTimestamp(moment, { timeZone: 'UTC', named: true });
    expect(utc).toMatch(/04:17:05/);
    expect(utc).toContain('UTC');
    // 13:17:05 in Tokyo, however the locale writes the hour (13 or 1 PM).
    const tokyo = formatTimestamp(moment, { timeZone: 'Asia/Tokyo' });
    expect(tokyo).toMatch(/(13|01|1):17:05/);
    expect(tokyo).not.toMatch(/04:17:05/);
  });

  it('names no zone unless asked, as the app’s own panels show it', () => {
    expect(formatTimestamp(moment, { timeZone: 'UTC' })).not.toContain('UTC');
  });
});
