import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

import { preloadDynamicChunk } from './scripts/preload-dynamic-chunk';

/**
 * Three bundles: main (Node, dependencies stay external so native keytar loads from
 * node_modules), the preload (one self-contained CommonJS file, as `sandbox: true` requires),
 * and the renderer (minified; it talks to main only through the preload).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything the preload imports: a sandboxed preload cannot require node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // The first screen (React DOM and the screens) loads beside the entry, not after it.
    plugins: [react(), preloadDynamicChunk(/[\\/]renderer[\\/]AppMount\.tsx$/)],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
