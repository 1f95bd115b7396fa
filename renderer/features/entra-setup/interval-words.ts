const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNITS = ['day', 'hour', 'minute', 'second'] as const;

/** An ISO 8601 duration as Graph gives a schedule's interval (PT40M, PT20S) in words, or null. */
export function durationWords(iso: string): string | null {
  const match = DURATION.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return null;
  const parts = match.slice(1).flatMap((value: string | undefined, index) => {
    const n = Number(value ?? 0);
    return n > 0 ? [`${n} ${UNITS[index]}${n === 1 ? '' : 's'}`] : [];
  });
  return parts.length > 0 ? parts.join(' ') : null;
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
