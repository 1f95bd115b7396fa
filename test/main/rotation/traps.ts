import type { StandInApp } from '../../../main/sandbox/graph-stand-in/tenant';

/**
 * Failures on demand for the rotation tests: the app's fetch goes through {@link trappingFetch},
 * and each trap answers the first request it matches, once, instead of letting it out. And the
 * check every outcome must pass: Stytch accepts what Entra holds.
 */

/**
 * One request to fail (or hold), once: the first that matches answers `response` instead of
 * going out; `response` may send the request itself, later (`fetch(input, init)`).
 */
export interface Trap {
  matches: (method: string, url: string) => boolean;
  response: (
    input: Parameters<typeof fetch>[0],
    init?: RequestInit,
  ) => Promise<Response> | Response;
}
export const traps: Trap[] = [];
export const trappingFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const index = traps.findIndex((trap) => trap.matches(method, url));
  if (index >= 0) {
    const [trap] = traps.splice(index, 1);
    if (trap) return trap.response(input, init);
  }
  return fetch(input, init);
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
/** Graph's refusal envelope (403 is not retried). */
export const graphRefusal = () =>
  json(403, {
    error: {
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    },
  });
/** Stytch's error envelope for a 400 (not retried). */
export const stytchRefusal = () =>
  json(400, {
    status_code: 400,
    request_id: 'request-id-test-rotation',
    error_type: 'bad_request',
    error_message: 'The request was refused.',
  });

export const trap = {
  pendingCheck: () =>
    traps.push({
      matches: (method, url) =>
        method === 'GET' && /\/Users\?/.test(url) && url.includes('count=1'),
      response: () => json(500, { detail: 'Temporarily unavailable' }),
    }),
  entraSave: () =>
    traps.push({
      matches: (method, url) => method === 'PUT' && url.includes('/synchronization/secrets'),
      response: graphRefusal,
    }),
  entraTest: () =>
    traps.push({
      matches: (method, url) => method === 'POST' && url.includes('/validateCredentials'),
      response: graphRefusal,
    }),
  complete: () =>
    traps.push({
      matches: (method, url) => method === 'POST' && url.endsWith('/rotate/complete'),
      response: stytchRefusal,
    }),
  /**
   * Complete lands at Stytch but its answer is lost (a refusal comes back instead), and the read
   * of the connection that follows fails too: the app cannot know that the rotation completed.
   */
  completeLandsUnseen: () =>
    traps.push({
      matches: (method, url) => method === 'POST' && url.endsWith('/rotate/complete'),
      response: async (input, init) => {
        await (await fetch(input, init)).text();
        traps.push({
          matches: (method, url) => method === 'GET' && url.endsWith('/connection'),
          response: stytchRefusal,
        });
        return stytchRefusal();
      },
    }),
};

/** A setting of the credentials Entra holds for `entraApp` (e.g. "SecretToken"). */
export function entraSetting(entraApp: StandInApp | undefined, key: string): string {
  return entraApp?.secrets.find((setting) => setting.key === key)?.value ?? '';
}

/** What Stytch's SCIM endpoint answers to the credentials Entra holds, as Entra would send them. */
export async function entraPairStatus(entraApp: StandInApp | undefined): Promise<number> {
  const base = new URL(entraSetting(entraApp, 'BaseAddress'));
  base.pathname = `${base.pathname}/Users`;
  base.searchParams.set('count', '1');
  const answer = await fetch(base, {
    headers: { Authorization: `Bearer ${entraSetting(entraApp, 'SecretToken')}` },
  });
  await answer.text();
  return answer.status;
}
