import { describe, expect, it } from 'vitest';

import { failure } from '../../support/stytch-doubles';
import { JSON_HEADERS as json, scriptedGraph, type Answer } from './scripted-graph';

const scripted = scriptedGraph();

const EMPTY_PAGE: Answer = { status: 200, headers: json, body: '{"value":[]}' };

describe('answers that are not what Graph sends', () => {
  it('calls a 200 that is not JSON (a proxy page) an unexpected answer with the client request id', async () => {
    const { client } = await scripted([
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in</html>' },
    ]);
    const error = await failure(() => client.directory.searchUsers('a'));
    expect(error.code).toBe('GRAPH_UNEXPECTED_RESPONSE');
    expect(error.message).toMatch(/client request ID [0-9a-f-]{36}/);
  });

  it('stops reading an answer larger than the limit', async () => {
    const { client } = await scripted([
      { status: 200, headers: json, body: Buffer.alloc(9 * 1024 * 1024, 32) },
    ]);
    const error = await failure(() => client.directory.searchUsers('a'));
    expect(error.code).toBe('NET_RESPONSE_TOO_LARGE');
  });

  it('retries a 503 on a read after its Retry-After', async () => {
    const busy: Answer = {
      status: 503,
      headers: { ...json, 'retry-after': '3' },
      body: '{"error":{"code":"serviceNotAvailable"}}',
    };
    const { client, clock, hits } = await scripted([busy, EMPTY_PAGE]);
    expect(await client.directory.searchGroups('a')).toEqual([]);
    expect(clock.sleeps).toEqual([3_000]);
    expect(hits()).toBe(2);
  });

  it('does not repeat the app creation after a 503, which may have taken effect', async () => {
    const busy: Answer = {
      status: 503,
      headers: { ...json, 'retry-after': '3' },
      body: '{"error":{"code":"serviceNotAvailable"}}',
    };
    const { client, hits } = await scripted([busy]);
    const error = await failure(() => client.instantiateNonGalleryApp('Stytch SCIM'));
    expect(error.code).toBe('GRAPH_SERVER_ERROR');
    expect(hits()).toBe(1);
  });
});
