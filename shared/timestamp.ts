/** Where a moment is shown: the time zone (the computer's when unset), and whether to name it. */
export interface TimestampZone {
  /** An IANA zone ("Europe/Berlin", "UTC"); the computer's own when unset. */
  timeZone?: string;
  /** Adds the zone's short name ("CET", "UTC"): for pages read on another computer. */
  named?: boolean;
}

/**
 * The one way the app shows a moment: date and time to the second in the admin's locale (e.g.
 * "20 Nov 2026, 10:00:00"), so times from different panels, and the saved report, read alike and
 * can be compared.
 */
export function formatTimestamp(iso: string, zone: TimestampZone = {}): string {
  return new Date(iso).toLocaleString([], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(zone.timeZone === undefined ? {} : { timeZone: zone.timeZone }),
    ...(zone.named === true ? { timeZoneName: 'short' as const } : {}),
  });
}
