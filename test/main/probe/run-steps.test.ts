import { describe, expect, it } from 'vitest';

import { matching } from '../../support/matching';
import type { ProbeStep, StepOutcome } from '../../../main/probe/probe-step';
import { runSteps } from '../../../main/probe/run-steps';
import type { ProbeCheck, ProbeCheckId } from '../../../shared/probe/report';

type Ctx = { log: string[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function step(
  id: ProbeCheckId,
  needs: ProbeCheckId[],
  behaviour: {
    ms?: number;
    outcome?: Partial<StepOutcome>;
    throws?: string;
    deadlineMs?: number;
    skipReason?: string;
  },
): ProbeStep<Ctx> {
  return {
    id,
    title: `Step ${id}`,
    needs,
    ...(behaviour.skipReason ? { skipReason: () => behaviour.skipReason! } : {}),
    deadlineMs: () => behaviour.deadlineMs ?? 5_000,
    run: async (ctx) => {
      ctx.log.push(`start ${id}`);
      await sleep(behaviour.ms ?? 0);
      if (behaviour.throws) throw new Error(behaviour.throws);
      ctx.log.push(`end ${id}`);
      return { status: 'pass', message: `${id} ok`, ...behaviour.outcome };
    },
  };
}

describe('runSteps', () => {
  it('runs independent steps concurrently: total time is the slowest chain, not the sum', async () => {
    const steps = [
      step('url', [], {}),
      step('tls', ['url'], { ms: 120 }),
      step('test-connection', ['url'], { ms: 60 }),
      step('auth-enforced', ['test-connection'], { ms: 60 }),
      step('groups', ['test-connection'], { ms: 60 }),
    ];
    const begin = performance.now();
    const checks = await runSteps(steps, { log: [] });
    const elapsed = performance.now() - begin;
    expect(checks.every((c) => c.status === 'pass')).toBe(true);
    expect(elapsed).toBeLessThan(220); // sequential would be 300 ms
    expect(elapsed).toBeGreaterThanOrEqual(115);
  });

  it('starts a step only after what it needs has finished', async () => {
    const ctx = { log: [] as string[] };
    await runSteps([step('url', [], { ms: 30 }), step('test-connection', ['url'], {})], ctx);
    expect(ctx.log).toEqual([
      'start url',
      'end url',
      'start test-connection',
      'end test-connection',
    ]);
  });

  it('skips dependents of a failed step, transitively, saying which prerequisite failed', async () => {
    const ctx = { log: [] as string[] };
    const checks = await runSteps(
      [
        step('url', [], {}),
        step('test-connection', ['url'], { outcome: { status: 'fail', message: '401' } }),
        step('auth-enforced', ['test-connection'], {}),
        step('write-cycle', ['auth-enforced'], {}),
      ],
      ctx,
    );
    expect(checks.map((c) => c.status)).toEqual(['pass', 'fail', 'skip', 'skip']);
    expect(checks[2]?.message).toBe(
      'Skipped because “Step test-connection” failed; fix that first.',
    );
    expect(checks[3]?.message).toBe(
      'Skipped because “Step auth-enforced” was skipped; fix that first.',
    );
    expect(ctx.log).not.toContain('start auth-enforced');
  });

  it('lets a warning through to dependents', async () => {
    const checks = await runSteps(
      [step('url', [], { outcome: { status: 'warn', message: 'http' } }), step('tls', ['url'], {})],
      { log: [] },
    );
    expect(checks.map((c) => c.status)).toEqual(['warn', 'pass']);
  });

  it('skips a step with its own reason before it sends anything', async () => {
    const ctx = { log: [] as string[] };
    const checks = await runSteps([step('write-cycle', [], { skipReason: 'opt-in only' })], ctx);
    expect(checks[0]).toMatchObject({ status: 'skip', message: 'opt-in only' });
    expect(ctx.log).toEqual([]);
  });

  it('turns a step that throws into a failed check instead of crashing the probe', async () => {
    const checks = await runSteps([step('discovery', [], { throws: 'boom' })], { log: [] });
    expect(checks[0]).toMatchObject({
      status: 'fail',
      message: matching(/assistant itself failed.*boom/),
    });
  });

  it('fails a step that outlives its deadline', async () => {
    const checks = await runSteps([step('tls', [], { ms: 500, deadlineMs: 50 })], { log: [] });
    expect(checks[0]).toMatchObject({
      status: 'fail',
      message: matching(/did not finish within 50 ms/),
    });
  });

  it('reports each check as it is decided, counted, and returns them in list order', async () => {
    const seen: Array<[ProbeCheckId, number, number]> = [];
    const checks = await runSteps(
      [
        step('url', [], {}),
        step('tls', ['url'], { ms: 50 }),
        step('test-connection', ['url'], { ms: 5 }),
      ],
      { log: [] },
      { onCheck: (check: ProbeCheck, done, total) => seen.push([check.id, done, total]) },
    );
    expect(seen).toEqual([
      ['url', 1, 3],
      ['test-connection', 2, 3],
      ['tls', 3, 3],
    ]);
    expect(checks.map((c) => c.id)).toEqual(['url', 'tls', 'test-connection']);
  });

  it('refuses a step list whose dependencies are out of order', async () => {
    await expect(
      runSteps([step('tls', ['url'], {}), step('url', [], {})], { log: [] }),
    ).rejects.toThrow(/needs "url", which is not listed before it/);
  });
});
