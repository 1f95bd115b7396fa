import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { redact } from '../../../main/logging/redact';
import { captureLogger } from '../../support/capture-logger';
import { rejectionOf, signInWorld, type SignInWorld } from './support';

let world: SignInWorld;

beforeEach(async () => {
  world = await signInWorld();
});

afterEach(async () => {
  await world.close();
});

function issuedTokens(): string[] {
  const { accessTokens, refreshTokens, idTokens } = world.standIn.issued;
  return [...accessTokens, ...refreshTokens, ...idTokens];
}

describe('Microsoft tokens stay inside main', () => {
  it('never reach a log line, an error, a status or the settings, through sign-in, renewal, failure and sign-out', async () => {
    world.standIn.expiresIn = 60;
    const service = world.service();
    const seen: unknown[] = [];
    seen.push(await service.signIn('read-apps'));
    await service.accessToken('read-apps');
    world.standIn.failNextToken({
      error: 'invalid_grant',
      error_description: 'AADSTS700082: The refresh token has expired.',
      error_codes: [700082],
    });
    seen.push(await rejectionOf(service.accessToken('read-apps')));
    seen.push(await service.status());
    await service.signOut();
    seen.push(await service.status());

    const outside = JSON.stringify([seen, world.log.records, await world.settings.get()]);
    expect(issuedTokens().length).toBeGreaterThanOrEqual(6);
    for (const token of issuedTokens()) expect(outside).not.toContain(token);
    // Sign-out deleted the cache file (and its key); no temp file was left behind either.
    expect(await readdir(world.dir)).toEqual([]);
  });

  it('registers every issued token for redaction, so one logged by mistake is masked', async () => {
    world.standIn.expiresIn = 60;
    const service = world.service();
    await service.signIn('read-apps');
    await service.accessToken('read-apps');
    const { logger, text } = captureLogger();

    for (const token of issuedTokens()) logger.info('oops', { note: `got ${token} back` });

    for (const token of issuedTokens()) expect(text()).not.toContain(token);
    expect(JSON.stringify(redact(world.standIn.issued.refreshTokens))).not.toContain('rt.');
  });
});
