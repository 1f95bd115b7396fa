/**
 * A time of day in the admin's locale: hours and minutes for the watch, with seconds for the
 * simulated log, whose runs come seconds apart.
 */
export function clockTime(iso: string, withSeconds = false): string {
  return new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  });
}
