const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNITS = ['day', 'hour', 'minute', 'second'] as const;

const UNIT_MS = [86_400_000, 3_600_000, 60_000, 1_000] as const;

/** The days, hours, minutes and seconds of an ISO 8601 duration (PT40M, PT20S), or null. */
function durationParts(iso: string): number[] | null {
  const match = DURATION.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return null;
  return match.slice(1).map((value: string | undefined) => Number(value ?? 0));
}

/** An ISO 8601 duration as Graph gives a schedule's interval (PT40M, PT20S) in words, or null. */
export function durationWords(iso: string): string | null {
  const parts = (durationParts(iso) ?? []).flatMap((n, index) =>
    n > 0 ? [`${n} ${UNITS[index]}${n === 1 ? '' : 's'}`] : [],
  );
  return parts.length > 0 ? parts.join(' ') : null;
}

/** An ISO 8601 duration in milliseconds, or null when it is unreadable or zero. */
export function durationMs(iso: string): number | null {
  const ms = (durationParts(iso) ?? []).reduce(
    (sum, n, index) => sum + n * (UNIT_MS[index] ?? 0),
    0,
  );
  return ms > 0 ? ms : null;
}

/**
 * The provisioning cycle's interval for the screen; in the sandbox labelled as the stand-in's
 * short interval next to Entra's real one.
 */
export function intervalWords(interval: string | null, sandbox: boolean): string {
  const words = interval === null ? null : durationWords(interval);
  if (sandbox) {
    return `Sandbox: a cycle every ${words ?? 'few seconds'} (Entra: about every 40 minutes)`;
  }
  return words ? `A cycle every ${words}` : 'A cycle about every 40 minutes';
}
