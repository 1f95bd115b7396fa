/** Where a moment is shown: the time zone (the computer's when unset), and whether to name it. */
export interface TimestampZone {
  /** An IANA zone ("Europe/Berlin", "UTC"); the computer's own when unset. */
  timeZone?: string;
  /** Adds the zone's short name ("CET", "UTC"): for pages read on another computer. */
  named?: boolean;
}

/**
 * One formatter per zone, made once: `toLocaleString` with options builds a new ICU formatter at
 * every call, which for a report of thousands of rows cost seconds and ~150 MB of memory.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: TimestampZone): Intl.DateTimeFormat {
  const key = `${zone.timeZone ?? ''}|${zone.named === true ? 'named' : ''}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat([], {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      ...(zone.timeZone === undefined ? {} : { timeZone: zone.timeZone }),
      ...(zone.named === true ? { timeZoneName: 'short' as const } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The one way the app shows a moment: date and time to the second in the admin's locale (e.g.
 * "20 Nov 2026, 10:00:00"), so times from different panels, and the saved report, read alike and
 * can be compared.
 */
export function formatTimestamp(iso: string, zone: TimestampZone = {}): string {
  const date = new Date(iso);
  // A formatter throws on an invalid date: text that is no time is shown as it came.
  return Number.isNaN(date.getTime()) ? iso : formatterFor(zone).format(date);
}
