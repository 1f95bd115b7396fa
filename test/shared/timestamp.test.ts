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

describe('formatTimestamp on text that is no time', () => {
  it('shows it as it came, rather than failing the screen or the report', () => {
    expect(formatTimestamp('')).toBe('');
    expect(formatTimestamp('not a time', { timeZone: 'UTC', named: true })).toBe('not a time');
  });
});

describe('formatTimestamp over thousands of moments (the saved report of a large project)', () => {
  it('makes one formatter per zone, not one per moment', () => {
    // Each ICU formatter is costly to build: one per cell made a 5,000-row report take 340 MB
    // at its peak against 170 (bench/fleet-child.ts).
    const real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(real, {
      construct: (target, args: ConstructorParameters<typeof real>) => {
        made += 1;
        return new target(...args);
      },
    });
    try {
      for (let minute = 0; minute < 1_000; minute += 1) {
        const moment = new Date(Date.UTC(2026, 11, 8, 0, minute)).toISOString();
        formatTimestamp(moment, { timeZone: 'Pacific/Auckland', named: true });
      }
      expect(made).toBeLessThanOrEqual(1);
    } finally {
      Intl.DateTimeFormat = real;
    }
  });
});
