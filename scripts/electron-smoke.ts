/**
 * A real start of the packaged-to-be app in Electron, for machines that can download Electron
 * (the CI workflow in .github/workflows/ci.yml; this project's own build machines cannot). It
 * launches the built app with Playwright's Electron support, waits for the first window, and
 * checks that the preload bridge answers through main. Exit 0 when all is well.
 *
 *   npm run build && npx tsx scripts/electron-smoke.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { _electron as electron } from 'playwright-core';

import { AppInfoSchema } from '../shared/ipc';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const app = await electron.launch({ args: [ROOT], cwd: ROOT, timeout: 60_000 });
  try {
    const page = await app.firstWindow();
    await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 30_000 });
    const bridge = await page.evaluate(`Object.keys(globalThis.assistant ?? {}).sort()`);
    if (JSON.stringify(bridge) !== '["invoke","on"]')
      throw new Error(`window.assistant exposes ${JSON.stringify(bridge)}`);
    // Strings, not functions: they run in the page, where only the preload's bridge exists.
    const answer = await page.evaluate<{ ok: boolean; data?: unknown; error?: { code: string } }>(
      `globalThis.assistant.invoke('app:info', {})`,
    );
    if (!answer.ok) throw new Error(`app:info failed: ${answer.error?.code ?? 'no answer'}`);
    const info = AppInfoSchema.parse(answer.data);
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'electron-smoke.png') });
    console.log(`electron smoke: ${info.name} ${info.version} on ${info.platform}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
