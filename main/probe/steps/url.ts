import type { ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';

/** `url`: the Tenant URL and token, checked for paste mistakes before anything is sent. */
export const urlStep: ProbeStep<ProbeContext, 'url'> = {
  id: 'url',
  title: 'Tenant URL and token',
  needs: [],
  deadlineMs: () => 1_000,
  run: (ctx) => Promise.resolve(ctx.analysis.outcome),
};
