import type { Plugin } from 'vite';

/**
 * A modulepreload link in the built page for the chunk of one dynamic import (the module whose
 * path matches `module`), so the page loads it beside the entry rather than once the entry has
 * run and asked for it: one load fewer in a row. The entry still runs first. Used for the
 * renderer's first screen (renderer/AppMount.tsx, imported once main has been asked its first
 * questions) and for the benchmark's React-and-IPC floor, which loads React DOM the same way.
 */
export function preloadDynamicChunk(module: RegExp): Plugin {
  let base = '/';
  return {
    name: 'preload-dynamic-chunk',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && module.test(output.facadeModuleId ?? ''),
        );
        if (chunk === undefined) return [];
        const attrs = { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` };
        return [{ tag: 'link', attrs, injectTo: 'head' }];
      },
    },
  };
}
