import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';

import { preloadDynamicChunk } from '../scripts/preload-dynamic-chunk';

import { bridgeAssistantInitScript } from '../test/bridge/bridge-assistant';
import { startAppHost, type AppHost } from '../test/bridge/app-host';
import { asInitScript } from '../test/bridge/init-script';
import { BUILT_RENDERER_DIR, launchTestBrowser } from '../test/e2e/browser';
import { median, type Benchmark, type Figure } from './figures';

const REPO_ROOT = resolve(__dirname, '..');
const SAMPLES = 21;

let built = false;

/**
 * Builds the app as `npm run build` does (once per bench run, whichever renderer benchmark comes
 * first), so the figures describe the current source.
 */
export function buildApp(): void {
  if (built) return;
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (build.status !== 0)
    throw new Error('electron-vite build failed: run `npm run build` to see why.');
  built = true;
}

/** Gzipped size of built renderer files, in KB to one decimal. */
async function gzipKb(files: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(file)).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

const FIRST_ACTION = 'Try it with a local sandbox';

/** What one page load noted (see {@link watchForFirstAction}). */
interface PageLoad {
  /** Milliseconds from navigation to the first action being on screen and enabled. */
  firstActionAt: number;
  /** Paths of the JavaScript files the page had loaded by then. */
  scripts: string[];
}

/**
 * Runs in the page before the app: notes (on the page's own clock, which starts at navigation)
 * the moment the first screen's main action is on screen and enabled, and which scripts the page
 * had loaded by then (Resource Timing: the entry, what it preloads, any chunk it imported).
 * Measuring in the page keeps the test driver's polling out of the figure.
 */
function watchForFirstAction(label: string): void {
  const seen = window as unknown as { firstLoad?: PageLoad };
  const look = (): boolean => {
    const ready = [...document.querySelectorAll('button')].some(
      (button) => button.textContent === label && !button.disabled,
    );
    if (ready) {
      const at = performance.now();
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= at)
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js'));
      seen.firstLoad = { firstActionAt: at, scripts };
    }
    return ready;
  };
  const observer = new MutationObserver(() => {
    if (look()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** A page to time: served by its own bridge, loaded in fresh browser contexts. */
interface TimedPage {
  host: AppHost;
  samples: number[];
  /** The scripts of the last load. */
  scripts: string[];
}

/** One load of `url` in a fresh context (nothing cached), until its first action is enabled. */
async function loadOnce(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(bridgeAssistantInitScript());
    await context.addInitScript(asInitScript(watchForFirstAction, FIRST_ACTION));
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as { firstLoad?: PageLoad }).firstLoad,
      undefined,
      { timeout: 10_000, polling: 100 },
    );
    return (await handle.jsonValue()) as PageLoad;
  } finally {
    await context.close();
  }
}

/**
 * Loads each page `samples` + 1 times, round-robin, in one browser: interleaved, so the load
 * other work puts on this machine touches every page alike, and each round starting one page
 * later than the one before, so no page always follows the same one (in a fixed order the app
 * always came after the static page, the IPC floor after the React floor). The first round warms
 * Chromium's process pool and Node's handlers; it is not a user's start.
 */
async function timePages(rendererDirs: readonly string[], samples = SAMPLES): Promise<TimedPage[]> {
  const pages: TimedPage[] = [];
  try {
    for (const rendererDir of rendererDirs)
      pages.push({
        host: await startAppHost({ rendererDir, version: 'bench' }),
        samples: [],
        scripts: [],
      });
    const browser = await launchTestBrowser(pages[0]!.host.bridge.url);
    try {
      for (let round = 0; round < samples + 1; round += 1) {
        const order = pages.map((_, index) => pages[(index + round) % pages.length]!);
        for (const page of order) {
          const load = await loadOnce(browser.browser, page.host.bridge.url);
          if (round > 0) page.samples.push(load.firstActionAt);
          page.scripts = load.scripts;
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    for (const page of pages) await page.host.close();
  }
  return pages;
}

/**
 * `renderer.js_gzip_kb`: every JavaScript file the built renderer ships, gzipped (goal ≤ 150 KB).
 * `renderer.first_screen_js_gzip_kb`: only the files the page had loaded when the first screen's
 * main action became clickable, which is what the first paint waited for (goal ≤ 100 KB).
 */
async function rendererJsGzipKb(): Promise<Figure[]> {
  buildApp();
  const assets = join(BUILT_RENDERER_DIR, 'assets');
  const all = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  const [app] = await timePages([BUILT_RENDERER_DIR], 1);
  const firstScreen = app!.scripts.map((path) => join(BUILT_RENDERER_DIR, path));
  if (!firstScreen.some((file) => file.startsWith(assets)))
    throw new Error('the first screen loaded no script from assets/: is the page built?');
  return [
    {
      name: 'renderer.first_screen_js_gzip_kb',
      value: await gzipKb(firstScreen),
      unit: 'KB',
    },
    {
      name: 'renderer.js_gzip_kb',
      value: await gzipKb(all.map((name) => join(assets, name))),
      unit: 'KB',
    },
  ];
}

/**
 * Builds a floor page of bench/react-floor/ (`page`: '' for React alone, 'ipc' for React and
 * main's three answers) into `outDir`, the way the renderer is built.
 */
async function buildReactFloor(page: '' | 'ipc', outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: join(REPO_ROOT, 'bench/react-floor', page),
    // The IPC floor's React DOM loads beside its entry, as the app's first screen does.
    plugins: [react(), preloadDynamicChunk(/[\\/]react-dom[\\/]client\.js$/)],
    // Chromium preloads modules natively; the polyfill is for other browsers.
    build: { outDir, emptyOutDir: true, minify: true, modulePreload: { polyfill: false } },
  });
}

/**
 * From navigation to the first screen's main action being clickable ("Try it with a local
 * sandbox" shown and enabled, which needs app:info, stytch:status and settings:get answered by
 * main through the bridge). Beside it, floors measured the same way, in the same rounds: a page
 * that is nothing but that button in static HTML (what this machine's Chromium needs before any
 * script), React alone rendering that button (what React 19 needs before any app code), and
 * React rendering it once main has answered the same three calls (React and the round trips to
 * main, overlapped as well as a page can). The ratios are the app's median over each floor's.
 */
async function rendererInteractiveMs(): Promise<Figure[]> {
  buildApp();
  const floors = await mkdtemp(join(tmpdir(), 'bench-floor-'));
  try {
    const staticDir = join(floors, 'static');
    await mkdir(staticDir);
    await writeFile(
      join(staticDir, 'index.html'),
      `<!doctype html><html lang="en"><title>floor</title><button>${FIRST_ACTION}</button></html>`,
    );
    const reactDir = join(floors, 'react');
    await buildReactFloor('', reactDir);
    const ipcDir = join(floors, 'ipc');
    await buildReactFloor('ipc', ipcDir);
    const pages = await timePages([BUILT_RENDERER_DIR, reactDir, ipcDir, staticDir]);
    const [appMs, reactMs, ipcMs, staticMs] = pages.map((page) =>
      Math.round(median(page.samples)),
    ) as [number, number, number, number];
    const ratio = (floorMs: number) => Math.round((appMs / floorMs) * 1000) / 1000;
    return [
      { name: 'renderer.interactive_ms', value: appMs, unit: 'ms' },
      { name: 'renderer.interactive_react_floor_ms', value: reactMs, unit: 'ms' },
      { name: 'renderer.interactive_ipc_floor_ms', value: ipcMs, unit: 'ms' },
      { name: 'renderer.interactive_static_floor_ms', value: staticMs, unit: 'ms' },
      { name: 'renderer.interactive_vs_react_floor', value: ratio(reactMs), unit: 'ratio' },
      { name: 'renderer.interactive_vs_ipc_floor', value: ratio(ipcMs), unit: 'ratio' },
    ];
  } finally {
    await rm(floors, { recursive: true, force: true });
  }
}

export const RENDERER_BENCHMARKS: readonly Benchmark[] = [
  { name: 'renderer.js_gzip_kb', run: rendererJsGzipKb },
  { name: 'renderer.interactive_ms', run: rendererInteractiveMs },
];
