import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets main's old generation grow past what its last full collection left, in
 * percent (V8's `--heap-growing-percent`).
 *
 * V8's own factor for a heap allowed to be large goes up to four times, tuned for throughput.
 * Main's heavy work is network-bound: a refresh or sweep of thousands of organizations sends
 * thousands of requests, whose short-lived objects outlive a young-generation collection while
 * they wait on the network, are promoted, and then sit in the old generation as garbage until the
 * next full collection. With 5,000 organizations that garbage took main's peak to ~250 MB over
 * ~35 MB alive; at twice (100), ~170 MB, in the same time and with less time paused for garbage
 * collection (bench/README.md, `fleet.peak_rss_mb`).
 *
 * The flag replaces V8's factor outright, so where V8 would grow less (1.1–1.3 under memory
 * pressure or right after an idle-time compaction) it now grows twice: a bounded cost, against
 * four times on every busy run.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Applies the policy to this process's V8. The flag is read each time V8 sets the next limit,
 * so it holds from the next full collection on; main calls this first thing (main/index.ts).
 * Setting a flag after start-up is allowed in Electron's main process as in Node: both start V8
 * with `--no-freeze-flags-after-init` (Electron's shell/browser/javascript_environment.cc, Node's
 * src/node.cc), for Node's `v8.setFlagsFromString`.
 */
export function applyHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
