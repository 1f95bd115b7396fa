import https from 'node:https';

import type { FetchLike } from '../../../../main/http/create-http-client';

/**
 * A fetch for tests that trusts one extra CA. Node's global fetch cannot be given a CA at run
 * time (the app uses Chromium's net.fetch and the OS store; the CLI uses NODE_EXTRA_CA_CERTS),
 * so the happy-path https tests send through node:https with the test CA instead. It handles
 * what the probe's axios client sends: a Request with method, headers, a text body and a signal.
 */
export function fetchTrusting(ca: string): FetchLike {
  const agent = new https.Agent({ ca, keepAlive: true });
  return async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = https.request(
        request.url,
        {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          agent,
          signal: request.signal,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (typeof value === 'string') headers.set(name, value);
            }
            const status = incoming.statusCode ?? 500;
            const empty = status === 204 || status === 304;
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
