import { describe, expect, it } from 'vitest';

import { createLogger } from '../../../main/logging/logger';
import { SANDBOX_PROJECT_ID, SandboxLauncher, startSandbox } from '../../../main/sandbox/sandbox';

async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

describe('SandboxLauncher', () => {
  it('starts the stand-in once however often it is asked, and stops it', async () => {
    const launcher = new SandboxLauncher({ logger: createLogger(() => undefined) });
    const [first, second] = await Promise.all([launcher.ensureStarted(), launcher.ensureStarted()]);
    expect(second).toBe(first);
    expect(first.projectId).toBe(SANDBOX_PROJECT_ID);
    expect(first.secret).toMatch(/^secret-test-/);
    expect(first.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await reachable(first.apiBaseUrl)).toBe(true);
    await launcher.stop();
    expect(await reachable(first.apiBaseUrl)).toBe(false);
    expect(await reachable(first.scim.origin)).toBe(false);
  });

  it('generates a new secret for every sandbox, and takes a custom seed', async () => {
    const one = await startSandbox({
      seed: [
        { organization_name: 'Only Org', organization_slug: 'only-org', scimFault: 'server-error' },
      ],
    });
    const two = await startSandbox({ seed: [] });
    try {
      expect(one.secret).not.toBe(two.secret);
      expect(one.state.search({}).organizations.map((o) => o.organization_slug)).toEqual([
        'only-org',
      ]);
      expect(two.state.search({}).organizations).toEqual([]);
    } finally {
      await one.stop();
      await two.stop();
    }
  });
});
