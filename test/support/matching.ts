import { expect } from 'vitest';

/** A string matcher typed as a string, for `toMatchObject` (vitest types it `any`). */
export function matching(pattern: RegExp | string): string {
  return expect.stringMatching(pattern) as string;
}
