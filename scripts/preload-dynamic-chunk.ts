import type { Plugin } from 'vite';

/**
 * The modules `start` imports statically, directly or not, leaving out those `entries` import
 * (the page's entry has them already).
 */
function staticClosure(
  start: string,
  entries: readonly string[],
  info: (id: string) => { importedIds: readonly string[] } | null,
) {
  const reach = (from: readonly string[], skip: ReadonlySet<string>) => {
    const seen = new Set<string>();
    const next = [...from];
    for (let id = next.pop(); id !== undefined; id = next.pop()) {
      if (seen.has(id) || skip.has(id)) continue;
      seen.add(id);
      next.push(...(info(id)?.importedIds ?? []));
    }
    return seen;
  };
  return reach([start], reach(entries, new Set()));
}

/**
 * The chunk of one dynamic import (the module whose path matches `module`) and everything it
 * imports statically, as one chunk, preloaded by the built page beside its entry: the page loads
 * it at once rather than once the entry has run and asked for it, and as one file rather than
 * the several Rollup would share with later chunks (over HTTP, as the benchmark serves the page,
 * a seventh file waits for one of the six connections Chromium opens to a host). The entry still
 * runs first. Used for the renderer's first screen (renderer/AppMount.tsx, imported once main
 * has been asked its first questions) and for the benchmark's React-and-IPC floor, which loads
 * React DOM the same way.
 */
export function preloadDynamicChunk(module: RegExp): Plugin {
  let base = '/';
  let members: ReadonlySet<string> | null = null;
  return {
    name: 'preload-dynamic-chunk',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const start = ids.find((id) => module.test(id));
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      members = start ? staticClosure(start, entries, (id) => this.getModuleInfo(id)) : new Set();
    },
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                {
                  name: 'first-screen',
                  test: (id: string) => members?.has(id) === true,
                  includeDependenciesRecursively: false,
                },
              ],
            },
          },
        },
      },
    }),
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const chunk = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.moduleIds.some((id) => module.test(id)),
        );
        // The chunk and the chunks it imports (the bundler's runtime helpers), but not those
        // the page loads already (the entry).
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const output = bundle[fileName];
          if (files.has(fileName) || output?.type !== 'chunk' || html.includes(fileName)) return;
          files.add(fileName);
          for (const imported of output.imports) visit(imported);
        };
        if (chunk !== undefined) visit(chunk.fileName);
        return [...files].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
