import { describe, expect, it } from 'vitest';

import { AppErrorSchema, fail, ok, resultSchema } from '../../shared/errors';
import { z } from 'zod';

describe('Result', () => {
  it('round-trips a failure through the shared schema', () => {
    const failure = fail('NET_TIMEOUT', 'Stytch did not answer in time.', 'Check your network.');
    const parsed = resultSchema(z.string()).parse(failure);
    expect(parsed).toEqual({
      ok: false,
      error: {
        code: 'NET_TIMEOUT',
        message: 'Stytch did not answer in time.',
        hint: 'Check your network.',
      },
    });
  });

  it('rejects an error whose code is not in the closed list', () => {
    expect(AppErrorSchema.safeParse({ code: 'NOPE', message: 'm', hint: 'h' }).success).toBe(false);
  });

  it('wraps data in ok', () => {
    expect(ok(3)).toEqual({ ok: true, data: 3 });
  });
});
