import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';

import { preloadDynamicChunk } from '../../scripts/preload-dynamic-chunk';

// A page shaped like the renderer's: the entry asks main (ask.js), then imports the first
// screen (screen.js), which shares part.js with a step it loads later (later.js) and with a
// page the entry may open instead (elsewhere.js): left alone, the bundler gives part.js a file.
const PAGE = {
  'index.html':
    '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>',
  'main.js':
    "import { ask } from './ask.js'; ask();\n" +
    "if (location.hash) import('./elsewhere.js').then((m) => m.show());\n" +
    "else import('./screen.js').then((m) => m.show());",
  'ask.js': 'export const ask = () => { globalThis.asked = true; };',
  'screen.js':
    "import { ask } from './ask.js'; import { part } from './part.js';\n" +
    "export const show = () => { ask(); part(); import('./later.js').then((m) => m.later()); };",
  'part.js': 'export const part = () => 1;',
  'later.js': "import { part } from './part.js'; export const later = () => part() + 1;",
  'elsewhere.js': "import { part } from './part.js'; export const show = () => part() + 2;",
};

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function buildPage() {
  const root = await mkdtemp(join(tmpdir(), 'preload-chunk-'));
  dirs.push(root);
  for (const [name, text] of Object.entries(PAGE)) await writeFile(join(root, name), text);
  const outDir = join(root, 'out');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [preloadDynamicChunk(/[\\/]screen\.js$/)],
    build: { outDir, minify: false, modulePreload: { polyfill: false } },
  });
  const [output] = (Array.isArray(result) ? result : [result]) as Rollup.RolldownOutput[];
  const chunks = output!.output.filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
  const chunkOf = (name: string) =>
    chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(`/${name}`)))!;
  return { chunkOf, html: await readFile(join(outDir, 'index.html'), 'utf8') };
}

describe('preloadDynamicChunk', () => {
  it('puts the first screen and what only it imports statically in one chunk the page preloads', async () => {
    const { chunkOf, html } = await buildPage();
    const screen = chunkOf('screen.js');
    // part.js, shared with a later step, is not split into a file of its own.
    expect(chunkOf('part.js').fileName).toBe(screen.fileName);
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/${screen.fileName}">`);
    expect(chunkOf('later.js').fileName).not.toBe(screen.fileName);
  });

  it('leaves the entry free of the first screen, so the entry runs (and asks main) before it loads', async () => {
    const { chunkOf } = await buildPage();
    const entry = chunkOf('main.js');
    expect(chunkOf('ask.js').fileName).toBe(entry.fileName);
    expect(entry.imports).not.toContain(chunkOf('screen.js').fileName);
  });
});
