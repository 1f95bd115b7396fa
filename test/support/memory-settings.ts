import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings';

/** Settings in a variable, for tests of code that keeps its index there (no file). */
export function memorySettings(initial: Settings = DEFAULT_SETTINGS): {
  get(): Promise<Settings>;
  mutate(change: (current: Settings) => Settings): Promise<Settings>;
} {
  let current = initial;
  return {
    get: () => Promise.resolve(current),
    mutate: (change) => Promise.resolve((current = change(current))),
  };
}
