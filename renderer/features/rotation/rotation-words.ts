import type { RotationProgress, RotationStep } from '../../../shared/rotation/rotation';

/** Each step of a rotation across Stytch and Entra, as the admin reads it. */
export const STEP_WORDS: Readonly<Record<RotationStep, string>> = {
  start: 'Start the rotation in Stytch',
  'check-pending': 'Ask Stytch whether it accepts the new token yet',
  'entra-save': 'Save the new token in Entra',
  'entra-test': 'Run Entra’s Test Connection',
  complete: 'Finish the rotation in Stytch',
  'restore-entra': 'Put the current token back in Entra',
  cancel: 'Cancel the rotation in Stytch',
};

export const STATE_WORDS: Readonly<Record<RotationProgress['state'], string>> = {
  running: 'working…',
  done: 'done',
  failed: 'failed',
};

/** The latest news of each step, in the order the steps began. */
export function latestPerStep(progress: readonly RotationProgress[]): RotationProgress[] {
  const latest = new Map<RotationStep, RotationProgress>();
  for (const news of progress) latest.set(news.step, news);
  return [...latest.values()];
}

/** A gap in seconds, as the panel says it. */
export function gapWords(seconds: number): string {
  return `${seconds.toFixed(1)} seconds`;
}
