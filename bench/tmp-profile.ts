import { bridgeAssistantInitScript } from '../test/bridge/bridge-assistant';
import { startAppHost } from '../test/bridge/app-host';
import { BUILT_RENDERER_DIR, launchTestBrowser } from '../test/e2e/browser';
async function main() {
  const host = await startAppHost({ rendererDir: BUILT_RENDERER_DIR, version: 'bench' });
  const browser = await launchTestBrowser(host.bridge.url);
  for (let i = 0; i < 2; i++) {
    const context = await browser.browser.newContext();
    await context.addInitScript(bridgeAssistantInitScript());
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t0 = performance.now();
    await page.goto(host.bridge.url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Try it with a local sandbox' }).waitFor();
    console.log('ms', Math.round(performance.now() - t0));
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, k) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.slice(-20)}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log('total sampled ms', Math.round(total));
    console.log(
      [...self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `${Math.round(v)} ${k}`)
        .join('\n'),
    );
    await context.close();
  }
  await browser.close();
  await host.close();
}
void main();
