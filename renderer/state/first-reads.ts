import { call } from '../lib/api';

/** Asks main the first screen's three questions: who it is, the Stytch link, the settings. */
function askMain() {
  return Promise.all([call('app:info', {}), call('stytch:status', {}), call('settings:get', {})]);
}

/** Main's three answers the first screen waits for. */
export type FirstReads = Awaited<ReturnType<typeof askMain>>;

let asked: Promise<FirstReads> | null = null;

/**
 * Asks main the first screen's questions, once. The page's entry (main.tsx) calls this before
 * anything else runs, and this module imports nothing but the bridge, so the entry is small and
 * runs as soon as it arrives: the round trips to main overlap React DOM and the screens loading
 * and compiling (their chunks preloaded beside the entry) instead of following them.
 */
export function askFirstReads(): void {
  asked ??= askMain();
}

/** The answers asked for early, or asked now; the next call (a Retry) asks main again. */
export function takeFirstReads(): Promise<FirstReads> {
  const answers = asked ?? askMain();
  asked = null;
  return answers;
}
