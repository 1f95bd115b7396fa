import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { HEAP_GROWING_PERCENT } from '../../../main/app/heap-policy';
import { REPO_ROOT, runChild } from '../../support/run-child';

const CHILD = join(REPO_ROOT, 'test/main/app/fixtures/heap-limit-child.ts');

/** The growing factors V8 traced for the old generation's limit ("Limit: ... (4.0)"). */
async function tracedFactors(mode: 'policy' | 'default'): Promise<number[]> {
  const outcome = await runChild(process.execPath, ['--import', 'tsx', CHILD, mode], process.env);
  expect(outcome.code, outcome.stderr).toBe(0);
  return [...outcome.stdout.matchAll(/\[HeapController\] Limit: .*\((\d+\.\d)\)/g)].map((match) =>
    Number(match[1]),
  );
}

describe('main heap policy', () => {
  it('sets the old generation to grow to twice what a full collection left, where V8 would go to four', async () => {
    const [withPolicy, withDefaults] = await Promise.all([
      tracedFactors('policy'),
      tracedFactors('default'),
    ]);
    expect(withPolicy.length).toBeGreaterThanOrEqual(2);
    expect(new Set(withPolicy)).toEqual(new Set([1 + HEAP_GROWING_PERCENT / 100]));
    // The control: without the policy V8 chose another factor, so the line above can fail.
    expect(withDefaults.length).toBeGreaterThanOrEqual(2);
    expect(withDefaults).not.toContain(1 + HEAP_GROWING_PERCENT / 100);
  });
});
