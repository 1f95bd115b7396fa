/**
 * The one way the app shows a moment: date and time to the second in the admin's locale (e.g.
 * "20 Nov 2026, 10:00:00"), so times from different panels read alike and can be compared.
 */
export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString([], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
